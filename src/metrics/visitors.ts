// visitors: distinct users with a `$page-view` in the window. Anonymous ones only when asked.
import { chParams, EVENT_VISIBLE, IN_SCOPE, IN_WINDOW, onlyRow } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT uniqExact(user_id) AS visitors
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}`;

export async function visitors({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ visitors: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'visitors').visitors;
}
