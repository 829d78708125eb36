// daily_visitors: distinct users with a `$page-view` per UTC day of the window. Anonymous events (the event or its user says so) only when asked.
import type { DailyPoint } from '../../contract/metrics.js';
import { chParams, EVENT_VISIBLE, IN_SCOPE, IN_WINDOW } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow, zeroFill } from './window.js';

const QUERY = `
  SELECT toString(toDate(event_at)) AS day, uniqExact(user_id) AS value
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}
  GROUP BY day`;

export async function dailyVisitors(
  { analytics }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<DailyPoint[]> {
  const rows = await analytics.query<{ day: string; value: number }>(QUERY, chParams(scope, now));
  return zeroFill(metricWindow(now, scope.range).days, rows);
}
