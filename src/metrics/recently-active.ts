// recently_active: the 10 existing users whose latest `$token-refresh` in the window is the most
// recent (never after now), latest first.
import { TOP_LIMIT, type ActiveUser } from '../../contract/metrics.js';
import { parseEventAt } from '../events/event-rows.js';
import { chParams, EVENT_NOT_ANONYMOUS, IN_SCOPE, IN_WINDOW, SCOPED_USERS } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT u.id AS id, u.display_name AS display_name, u.primary_email AS primary_email,
         u.profile_image_url AS profile_image_url, active.last_active_at AS last_active_at
  FROM (
    SELECT user_id, max(event_at) AS last_active_at
    FROM analytics_internal.events
    WHERE ${IN_SCOPE}
      AND event_type = '$token-refresh'
      AND ${IN_WINDOW}
      AND ${EVENT_NOT_ANONYMOUS}
    GROUP BY user_id
  ) AS active
  INNER JOIN (${SCOPED_USERS}) AS u ON u.id = active.user_id
  ORDER BY last_active_at DESC, id
  LIMIT {limit:UInt32}`;

export async function recentlyActive(
  { analytics }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<ActiveUser[]> {
  const rows = await analytics.query<ActiveUser>(QUERY, { ...chParams(scope, now), limit: TOP_LIMIT });
  return rows.map((row) => ({ ...row, last_active_at: parseEventAt(row.last_active_at).toISOString() }));
}
