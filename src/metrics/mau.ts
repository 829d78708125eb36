// mau: distinct existing users with a `$token-refresh` today (UTC) or in the 30 days before, up to now:
// its own period, whatever the overview's window. Only users the mirror still holds count, so MAU never exceeds total users.
import { chParams, EVENT_NOT_ANONYMOUS, IN_SCOPE, IN_MAU_PERIOD, onlyRow, USER_IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT uniqExact(user_id) AS users
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$token-refresh'
    AND ${IN_MAU_PERIOD}
    AND ${EVENT_NOT_ANONYMOUS}
    AND ${USER_IN_SCOPE}`;

export async function mau({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ users: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'mau').users;
}
