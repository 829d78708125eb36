// The user counts: what total_users, anonymous_users, verified_users and unverified_users are read
// from, in one query over the users mirror (FINAL: each user's latest version). Each of the four asks
// for it with the same parameters, so a batch (query-batch.ts) sends it once: one scan of the mirror
// and one planning instead of four. Each figure's definition stays in its own file.
import { chParams, IN_SCOPE, onlyRow } from './clickhouse-scope.js';
import type { ProjectRows } from './row-types.js';
import { onRows } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// :TRICKY: the conditions sit in countIf, after FINAL has picked each user's latest version, so a
// tombstone hides the user (as WHERE does after FINAL). The inner column is not named like an outer
// alias: ClickHouse would read the alias there.
const QUERY = `
  SELECT countIf(sync_is_deleted = 0 AND ({includeAnonymous:Bool} OR is_anonymous = 0)) AS total,
         countIf(sync_is_deleted = 0 AND is_anonymous = 1) AS anonymous,
         countIf(sync_is_deleted = 0 AND is_anonymous = 0 AND has_verified_email) AS verified,
         countIf(sync_is_deleted = 0 AND is_anonymous = 0 AND NOT has_verified_email) AS unverified
  FROM (
    SELECT sync_is_deleted, is_anonymous,
           toString(id) IN (
             SELECT toString(user_id)
             FROM analytics_internal.contact_channels FINAL
             WHERE ${IN_SCOPE} AND sync_is_deleted = 0 AND type = 'EMAIL' AND is_verified = 1
           ) AS has_verified_email
    FROM analytics_internal.users FINAL
    WHERE ${IN_SCOPE}
  )`;

export interface UserCounts {
  total: number;
  anonymous: number;
  verified: number;
  unverified: number;
}

/** The same, from a small project's rows. */
export function userCountsFromRows({ users }: ProjectRows, { includeAnonymous }: MetricScope): UserCounts {
  const live = users.filter((u) => !u.sync_is_deleted);
  const named = live.filter((u) => !u.is_anonymous);
  return {
    total: includeAnonymous ? live.length : named.length,
    anonymous: live.length - named.length,
    verified: named.filter((u) => u.has_verified_email).length,
    unverified: named.filter((u) => !u.has_verified_email).length,
  };
}

/** Shared with the other readers of the same batch. */
export async function userCounts(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<UserCounts> {
  if (projectRows) return onRows(projectRows, QUERY, scope, now, () => userCountsFromRows(projectRows, scope));
  const rows = await analytics.query<UserCounts>(QUERY, chParams(scope, now));
  const row = onlyRow(rows, 'user counts');
  return {
    total: Number(row.total),
    anonymous: Number(row.anonymous),
    verified: Number(row.verified),
    unverified: Number(row.unverified),
  };
}
