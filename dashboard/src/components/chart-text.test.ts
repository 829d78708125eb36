import { describe, expect, it } from 'vitest';
import { formatCents } from '../format.js';
import { chartRows, chartSummary, type Series } from './chart-text.js';

const days = ['2026-01-01', '2026-01-02', '2026-01-03'];
const series = (name: string, values: number[]): Series => ({
  name,
  color: '#fff',
  points: values.map((activity, i) => ({ date: days[i]!, activity })),
});

describe('chart text alternative', () => {
  it('names the span, each series total and its busiest day (the first of equal days)', () => {
    expect(chartSummary([series('page views', [1200, 3400, 3400]), series('clicks', [0, 0, 0])])).toBe(
      '3 days, Jan 1 to Jan 3. page views: 8,000 in total, most on Jan 2 (3,400). clicks: none.',
    );
  });

  it('formats values as the chart does (cents as dollars)', () => {
    expect(chartSummary([series('revenue', [500, 0, 1500])], formatCents)).toBe(
      '3 days, Jan 1 to Jan 3. revenue: $20 in total, most on Jan 3 ($15).',
    );
  });

  it('says so when there are no days', () => {
    expect(chartSummary([])).toBe('No days to show.');
  });

  it('gives one row per day with a column per series', () => {
    expect(chartRows([series('new', [1, 2, 3]), series('retained', [4, 5, 6])])).toEqual([
      { date: '2026-01-01', new: 1, retained: 4 },
      { date: '2026-01-02', new: 2, retained: 5 },
      { date: '2026-01-03', new: 3, retained: 6 },
    ]);
  });
});
