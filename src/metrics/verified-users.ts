// verified_users: non-anonymous existing users with at least one verified EMAIL contact channel (both
// mirrors read with FINAL, tombstones excluded). verified + unverified + anonymous = all users.
import { chParams, IN_SCOPE, onlyRow } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT count() AS users
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE}
    AND sync_is_deleted = 0
    AND is_anonymous = 0
    AND toString(id) IN (
      SELECT toString(user_id)
      FROM analytics_internal.contact_channels FINAL
      WHERE ${IN_SCOPE} AND sync_is_deleted = 0 AND type = 'EMAIL' AND is_verified = 1
    )`;

export async function verifiedUsers({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ users: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'verified_users').users;
}
