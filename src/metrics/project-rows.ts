// A small project's rows: its activity rollups, its users mirror and its live refreshes, read whole in
// one batch so the overview's figures over them are computed in-process (each figure's file holds that
// form beside its query). On chDB each query is analysed and planned before it reads a row, and for a
// preview-sized project that planning is most of the overview (docs/benchmarks.md); five plain reads
// plan quickly.
// A project with more rows than ROWS_LIMIT in any of them gets the queries, and is remembered as large
// for a while so its overview does not pay for the probe each time.
import type { AnalyticsReader } from '../analytics/store.js';
import { chParams, COUNTRY, EVENTS_IN_SCOPE, IN_SCOPE } from './clickhouse-scope.js';
import type { ActivityRow, LiveRefreshRow, PlaceRow, ProjectRows, ReferrerRow, UserRow } from './row-types.js';
import type { MetricScope } from './types.js';

/** Rows per table above which the queries are cheaper than moving the rows here. */
export const ROWS_LIMIT = 10_000;
const REMEMBER_LARGE_MS = 60 * 60_000;

const LIMIT = `LIMIT {rowsLimit:UInt32}`;

// The rollups' rows of the project, branch and current seed generation; their UInt64 bits as text (a
// JSON number would lose them).
const ACTIVITY = `
  SELECT user_id, block, event_anonymous, toString(refresh_days) AS refresh_days, toString(view_days) AS view_days,
         last_refresh_at, page_views, clicks
  FROM analytics_internal.user_activity WHERE ${EVENTS_IN_SCOPE} ${LIMIT}`;
const PLACES = `
  SELECT user_id, block, event_anonymous, country_code, region_code, toString(located_days) AS located_days,
         last_located_at
  FROM analytics_internal.user_places WHERE ${EVENTS_IN_SCOPE} ${LIMIT}`;
const REFERRERS = `
  SELECT user_id, block, event_anonymous, referrer, toString(view_days) AS view_days
  FROM analytics_internal.user_referrers WHERE ${EVENTS_IN_SCOPE} ${LIMIT}`;
const LIVE = `
  SELECT user_id, event_at, ${COUNTRY} AS country_code, data_is_anonymous AS event_anonymous
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE} AND event_type = '$token-refresh'
    AND event_at > {liveSince:DateTime64(3, 'UTC')} AND event_at <= {now:DateTime64(3, 'UTC')} ${LIMIT}`;
// :TRICKY: after FINAL, as in user-counts.ts: each user's latest version, and its verified email.
const USERS = `
  SELECT toString(id) AS id, display_name, primary_email, profile_image_url, signed_up_at, is_anonymous,
         sync_is_deleted,
         toString(id) IN (
           SELECT toString(user_id) FROM analytics_internal.contact_channels FINAL
           WHERE ${IN_SCOPE} AND sync_is_deleted = 0 AND type = 'EMAIL' AND is_verified = 1
         ) AS has_verified_email
  FROM analytics_internal.users FINAL WHERE ${IN_SCOPE} ${LIMIT}`;

const large = new Map<string, number>();
const key = (scope: MetricScope) => `${scope.projectId}\n${scope.branchId}`;

/** False while the project is remembered as too large for its rows (then only queries are worth it). */
export function mayBeSmall(scope: MetricScope, now: Date): boolean {
  const seenLarge = large.get(key(scope));
  return seenLarge === undefined || now.getTime() - seenLarge >= REMEMBER_LARGE_MS;
}

/**
 * The project's rows, or undefined when it is too large for them (then its figures use their queries).
 * Through a batch (the runner's), the five reads plan and run as part of one query.
 */
export async function readProjectRows(
  reader: AnalyticsReader,
  scope: MetricScope,
  now: Date,
): Promise<ProjectRows | undefined> {
  const params = { ...chParams(scope, now), rowsLimit: ROWS_LIMIT + 1 };
  const [activity, places, referrers, users, live] = await Promise.all([
    reader.query<ActivityRow>(ACTIVITY, params),
    reader.query<PlaceRow>(PLACES, params),
    reader.query<ReferrerRow>(REFERRERS, params),
    reader.query<UserRow>(USERS, params),
    reader.query<LiveRefreshRow>(LIVE, params),
  ]);
  if ([activity, places, referrers, users, live].some((rows) => rows.length > ROWS_LIMIT)) {
    large.set(key(scope), now.getTime());
    return undefined;
  }
  large.delete(key(scope));
  for (const row of activity) {
    row.refresh_days = BigInt(row.refresh_days);
    row.view_days = BigInt(row.view_days);
  }
  for (const row of places) row.located_days = BigInt(row.located_days);
  for (const row of referrers) row.view_days = BigInt(row.view_days);
  return { activity, places, referrers, users, live };
}
