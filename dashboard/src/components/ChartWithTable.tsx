// A daily chart with its text alternative: the chart is an image named by a summary of its numbers, and a
// button switches it to a table of those numbers (and back) in the same place.
import { useId, useState } from 'react';
import { chartSummary } from './chart-text.js';
import { ChartTable } from './ChartTable.js';
import type { DailyChartProps } from './DailyChart.js';
import { LazyDailyChart } from './LazyDailyChart.js';

export function ChartWithTable({ label, ...chart }: DailyChartProps & { label: string }) {
  const [table, setTable] = useState(false);
  const tableId = useId();
  return (
    <div className="chart">
      <button
        type="button"
        className="chart-toggle"
        aria-expanded={table}
        aria-controls={tableId}
        aria-label={`${label} as a table`}
        onClick={() => setTable(!table)}
      >
        Table
      </button>
      {table ? (
        <ChartTable id={tableId} label={label} series={chart.series} formatValue={chart.formatValue} />
      ) : (
        <div role="img" aria-label={`${label}: ${chartSummary(chart.series, chart.formatValue)}`}>
          <LazyDailyChart {...chart} />
        </div>
      )}
    </div>
  );
}
