// unverified_users: non-anonymous existing users without any verified EMAIL contact channel.
import { chParams, IN_SCOPE, onlyRow } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT count() AS users
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE}
    AND sync_is_deleted = 0
    AND is_anonymous = 0
    AND toString(id) NOT IN (
      SELECT toString(user_id)
      FROM analytics_internal.contact_channels FINAL
      WHERE ${IN_SCOPE} AND sync_is_deleted = 0 AND type = 'EMAIL' AND is_verified = 1
    )`;

export async function unverifiedUsers({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ users: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'unverified_users').users;
}
