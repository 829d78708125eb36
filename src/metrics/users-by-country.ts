// users_by_country: each existing user counted once, in the country of their latest located
// `$token-refresh` in the window (latest wins when a user moves). Deleted users drop out.
import { chParams, COUNTRY, EVENT_NOT_ANONYMOUS, IN_SCOPE, IN_WINDOW, USER_IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT country_code, count() AS users
  FROM (
    SELECT user_id, argMax(${COUNTRY}, event_at) AS country_code
    FROM analytics_internal.events
    WHERE ${IN_SCOPE}
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
  const rows = await analytics.query<{ country_code: string; users: number }>(QUERY, chParams(scope, now));
  return Object.fromEntries(rows.map((row) => [row.country_code, row.users]));
}
