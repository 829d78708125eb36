// visitors: distinct users with a `$page-view` in the window. Anonymous ones only when asked.
// From the activity rollup: a user counts if any of their rows has a page-view day in the window.
import { chParams, onlyRow } from './clickhouse-scope.js';
import { daysIn, ROLLUP_ROWS, ROW_HAS_USER, ROW_VISIBLE, WINDOW_DAYS } from './rollup-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT uniqExact(user_id) AS visitors
  FROM analytics_internal.user_activity
  WHERE ${ROLLUP_ROWS(WINDOW_DAYS)}
    AND ${daysIn('view_days', WINDOW_DAYS)} != 0
    AND ${ROW_HAS_USER}
    AND ${ROW_VISIBLE}`;

export async function visitors({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ visitors: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'visitors').visitors;
}
