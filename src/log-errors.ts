// How an error is logged: its chain of names, messages, codes and stack frames, never the values it was
// about. Drizzle puts a failed statement's bound parameters (emails, names, metadata) in its message and
// in `params`, Postgres puts a conflicting row's values in `detail`, and ClickHouse quotes the input it
// could not parse or convert: none of them may reach a log (or the CLI's stderr).

/** Fields of an error (or its causes) that describe what failed without carrying the data it failed on. */
const SAFE_FIELDS = ['code', 'constraint', 'table', 'column', 'severity', 'routine', 'statusCode'] as const;
const MAX_CAUSES = 5;

export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

/** A message without the `\nparams: …` Drizzle appends (always last, so everything after it goes). */
const withoutParams = (message: string): string => message.replace(/\nparams: [\s\S]*$/, '');

/** ClickHouse's quoted values (`'…'`, as in "Cannot parse input … before: '…'") emptied: they are row data. */
const withoutQuotedValues = (message: string): string => message.replace(/'(?:[^'\\]|\\.)*'/g, "'…'");

/** ClickHouse's error, or Pulse's wrapper of one (AnalyticsError): its text quotes the data it failed on. */
const fromClickHouse = (message: string): boolean => /DB::Exception|^ClickHouse /.test(message);

/** A message as it may be logged: without the values a failed statement carried. */
export const withoutValues = (message: string, clickHouse = fromClickHouse(message)): string =>
  clickHouse ? withoutQuotedValues(withoutParams(message)) : withoutParams(message);

export function serializeError(error: unknown): LoggedError | unknown {
  if (!(error instanceof Error)) return error;
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length <= MAX_CAUSES; e = e.cause) chain.push(e);
  // A wrapped ClickHouse error's cause carries the same text without the marks that tell.
  const clickHouse = chain.some((e) => e.name === 'AnalyticsError' || fromClickHouse(e.message));
  const messages = chain.map((e) => withoutValues(e.message, clickHouse));
  const frames = (e: Error) => (e.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const logged: LoggedError = {
    type: error.name,
    // Each message once: a wrapper's message often repeats its cause's.
    message: messages.filter((m, i) => !messages.slice(0, i).some((earlier) => earlier.includes(m))).join(': '),
    stack: chain.map((e, i) => [`${e.name}: ${messages[i]}`, ...frames(e)].join('\n')).join('\ncaused by: '),
  };
  for (const e of chain) {
    for (const field of SAFE_FIELDS) {
      const value = (e as unknown as Record<string, unknown>)[field];
      if (logged[field] === undefined && (typeof value === 'string' || typeof value === 'number'))
        logged[field] = value;
    }
  }
  return logged;
}
