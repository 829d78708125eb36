// visitors: distinct users with a `$page-view` in the window. Anonymous ones only when asked.
// From the activity rollup, through the visitor days (visitor-days.ts), the query it shares with
// daily_visitors: a user counts if any of their rows has a page-view day in the window.
import type { MetricReaders, MetricScope } from './types.js';
import { visitorDays } from './visitor-days.js';

export async function visitors(readers: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  return (await visitorDays(readers, scope, now)).visitors;
}
