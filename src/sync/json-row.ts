// Typed reads of a row as to_jsonb wrote it (snake_case keys, timestamps as ISO text). A missing or
// mistyped column is a schema drift between Postgres and the mappings: fail loudly, never guess.
export type JsonRow = Record<string, unknown>;

function fail(row: JsonRow, key: string, expected: string): never {
  throw new Error(`sync: column ${key} should be ${expected}, got ${JSON.stringify(row[key])}`);
}

export const jsonRow = {
  text(row: JsonRow, key: string): string {
    const value = row[key];
    return typeof value === 'string' ? value : fail(row, key, 'text');
  },
  nullableText(row: JsonRow, key: string): string | null {
    const value = row[key];
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : fail(row, key, 'text or null');
  },
  bool(row: JsonRow, key: string): boolean {
    const value = row[key];
    return typeof value === 'boolean' ? value : fail(row, key, 'a boolean');
  },
  instant(row: JsonRow, key: string): Date {
    const value = row[key];
    const at = typeof value === 'string' ? new Date(value) : undefined;
    return at && !Number.isNaN(at.getTime()) ? at : fail(row, key, 'a timestamp');
  },
  /** jsonb columns: any JSON value, null when absent. */
  json(row: JsonRow, key: string): unknown {
    return row[key] ?? null;
  },
  /** The users mapping's primary_email extra column: `{ value, is_verified }` or null. */
  primaryEmail(row: JsonRow): { value: string; isVerified: boolean } | null {
    const email = row.primary_email;
    if (email === null || email === undefined) return null;
    if (typeof email !== 'object') return fail(row, 'primary_email', 'an object or null');
    const fields = email as JsonRow;
    return { value: jsonRow.text(fields, 'value'), isVerified: jsonRow.bool(fields, 'is_verified') };
  },
};
