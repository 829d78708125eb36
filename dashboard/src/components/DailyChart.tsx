// One or more daily series on a shared axis (recharts). Pure: series in, chart out. The overview renders it
// through LazyDailyChart, so recharts stays out of the first chunk.
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay } from '../format.js';
import { CHART_HEIGHT } from './chart-height.js';
import { chartRows, type Series } from './chart-text.js';

export interface DailyChartProps {
  series: Series[];
  stacked?: boolean;
  /** How the axis and the tooltip show a value (e.g. cents as dollars); plain numbers by default. */
  formatValue?: (value: number) => string;
}

export function DailyChart({ series, stacked = false, formatValue }: DailyChartProps) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      {/* No keyboard layer: the chart is an image named by its summary, its numbers are in its table view. */}
      <AreaChart
        data={chartRows(series)}
        margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#2a2f3a" />
        <XAxis dataKey="date" tickFormatter={formatDay} tick={{ fill: '#8b93a7', fontSize: 11 }} minTickGap={24} />
        <YAxis allowDecimals={false} tick={{ fill: '#8b93a7', fontSize: 11 }} tickFormatter={formatValue} />
        <Tooltip
          labelFormatter={(d) => formatDay(String(d))}
          formatter={formatValue && ((value) => formatValue(Number(value)))}
          contentStyle={{ background: '#161a22', border: '1px solid #2a2f3a' }}
        />
        {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12, left: 0, width: '100%' }} />}
        {series.map((s) => (
          <Area
            key={s.name}
            type="monotone"
            dataKey={s.name}
            stroke={s.color}
            fill={s.color}
            fillOpacity={0.25}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
