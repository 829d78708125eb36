// recently_registered: the 10 newest sign-ups (up to now) among existing users, newest first.
import { TOP_LIMIT, type RegisteredUser } from '../../contract/metrics.js';
import { parseEventAt } from '../events/event-rows.js';
import { chParams, SCOPED_USERS } from './clickhouse-scope.js';
import type { ProjectRows } from './row-types.js';
import { byBytes, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT id, display_name, primary_email, profile_image_url, signed_up_at
  FROM (${SCOPED_USERS})
  WHERE signed_up_at <= {now:DateTime64(3, 'UTC')}
  ORDER BY signed_up_at DESC, id
  LIMIT {limit:UInt32}`;

/** QUERY's rows, from a small project's rows. */
function fromRows(rows: ProjectRows, scope: MetricScope, now: Date): RegisteredUser[] {
  const s = rowScope(rows, scope, now);
  return rows.users
    .filter((user) => s.exists(user.id) && user.signed_up_at <= s.params.now)
    .sort((a, b) => byBytes(b.signed_up_at, a.signed_up_at) || byBytes(a.id, b.id))
    .slice(0, TOP_LIMIT)
    .map(({ id, display_name, primary_email, profile_image_url, signed_up_at }) => ({
      id,
      display_name,
      primary_email,
      profile_image_url,
      signed_up_at,
    }));
}

export async function recentlyRegistered(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<RegisteredUser[]> {
  const rows = projectRows
    ? fromRows(projectRows, scope, now)
    : await analytics.query<RegisteredUser>(QUERY, { ...chParams(scope, now), limit: TOP_LIMIT });
  return rows.map((row) => ({ ...row, signed_up_at: parseEventAt(row.signed_up_at).toISOString() }));
}
