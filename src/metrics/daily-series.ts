// A daily series from ClickHouse: the metric file's query returns (day, value) rows, and each day of the
// window gets one point, zero where the query returned nothing.
import type { DailyPoint } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import type { Metric } from './types.js';
import { metricWindow, zeroFill } from './window.js';

export const dailySeries =
  (query: string): Metric<DailyPoint[]> =>
  async ({ analytics }, scope, now) => {
    const rows = await analytics.query<{ day: string; value: number }>(query, chParams(scope, now));
    return zeroFill(metricWindow(now, scope.range).days, rows);
  };
