// How an error is logged: its chain of names, messages, codes and stack frames, never the values it was
// about. Drizzle puts a failed statement's bound parameters (emails, names, metadata) in its message and
// in `params`, and Postgres puts a conflicting row's values in `detail`: neither may reach a log.

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
export const withoutParams = (message: string): string => message.replace(/\nparams: [\s\S]*$/, '');

export function serializeError(error: unknown): LoggedError | unknown {
  if (!(error instanceof Error)) return error;
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length <= MAX_CAUSES; e = e.cause) chain.push(e);
  const messages = chain.map((e) => withoutParams(e.message));
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
