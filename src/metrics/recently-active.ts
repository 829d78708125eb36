// recently_active: the 10 existing users whose latest `$token-refresh` in the window is the most
// recent (never after now), latest first.
import { TOP_LIMIT, type ActiveUser } from '../../contract/metrics.js';
import { parseEventAt } from '../events/event-rows.js';
import {
  chParams,
  EVENT_NOT_ANONYMOUS,
  EVENTS_IN_SCOPE,
  IN_WINDOW,
  SCOPED_USER_IDS,
  SCOPED_USERS,
  USER_IN_SCOPE,
} from './clickhouse-scope.js';
import { perActiveUser, WINDOW_DAYS } from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { byBytes, activeUserRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { windowEndsNow } from './window.js';

// `active`: each existing user's latest refresh in the window, the most recent first, at most `limit`.
// It goes on the right of the join, so the join's hash table holds those few rows, not every user.
const latestFirst = (active: string) => `
  SELECT u.id AS id, u.display_name AS display_name, u.primary_email AS primary_email,
         u.profile_image_url AS profile_image_url, active.last_active_at AS last_active_at
  FROM (${SCOPED_USERS}) AS u
  INNER JOIN (${active} ORDER BY last_active_at DESC, user_id LIMIT {limit:UInt32}) AS active ON u.id = active.user_id
  ORDER BY last_active_at DESC, id`;

// From the activity rollup when the window ends now: a row with a refresh day in the window holds the
// user's latest refresh in its block, which is then in the window (as in users-by-country.ts).
const QUERY = latestFirst(`
  SELECT user_id, max(last_refresh_at) AS last_active_at
  ${perActiveUser('user_activity', 'refresh_days', WINDOW_DAYS)}`);

// A window that ended before now (and the raw-events definition the rollup query is tested against,
// src/test/raw-metrics.ts): a block's latest refresh may lie after it, so the events are read.
export const PAST_WINDOW_QUERY = latestFirst(`
  SELECT user_id, max(event_at) AS last_active_at
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$token-refresh'
    AND ${IN_WINDOW}
    AND ${EVENT_NOT_ANONYMOUS}
  GROUP BY user_id
  HAVING ${USER_IN_SCOPE}`);

/** How many of the window's latest refreshes LATEST_QUERY reads. */
export const LATEST_REFRESHES = 2_000;

// First, when the window ends now: the window's latest refreshes only, read backwards along the events'
// sort key, with the oldest time among them and how many there were. A user without a refresh among them
// refreshed last before that oldest time, so the answer is exact when its last user is strictly later,
// or when the sample held every refresh of the window (conclusive() below); otherwise QUERY answers.
const LATEST_QUERY = `
  SELECT u.id AS id, u.display_name AS display_name, u.primary_email AS primary_email,
         u.profile_image_url AS profile_image_url, active.last_active_at AS last_active_at,
         active.oldest AS oldest, active.sampled AS sampled
  FROM (${SCOPED_USERS}) AS u
  INNER JOIN (
    SELECT user_id, max(event_at) AS last_active_at, any(oldest) AS oldest, any(sampled) AS sampled
    FROM (
      SELECT user_id, event_at, min(event_at) OVER () AS oldest, count() OVER () AS sampled
      FROM (
        SELECT ifNull(user_id, '') AS user_id, event_at
        FROM analytics_internal.events
        WHERE ${EVENTS_IN_SCOPE} AND event_type = '$token-refresh' AND ${IN_WINDOW} AND ${EVENT_NOT_ANONYMOUS}
        ORDER BY event_at DESC
        LIMIT {latestRefreshes:UInt32}))
    GROUP BY user_id
    HAVING user_id IN (${SCOPED_USER_IDS})
    ORDER BY last_active_at DESC, user_id
    LIMIT {limit:UInt32}) AS active ON u.id = active.user_id
  ORDER BY last_active_at DESC, id`;

type SampledRow = ActiveUser & { oldest: string; sampled: number };

/** LATEST_QUERY's answer is the whole top (times as ClickHouse text: their order is the text's). */
export function conclusive(rows: readonly SampledRow[]): boolean {
  const last = rows.at(-1);
  if (!last) return false; // no row, so no count of the sample: QUERY decides
  if (Number(last.sampled) < LATEST_REFRESHES) return true; // every refresh of the window was read
  return rows.length === TOP_LIMIT && last.last_active_at > last.oldest;
}

/** QUERY's rows, from a small project's rows (a window that ends now). */
function fromRows(rows: ProjectRows, scope: MetricScope, now: Date): ActiveUser[] {
  const s = rowScope(rows, scope, now);
  const users = new Map(rows.users.map((user) => [user.id, user]));
  return [...activeUserRows(s, rows.activity, (row) => row.refresh_days, s.windowMask)]
    .map(([id, userRows]) => ({
      id,
      last_active_at: userRows.reduce((a, row) => (row.last_refresh_at > a ? row.last_refresh_at : a), ''),
    }))
    .sort((a, b) => byBytes(b.last_active_at, a.last_active_at) || byBytes(a.id, b.id))
    .slice(0, TOP_LIMIT)
    .map(({ id, last_active_at }) => {
      const { display_name, primary_email, profile_image_url } = users.get(id)!;
      return { id, display_name, primary_email, profile_image_url, last_active_at };
    });
}

export async function recentlyActive(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<ActiveUser[]> {
  const endsNow = windowEndsNow(now, scope.range);
  const params = { ...chParams(scope, now), limit: TOP_LIMIT };
  if (endsNow && !projectRows) {
    const sampled = await analytics.query<SampledRow>(LATEST_QUERY, { ...params, latestRefreshes: LATEST_REFRESHES });
    if (conclusive(sampled))
      return sampled.map(({ oldest: _oldest, sampled: _sampled, ...row }) => ({
        ...row,
        last_active_at: parseEventAt(row.last_active_at).toISOString(),
      }));
  }
  const rows =
    endsNow && projectRows
      ? fromRows(projectRows, scope, now)
      : await analytics.query<ActiveUser>(endsNow ? QUERY : PAST_WINDOW_QUERY, params);
  return rows.map((row) => ({ ...row, last_active_at: parseEventAt(row.last_active_at).toISOString() }));
}
