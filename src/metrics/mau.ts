// mau: distinct existing users with a `$token-refresh` today (UTC) or in the 30 days before, up to now:
// its own period, whatever the overview's window. Only users the mirror still holds count, so MAU never exceeds total users.
// From the days' bitmaps (migration 0008): the union of the period's days, intersected with the users
// that exist now.
import { chParams, onlyRow } from './clickhouse-scope.js';
import { DAILY_REFRESHES, EXISTING_USER_NUMBERS } from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { activeUserRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT bitmapAndCardinality(
    (SELECT groupBitmapMergeState(users) FROM analytics_internal.daily_users
     WHERE ${DAILY_REFRESHES} AND day BETWEEN {mauFromDay:UInt16} AND {nowDay:UInt16}),
    ${EXISTING_USER_NUMBERS}) AS users`;

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
