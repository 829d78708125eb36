// live_users: distinct existing users with a `$token-refresh` in (now − 120 s, now]. An event dated
// after now (a client clock ahead) is never live.
import { queryRows } from '../analytics/store.js';
import { chParams, EVENT_NOT_ANONYMOUS, IN_SCOPE, onlyRow, USER_IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT uniqExact(user_id) AS users
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$token-refresh'
    AND event_at > {liveSince:DateTime64(3, 'UTC')}
    AND event_at <= {now:DateTime64(3, 'UTC')}
    AND ${EVENT_NOT_ANONYMOUS}
    AND ${USER_IN_SCOPE}`;

export async function liveUsers({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await queryRows<{ users: number }>(analytics, QUERY, chParams(scope, now));
  return onlyRow(rows, 'live_users').users;
}
