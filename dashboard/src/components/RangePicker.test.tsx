// @vitest-environment happy-dom
// The range picker and the range in the page URL: labelled, every range offered, a choice reported and
// written to the URL with the other parameters kept; an unknown or missing range is the default.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metricsSearch, rangeFromSearch, searchWithRange } from '../api/use-range.js';
import { RangePicker } from './RangePicker.js';

afterEach(cleanup);

describe('RangePicker', () => {
  it('is a select labelled "Period" offering 7 days, 30 days, 90 days and 12 months', () => {
    render(<RangePicker value="30d" onChange={() => {}} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Period');
    expect(select.tagName).toBe('SELECT');
    expect(select.value).toBe('30d');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['7d', 'Last 7 days'],
      ['30d', 'Last 30 days'],
      ['90d', 'Last 90 days'],
      ['365d', 'Last 12 months'],
    ]);
    expect(screen.queryByTestId('range-days')).toBeNull();
  });

  it('reports the chosen range, and shows the days of the figures on screen with their years', () => {
    const onChange = vi.fn();
    render(
      <RangePicker
        value="30d"
        onChange={onChange}
        shown={{ from: '', to: '', first_day: '2025-06-15', last_day: '2026-06-15', days: 366 }}
      />,
    );
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '365d' } });
    expect(onChange).toHaveBeenCalledWith('365d');
    expect(screen.getByTestId('range-days').textContent).toBe('Jun 15, 2025 – Jun 15, 2026');
  });
});

describe('the range in the page URL', () => {
  it('reads a known range; anything else is 30d', () => {
    expect(rangeFromSearch('?range=90d')).toBe('90d');
    expect(rangeFromSearch('?x=1&range=365d')).toBe('365d');
    for (const search of ['', '?range=8d', '?range=', '?range=7D']) expect(rangeFromSearch(search)).toBe('30d');
  });

  it('writes the range, keeps other parameters, and drops it for the default', () => {
    expect(searchWithRange('', '7d')).toBe('?range=7d');
    expect(searchWithRange('?x=1&range=7d', '90d')).toBe('?x=1&range=90d');
    expect(searchWithRange('?range=7d', '30d')).toBe('');
    expect(searchWithRange('?x=1&range=7d', '30d')).toBe('?x=1');
  });

  it('asks GET /metrics for the range, and for nothing extra by default', () => {
    expect(metricsSearch('365d')).toBe('?range=365d');
    expect(metricsSearch('30d')).toBe('');
  });
});
