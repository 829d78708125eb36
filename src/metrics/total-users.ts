// total_users: users in the mirror now (latest version, not a tombstone); anonymous ones only when asked.
import { chParams, IN_SCOPE, onlyRow } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT count() AS users
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE}
    AND sync_is_deleted = 0
    AND ({includeAnonymous:Bool} OR is_anonymous = 0)`;

export async function totalUsers({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ users: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'total_users').users;
}
