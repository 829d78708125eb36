// The live roster: what both live figures are read from, in one query. Each existing live user (a
// `$token-refresh` in (now − 120 s, now], never after now) with the country of their latest located
// live refresh (NULL when none was located), at most 8 per country, most recent first, and on every
// row the number of live users in all. live-users.ts and live-users-by-country.ts ask for it with the
// same parameters, so a batch (query-batch.ts) sends it once: a poll of /metrics/live is one query.
import { LIVE_USERS_PER_COUNTRY, type UserSummary } from '../../contract/metrics.js';
import { chParams, COUNTRY, EVENT_NOT_ANONYMOUS, EVENTS_IN_SCOPE, SCOPED_USERS } from './clickhouse-scope.js';
import type { ProjectRows } from './row-types.js';
import { byBytes, byBytesNullsLast, onRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// :TRICKY: count() OVER () runs before LIMIT BY, so live_users counts every live user, not only the
// rows returned. The join with SCOPED_USERS keeps users that exist now (tombstones and, unless asked,
// anonymous users drop out), as USER_IN_SCOPE does elsewhere.
const QUERY = `
  SELECT live.country_code AS country_code, u.id AS id, u.display_name AS display_name,
         u.primary_email AS primary_email, u.profile_image_url AS profile_image_url,
         count() OVER () AS live_users
  FROM (
    SELECT user_id,
           argMaxIf(${COUNTRY}, event_at, ${COUNTRY} IS NOT NULL) AS country_code,
           maxIf(event_at, ${COUNTRY} IS NOT NULL) AS last_located_at
    FROM analytics_internal.events
    WHERE ${EVENTS_IN_SCOPE}
      AND event_type = '$token-refresh'
      AND event_at > {liveSince:DateTime64(3, 'UTC')}
      AND event_at <= {now:DateTime64(3, 'UTC')}
      AND ${EVENT_NOT_ANONYMOUS}
    GROUP BY user_id
  ) AS live
  INNER JOIN (${SCOPED_USERS}) AS u ON u.id = live.user_id
  ORDER BY country_code, live.last_located_at DESC, id
  LIMIT {perCountry:UInt32} BY country_code`;

export interface LiveRosterRow extends UserSummary {
  country_code: string | null;
  live_users: number;
}

/** QUERY's rows, from a small project's rows. */
function fromRows(rows: ProjectRows, scope: MetricScope, now: Date): LiveRosterRow[] {
  const s = rowScope(rows, scope, now);
  const users = new Map(rows.users.map((user) => [user.id, user]));
  // Per existing live user: the country of the latest located refresh and its time ('' when none).
  const live = new Map<string, { country_code: string | null; last_located_at: string }>();
  for (const row of rows.live) {
    if (row.user_id === null || !s.notAnonymous(row) || !s.exists(row.user_id)) continue;
    const user = live.get(row.user_id) ?? { country_code: null, last_located_at: '' };
    if (row.country_code !== null && row.event_at > user.last_located_at)
      Object.assign(user, { country_code: row.country_code, last_located_at: row.event_at });
    live.set(row.user_id, user);
  }
  const perCountry = new Map<string | null, number>();
  return [...live]
    .sort(
      ([idA, a], [idB, b]) =>
        byBytesNullsLast(a.country_code, b.country_code) ||
        byBytes(b.last_located_at, a.last_located_at) ||
        byBytes(idA, idB),
    )
    .filter(([, { country_code }]) => {
      const n = (perCountry.get(country_code) ?? 0) + 1;
      perCountry.set(country_code, n);
      return n <= LIVE_USERS_PER_COUNTRY;
    })
    .map(([id, { country_code }]) => {
      const { display_name, primary_email, profile_image_url } = users.get(id)!;
      return { country_code, id, display_name, primary_email, profile_image_url, live_users: live.size };
    });
}

/** Rows are shared with the other reader of the same batch: read them, never change them. */
export async function liveRoster(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<LiveRosterRow[]> {
  if (projectRows) return onRows(projectRows, QUERY, scope, now, () => fromRows(projectRows, scope, now));
  return analytics.query<LiveRosterRow>(QUERY, { ...chParams(scope, now), perCountry: LIVE_USERS_PER_COUNTRY });
}
