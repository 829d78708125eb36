// Command-line values checked with the admin API's own schemas (contract/), so the CLI accepts exactly what
// the API accepts; a failure is a UsageError (exit 2) that names the flag instead of the body field.
import type { z } from 'zod';
import { ProjectParams } from '../../contract/api.js';
import { UsageError } from './run.js';

/** `flags` maps each schema field to the flag that fills it, e.g. `{ primary_email: '--email' }`. */
export function parseFlags<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  flags: Record<string, string>,
): z.output<S> {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  const parsed = schema.safeParse(given);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const got = given[field];
  throw new UsageError(
    `${flags[field] ?? field} ${issue?.message ?? 'is invalid'}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`,
  );
}

export function parseProjectOption(value: string): string {
  return parseFlags(ProjectParams, { id: value }, { id: '--project' }).id;
}
