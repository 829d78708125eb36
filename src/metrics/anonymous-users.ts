// anonymous_users: anonymous users in the mirror now, whatever include_anonymous says.
import { chParams, IN_SCOPE, onlyRow } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT count() AS users
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE}
    AND sync_is_deleted = 0
    AND is_anonymous = 1`;

export async function anonymousUsers({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ users: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'anonymous_users').users;
}
