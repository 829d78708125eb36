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
import { daysIn, ROLLUP_ROWS, ROW_NOT_ANONYMOUS, ROW_USER_EXISTS, WINDOW_DAYS } from './rollup-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { windowEndsNow } from './window.js';

// From the places rollup when the window ends now: a row with a located day in the window holds the
// user's latest located time in its block, which is then in the window, so the latest of those rows
// is the user's latest located refresh in the window.
const QUERY = `
  SELECT country_code, count() AS users
  FROM (
    SELECT user_id, argMax(country_code, last_located_at) AS country_code
    FROM analytics_internal.user_places
    WHERE ${ROLLUP_ROWS(WINDOW_DAYS)}
      AND ${daysIn('located_days', WINDOW_DAYS)} != 0
      AND ${ROW_NOT_ANONYMOUS}
    GROUP BY user_id
    HAVING ${ROW_USER_EXISTS}
  )
  GROUP BY country_code
  ORDER BY users DESC, country_code`;

// A window that ended before now (and the raw-events definition the rollup query is tested against,
// src/test/raw-metrics.ts): a block's latest time may lie after it, so the events are read.
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
  { analytics }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<Record<string, number>> {
  const rows = await analytics.query<{ country_code: string; users: number }>(
    windowEndsNow(now, scope.range) ? QUERY : PAST_WINDOW_QUERY,
    chParams(scope, now),
  );
  return Object.fromEntries(rows.map((row) => [row.country_code, row.users]));
}
