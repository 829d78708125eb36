// A daily chart's numbers as a table: the chart's table view. Scrolls inside the chart's height, so
// opening it moves nothing else on the page; focusable, so a keyboard can scroll it too.
import { formatCount, formatDay } from '../format.js';
import { CHART_HEIGHT } from './chart-height.js';
import { chartRows, type Series } from './chart-text.js';

export interface ChartTableProps {
  id: string;
  label: string;
  series: Series[];
  formatValue?: (value: number) => string;
}

export function ChartTable({ id, label, series, formatValue = formatCount }: ChartTableProps) {
  return (
    <div
      id={id}
      className="chart-table"
      style={{ height: CHART_HEIGHT }}
      tabIndex={0}
      role="region"
      aria-label={`${label}, by day`}
      data-testid="chart-table"
    >
      <table>
        <caption className="sr-only">{label}, by day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chartRows(series).map((row) => (
            <tr key={row.date}>
              <th scope="row">{formatDay(row.date)}</th>
              {series.map((s) => (
                <td key={s.name}>{formatValue(Number(row[s.name]))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
