// A daily series from ClickHouse: the metric file's query returns rows with a day, `value` reads the
// point's value from each (by default its `value` column), and each day of the window gets one point,
// zero where the query returned nothing. Two series may share one query with different values: a batch
// (query-batch.ts) then sends it once.
import type { DailyPoint } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import type { ProjectRows } from './row-types.js';
import { onRows } from './row-scope.js';
import type { Metric, MetricScope } from './types.js';
import { metricWindow, zeroFill } from './window.js';

export type DayRow = { day: string } & Record<string, number | string>;

/** A series' query, and the same rows computed from a small project's rows (project-rows.ts). */
export interface DaySource {
  query: string;
  fromRows: (rows: ProjectRows, scope: MetricScope, now: Date) => DayRow[];
}

export const dailySeries =
  (source: string | DaySource, value: (row: DayRow) => number = (row) => Number(row.value)): Metric<DailyPoint[]> =>
  async ({ analytics, rows: projectRows }, scope, now) => {
    const rows =
      typeof source !== 'string' && projectRows
        ? onRows(projectRows, source.query, scope, now, () => source.fromRows(projectRows, scope, now))
        : await analytics.query<DayRow>(typeof source === 'string' ? source : source.query, chParams(scope, now));
    return zeroFill(
      metricWindow(now, scope.range).days,
      rows.map((row) => ({ day: row.day, value: value(row) })),
    );
  };
