// live_users_by_country: the live users (see live-users.ts) placed by the country of their latest
// located live `$token-refresh`, at most 8 per country, most recent first. Live users whose live
// refreshes carry no location are counted in live_users but placed nowhere.
import { LIVE_USERS_PER_COUNTRY, type LiveUsersByCountry, type UserSummary } from '../../contract/metrics.js';
import { queryRows } from '../analytics/store.js';
import { chParams, COUNTRY, EVENT_NOT_ANONYMOUS, IN_SCOPE, SCOPED_USERS } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT live.country_code AS country_code, u.id AS id, u.display_name AS display_name,
         u.primary_email AS primary_email, u.profile_image_url AS profile_image_url
  FROM (
    SELECT user_id, argMax(${COUNTRY}, event_at) AS country_code, max(event_at) AS last_at
    FROM analytics_internal.events
    WHERE ${IN_SCOPE}
      AND event_type = '$token-refresh'
      AND event_at > {liveSince:DateTime64(3, 'UTC')}
      AND event_at <= {now:DateTime64(3, 'UTC')}
      AND ${COUNTRY} IS NOT NULL
      AND ${EVENT_NOT_ANONYMOUS}
    GROUP BY user_id
  ) AS live
  INNER JOIN (${SCOPED_USERS}) AS u ON u.id = live.user_id
  ORDER BY country_code, live.last_at DESC, id
  LIMIT {perCountry:UInt32} BY country_code`;

interface Row extends UserSummary {
  country_code: string;
}

export async function liveUsersByCountry({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<LiveUsersByCountry> {
  const rows = await queryRows<Row>(analytics, QUERY, { ...chParams(scope, now), perCountry: LIVE_USERS_PER_COUNTRY });
  const byCountry: LiveUsersByCountry = {};
  for (const { country_code, ...user } of rows) (byCountry[country_code] ??= []).push(user);
  return byCountry;
}
