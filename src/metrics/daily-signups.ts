// daily_signups: existing users per UTC sign-up day in the window (anonymous ones only when asked).
import type { DailyPoint } from '../../contract/metrics.js';
import { chParams, IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow, zeroFill } from './window.js';

const QUERY = `
  SELECT toString(toDate(signed_up_at)) AS day, count() AS value
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE}
    AND sync_is_deleted = 0
    AND ({includeAnonymous:Bool} OR is_anonymous = 0)
    AND signed_up_at >= {from:DateTime64(3, 'UTC')}
    AND signed_up_at <= {to:DateTime64(3, 'UTC')}
  GROUP BY day`;

export async function dailySignups({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<DailyPoint[]> {
  const rows = await analytics.query<{ day: string; value: number }>(QUERY, chParams(scope, now));
  return zeroFill(metricWindow(now, scope.range).days, rows);
}
