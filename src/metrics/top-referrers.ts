// top_referrers: `$page-view` referrers in the window ranked by distinct visitors ('' = direct, also
// when the event has no referrer), then by referrer; the first 10.
import { TOP_LIMIT, type Referrer } from '../../contract/metrics.js';
import { chParams, EVENT_VISIBLE, IN_SCOPE, IN_WINDOW } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT ifNull(data_referrer, '') AS referrer, uniqExact(user_id) AS visitors
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}
    AND user_id IS NOT NULL
  GROUP BY referrer
  ORDER BY visitors DESC, referrer
  LIMIT {limit:UInt32}`;

export async function topReferrers({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<Referrer[]> {
  return analytics.query<Referrer>(QUERY, { ...chParams(scope, now), limit: TOP_LIMIT });
}
