// Pure: a daily chart's numbers as words and as table rows, its text alternative for people who cannot
// see the chart (and for anyone who wants the exact figures).
import type { DailyPoint } from '../../../contract/metrics.js';
import { formatCount, formatDay } from '../format.js';

export interface Series {
  name: string;
  points: DailyPoint[];
  color: string;
}

export type ChartRow = { date: string } & Record<string, number | string>;

/** One row per day with one column per series, the days of the first series (the series share them). */
export function chartRows(series: Series[]): ChartRow[] {
  return (series[0]?.points ?? []).map((p, i) => ({
    date: p.date,
    ...Object.fromEntries(series.map((s) => [s.name, s.points[i]?.activity ?? 0])),
  }));
}

/** e.g. "60 days, Sep 3 to Nov 1. sign-ups: 312 in total, most on Oct 2 (14)." */
export function chartSummary(series: Series[], format: (value: number) => string = formatCount): string {
  const days = series[0]?.points ?? [];
  if (days.length === 0) return 'No days to show.';
  const span = `${days.length} ${days.length === 1 ? 'day' : 'days'}, ${formatDay(days[0]!.date)} to ${formatDay(days.at(-1)!.date)}.`;
  const each = series.map((s) => {
    const total = s.points.reduce((n, p) => n + p.activity, 0);
    const peak = s.points.reduce((best, p) => (p.activity > best.activity ? p : best), s.points[0]!);
    return total === 0
      ? `${s.name}: none.`
      : `${s.name}: ${format(total)} in total, most on ${formatDay(peak.date)} (${format(peak.activity)}).`;
  });
  return [span, ...each].join(' ');
}
