// mau: distinct existing users with a `$token-refresh` today (UTC) or in the 30 days before, up to now:
// its own period, whatever the overview's window. Only users the mirror still holds count, so MAU never exceeds total users.
// From the activity rollup: a user counts if any of their rows has a refresh day in the period.
import { chParams, onlyRow } from './clickhouse-scope.js';
import { MAU_DAYS, perActiveUser } from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { activeUserRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT count() AS users
  FROM (
    SELECT user_id ${perActiveUser('user_activity', 'refresh_days', MAU_DAYS)}
  )`;

/** The same, from a small project's rows. */
export function mauFromRows(rows: ProjectRows, scope: MetricScope, now: Date): number {
  const s = rowScope(rows, scope, now);
  return activeUserRows(s, rows.activity, (row) => row.refresh_days, s.mauMask).size;
}

export async function mau(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<number> {
  if (projectRows) return mauFromRows(projectRows, scope, now);
  const rows = await analytics.query<{ users: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'mau').users;
}
