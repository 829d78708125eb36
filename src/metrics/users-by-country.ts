// users_by_country: each existing user counted once, in the country of their latest located
// `$token-refresh` in the window (latest wins when a user moves). Deleted users drop out.
import {
  chParams,
  COUNTRY,
  EVENT_NOT_ANONYMOUS,
  EVENTS_IN_SCOPE,
  IN_WINDOW,
  USER_IN_SCOPE,
} from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { windowEndsNow } from './window.js';
import { windowPlaces } from './window-places.js';

// From the places rollup when the window ends now, through the window's places (window-places.ts),
// the query it shares with top_region: a row with a located day in the window holds the user's latest
// located time in its block, which is then in the window, so the latest of those rows is the user's
// latest located refresh in the window. A window that ended before today reads the events instead.
export const PAST_WINDOW_QUERY = `
  SELECT country_code, count() AS users
  FROM (
    SELECT user_id, argMax(${COUNTRY}, event_at) AS country_code
    FROM analytics_internal.events
    WHERE ${EVENTS_IN_SCOPE}
      AND event_type = '$token-refresh'
      AND ${IN_WINDOW}
      AND ${COUNTRY} IS NOT NULL
      AND ${EVENT_NOT_ANONYMOUS}
      AND ${USER_IN_SCOPE}
    GROUP BY user_id
  )
  GROUP BY country_code
  ORDER BY users DESC, country_code`;

export async function usersByCountry(
  readers: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<Record<string, number>> {
  const rows = windowEndsNow(now, scope.range)
    ? (await windowPlaces(readers, scope, now)).latestCountries
    : await readers.analytics.query<{ country_code: string; users: number }>(PAST_WINDOW_QUERY, chParams(scope, now));
  return Object.fromEntries(rows.map((row) => [row.country_code, Number(row.users)]));
}
