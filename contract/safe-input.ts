// What every string and JSON value bound for Postgres must satisfy, shared by the admin API and the CLI:
// Postgres refuses NUL in text and jsonb, lone surrogates in jsonb, and very deep jsonb, and a refusal
// there would be a 500 instead of a 400 naming the field.
import { z } from 'zod';

export const NUL_MESSAGE = 'must not contain NUL characters (\\u0000)';
/** How deeply metadata may nest (objects and arrays), and how large it may be as JSON. */
export const METADATA_MAX_DEPTH = 32;
export const METADATA_MAX_BYTES = 100_000;
/** The instants a date field accepts: from the Unix epoch to one day past the server's clock. */
export const EARLIEST_INSTANT = '1970-01-01T00:00:00Z';
export const LATEST_INSTANT_SKEW_MS = 24 * 3_600_000;

const hasNoNul = (value: string) => !value.includes('\u0000');

/** The string schema, refusing NUL; lone UTF-16 surrogates become U+FFFD (as Postgres stores them in text). */
export const storable = <S extends z.ZodType<string, string>>(schema: S) =>
  schema.refine(hasNoNul, NUL_MESSAGE).transform((value) => value.toWellFormed());

type Path = (string | number)[];

/** The first reason a JSON value cannot be stored as jsonb, with where it is; undefined when it can. */
function jsonProblem(root: unknown): { path: Path; message: string } | undefined {
  // Iterative, so a value nested thousands of levels deep is refused without exhausting the stack.
  const stack: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string' && !hasNoNul(value)) return { path, message: NUL_MESSAGE };
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= METADATA_MAX_DEPTH)
      return { path, message: `must nest at most ${METADATA_MAX_DEPTH} levels deep` };
    for (const [key, child] of Object.entries(value)) {
      if (!hasNoNul(key)) return { path, message: `keys ${NUL_MESSAGE}` };
      stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return undefined;
}

/** A copy with every string and key well-formed UTF-16 (jsonb refuses lone surrogates). Depth is bounded. */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), wellFormed(v)]));
}

/** A JSON object for a jsonb column, or null: bounded in depth and size, no NUL anywhere. */
export const Metadata = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const problem = jsonProblem(value);
    if (problem) return ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    if (new TextEncoder().encode(JSON.stringify(value)).length > METADATA_MAX_BYTES)
      ctx.addIssue({ code: 'custom', message: `must be at most ${METADATA_MAX_BYTES} bytes as JSON` });
  })
  .transform((value) => wellFormed(value) as Record<string, unknown>)
  .nullable();

/** An ISO 8601 date-time with an offset, between EARLIEST_INSTANT and a day past now. */
export const Instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
  .refine((value) => Date.parse(value) >= Date.parse(EARLIEST_INSTANT), `must not be before ${EARLIEST_INSTANT}`)
  .refine(
    (value) => Date.parse(value) <= Date.now() + LATEST_INSTANT_SKEW_MS,
    'must not be more than a day in the future',
  );

/** An absolute http(s) URL: other schemes (javascript:, data:) would run or load in a page showing it. */
export const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2_048, 'must be at most 2048 characters')
  .refine(hasNoNul, NUL_MESSAGE);

/** A uuid in its canonical lower case, so `ABC…` finds the same row as `abc…`. */
export const Uuid = (what: string) =>
  z.uuid({ error: `must be a ${what} id (uuid)` }).transform((id) => id.toLowerCase());
