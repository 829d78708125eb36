// mau: distinct existing users with a `$token-refresh` today (UTC) or in the 30 days before, up to now:
// its own period, whatever the overview's window. Only users the mirror still holds count, so MAU never exceeds total users.
// From the activity rollup: a user counts if any of their rows has a refresh day in the period.
import { chParams, onlyRow } from './clickhouse-scope.js';
import { daysIn, MAU_DAYS, ROLLUP_ROWS, ROW_NOT_ANONYMOUS, ROW_USER_EXISTS } from './rollup-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// Users are grouped before the existence test, so each id is looked up once.
const QUERY = `
  SELECT count() AS users
  FROM (
    SELECT user_id
    FROM analytics_internal.user_activity
    WHERE ${ROLLUP_ROWS(MAU_DAYS)}
      AND ${daysIn('refresh_days', MAU_DAYS)} != 0
      AND ${ROW_NOT_ANONYMOUS}
    GROUP BY user_id
    HAVING ${ROW_USER_EXISTS}
  )`;

export async function mau({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ users: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'mau').users;
}
