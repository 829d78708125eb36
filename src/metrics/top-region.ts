// top_region: the (country, region) where the most distinct existing users made a located
// `$token-refresh` in the window; ties go to the alphabetically first. null when nobody was located.
import type { TopRegion } from '../../contract/metrics.js';
import { chParams, COUNTRY, EVENT_NOT_ANONYMOUS, IN_SCOPE, IN_WINDOW, USER_IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT ${COUNTRY} AS country_code,
         data_region_code AS region_code,
         uniqExact(user_id) AS users
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$token-refresh'
    AND ${IN_WINDOW}
    AND ${COUNTRY} IS NOT NULL
    AND ${EVENT_NOT_ANONYMOUS}
    AND ${USER_IN_SCOPE}
  GROUP BY country_code, region_code
  ORDER BY users DESC, country_code, region_code NULLS LAST
  LIMIT 1`;

export async function topRegion({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<TopRegion> {
  const [row] = await analytics.query<NonNullable<TopRegion>>(QUERY, chParams(scope, now));
  return row ?? null;
}
