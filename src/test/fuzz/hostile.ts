// fast-check arbitraries for hostile input: strings with NUL, lone surrogates, control and bidi characters,
// quotes and template syntax; huge strings; JSON values of any shape; and bodies nested far deeper than any
// limit (sent as raw JSON text, since building them as objects would exhaust the stack before the server).
import fc from 'fast-check';

const NASTY = [
  '\u0000',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uFFFE',
  '\u202E',
  '\u2028',
  '😀',
  "'",
  '"',
  '\\',
  '%s',
];
const NASTY_TEXT = ['${x}', '{{x}}', "'; DROP TABLE users; --", '<script>', '../../etc/passwd', 'javascript:alert(1)'];

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(codeUnit, fc.constantFrom(...NASTY)), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_TEXT, '', ' ', 'a@b.co', 'https://example.com/a.png') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `${s}@example.com`) },
  // Past every per-field limit, below the 1 MB body limit.
  { weight: 1, arbitrary: fc.integer({ min: 1_001, max: 300_000 }).map((n) => 'x'.repeat(n)) },
);

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 53, -(2 ** 63), 1e308, -0),
);

/** A JSON value of any shape, its strings and keys hostile. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** An ISO-looking date-time, often out of range or malformed. */
export const hostileDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-02-30T00:00:00Z',
    'yesterday',
    '',
    '-000001-01-01T00:00:00Z',
  ),
);

/** A uuid-ish string: valid, upper case, truncated or garbage. */
export const hostileId = (valid: string[]) =>
  fc.oneof(
    ...(valid.length > 0 ? [fc.constantFrom(...valid, ...valid.map((id) => id.toUpperCase()))] : []),
    fc.uuid(),
    hostileString.filter((s) => s.length < 100),
  );

/** A field value: hostile JSON, or one shaped for the field (so validation passes more often and writes happen). */
export const fieldValue = (shaped: fc.Arbitrary<unknown>) => fc.oneof(shaped, hostileJson);

/** A request body: a dictionary over the route's field names (some unknown), or any JSON value at all. */
export function hostileBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const known = Object.entries(fields).map(([name, value]) => fc.tuple(fc.constant(name), fieldValue(value)));
  const entry = fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...known) },
    { weight: 1, arbitrary: fc.tuple(hostileString, hostileJson) },
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(entry, { maxLength: 5 }).map((entries) => Object.fromEntries(entries)) },
    { weight: 1, arbitrary: hostileJson },
  );
}

/** `{"field": {"a": {"a": … 1 …}}}` as JSON text, `depth` levels deep (objects or arrays). */
export const deepBody = fc.record({ depth: fc.integer({ min: 33, max: 20_000 }), arrays: fc.boolean() }).map(
  ({ depth, arrays }) =>
    (field: string) =>
      `{${JSON.stringify(field)}:${arrays ? '['.repeat(depth) : '{"a":'.repeat(depth)}1${(arrays ? ']' : '}').repeat(depth)}}`,
);
