// A daily series from ClickHouse: the metric file's query returns rows with a day, `value` reads the
// point's value from each (by default its `value` column), and each day of the window gets one point,
// zero where the query returned nothing. Two series may share one query with different values: a batch
// (query-batch.ts) then sends it once.
import type { DailyPoint } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import type { Metric } from './types.js';
import { metricWindow, zeroFill } from './window.js';

type DayRow = { day: string } & Record<string, number | string>;

export const dailySeries =
  (query: string, value: (row: DayRow) => number = (row) => Number(row.value)): Metric<DailyPoint[]> =>
  async ({ analytics }, scope, now) => {
    const rows = await analytics.query<DayRow>(query, chParams(scope, now));
    return zeroFill(
      metricWindow(now, scope.range).days,
      rows.map((row) => ({ day: row.day, value: value(row) })),
    );
  };
