// daily_visitors: distinct users with a `$page-view` per UTC day of the window. Anonymous events (the event or its user says so) only when asked.
// From the activity rollup, through the visitor days (visitor-days.ts), the query it shares with
// visitors: each user's page-view days, merged over their rows, count once per day.
import type { DailyPoint } from '../../contract/metrics.js';
import type { MetricReaders, MetricScope } from './types.js';
import { visitorDays } from './visitor-days.js';
import { metricWindow, zeroFill } from './window.js';

export async function dailyVisitors(readers: MetricReaders, scope: MetricScope, now: Date): Promise<DailyPoint[]> {
  return zeroFill(metricWindow(now, scope.range).days, (await visitorDays(readers, scope, now)).days);
}
