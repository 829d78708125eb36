// top_referrers: `$page-view` referrers in the window ranked by distinct visitors ('' = direct, also
// when the event has no referrer), then by referrer; the first 10.
// From the referrer rollup: a user counts for a referrer if any of their rows has a day in the window.
import { TOP_LIMIT, type Referrer } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import { daysIn, ROLLUP_ROWS, ROW_VISIBLE, WINDOW_DAYS } from './rollup-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT referrer, uniqExact(user_id) AS visitors
  FROM analytics_internal.user_referrers
  WHERE ${ROLLUP_ROWS(WINDOW_DAYS)}
    AND ${daysIn('view_days', WINDOW_DAYS)} != 0
    AND ${ROW_VISIBLE}
  GROUP BY referrer
  ORDER BY visitors DESC, referrer
  LIMIT {limit:UInt32}`;

export async function topReferrers({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<Referrer[]> {
  return analytics.query<Referrer>(QUERY, { ...chParams(scope, now), limit: TOP_LIMIT });
}
