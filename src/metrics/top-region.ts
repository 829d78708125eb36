// top_region: the (country, region) where the most distinct existing users made a located
// `$token-refresh` in the window; ties go to the alphabetically first. null when nobody was located.
// From the places rollup: a user counts for a place if any of their rows there has a day in the window.
import type { TopRegion } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import { daysIn, ROLLUP_ROWS, ROW_NOT_ANONYMOUS, ROW_USER_EXISTS, WINDOW_DAYS } from './rollup-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT country_code, region_code, count() AS users
  FROM (
    SELECT country_code, region_code, user_id
    FROM analytics_internal.user_places
    WHERE ${ROLLUP_ROWS(WINDOW_DAYS)}
      AND ${daysIn('located_days', WINDOW_DAYS)} != 0
      AND ${ROW_NOT_ANONYMOUS}
    GROUP BY country_code, region_code, user_id
    HAVING ${ROW_USER_EXISTS}
  )
  GROUP BY country_code, region_code
  ORDER BY users DESC, country_code, region_code NULLS LAST
  LIMIT 1`;

export async function topRegion({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<TopRegion> {
  const [row] = await analytics.query<NonNullable<TopRegion>>(QUERY, chParams(scope, now));
  return row ?? null;
}
