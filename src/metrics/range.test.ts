// The requested window, pure: each accepted form's days and instants, and each refusal naming its
// parameter, for fixed clocks.
import { describe, expect, it } from 'vitest';
import { RangeParamError, requestedRange } from './range.js';
import { lastDays, metricWindow, type DayRange } from './window.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

function refusal(query: Parameters<typeof requestedRange>[0], now = NOW): { param: string; message: string } {
  try {
    requestedRange(query, now);
  } catch (error) {
    if (error instanceof RangeParamError) return { param: error.param, message: error.message };
    throw error;
  }
  throw new Error('accepted');
}

describe('requestedRange', () => {
  it('range=Nd is today and the N days before it; nothing asked is 30d', () => {
    expect(requestedRange({ range: '7d' }, NOW)).toEqual({ first: '2026-06-08', last: '2026-06-15' });
    expect(requestedRange({ range: '30d' }, NOW)).toEqual({ first: '2026-05-16', last: '2026-06-15' });
    expect(requestedRange({ range: '90d' }, NOW)).toEqual({ first: '2026-03-17', last: '2026-06-15' });
    // 2026-06-15 back over 2026-02 (28 days): 365 days before is 2025-06-15.
    expect(requestedRange({ range: '365d' }, NOW)).toEqual({ first: '2025-06-15', last: '2026-06-15' });
    expect(requestedRange({}, NOW)).toEqual(requestedRange({ range: '30d' }, NOW));
  });

  it('from/to are taken as they are: one day, a past span, up to 366 days, ending today', () => {
    expect(requestedRange({ from: '2026-06-15', to: '2026-06-15' }, NOW)).toEqual({
      first: '2026-06-15',
      last: '2026-06-15',
    });
    expect(requestedRange({ from: '2026-01-01', to: '2026-01-31' }, NOW)).toEqual({
      first: '2026-01-01',
      last: '2026-01-31',
    });
    expect(requestedRange({ from: '2025-06-15', to: '2026-06-15' }, NOW)).toEqual({
      first: '2025-06-15',
      last: '2026-06-15',
    });
    // A leap year and its next day: 366 days.
    expect(requestedRange({ from: '2024-01-01', to: '2024-12-31' }, NOW)).toEqual({
      first: '2024-01-01',
      last: '2024-12-31',
    });
  });

  it('refuses, naming the parameter: range with from or to, one of from/to alone, to after today, from after to, over 366 days, before 1970', () => {
    expect(refusal({ range: '7d', from: '2026-06-01' })).toEqual({
      param: 'from',
      message: 'cannot be combined with range',
    });
    expect(refusal({ range: '7d', to: '2026-06-01' })).toEqual({
      param: 'to',
      message: 'cannot be combined with range',
    });
    expect(refusal({ from: '2026-06-01' })).toEqual({ param: 'to', message: 'is required with from' });
    expect(refusal({ to: '2026-06-01' })).toEqual({ param: 'from', message: 'is required with to' });
    expect(refusal({ from: '2026-06-01', to: '2026-06-16' })).toEqual({
      param: 'to',
      message: 'must not be after today (2026-06-15 UTC)',
    });
    expect(refusal({ from: '2026-06-02', to: '2026-06-01' })).toEqual({
      param: 'from',
      message: 'must not be after to (2026-06-01)',
    });
    expect(refusal({ from: '2025-06-14', to: '2026-06-15' })).toMatchObject({
      param: 'from',
      message: expect.stringContaining('366 days'),
    });
    expect(requestedRange({ from: '2023-01-01', to: '2024-01-01' }, NOW)).toEqual({
      first: '2023-01-01',
      last: '2024-01-01',
    }); // 366 days
    expect(refusal({ from: '2023-01-01', to: '2024-01-02' })).toMatchObject({ param: 'from' }); // 367
    // Before ClickHouse's first day.
    expect(refusal({ from: '1969-12-31', to: '1970-01-30' })).toEqual({
      param: 'from',
      message: 'must not be before 1970-01-01',
    });
    expect(requestedRange({ from: '1970-01-01', to: '1970-01-31' }, NOW)).toEqual({
      first: '1970-01-01',
      last: '1970-01-31',
    });
  });

  it("today turns over at 00:00:00.000 UTC: yesterday's last millisecond cannot ask for today", () => {
    const justBefore = new Date('2026-06-14T23:59:59.999Z');
    expect(refusal({ from: '2026-06-15', to: '2026-06-15' }, justBefore).param).toBe('to');
    expect(requestedRange({ from: '2026-06-15', to: '2026-06-15' }, new Date('2026-06-15T00:00:00.000Z'))).toEqual({
      first: '2026-06-15',
      last: '2026-06-15',
    });
  });
});

describe('metricWindow over a range', () => {
  const window = (range: DayRange) => metricWindow(NOW, range);

  it('a range ending today ends at now, with one day per point', () => {
    const w = window(lastDays('7d', NOW));
    expect([w.from.toISOString(), w.to]).toEqual(['2026-06-08T00:00:00.000Z', NOW]);
    expect(w.days).toEqual([
      '2026-06-08',
      '2026-06-09',
      '2026-06-10',
      '2026-06-11',
      '2026-06-12',
      '2026-06-13',
      '2026-06-14',
      '2026-06-15',
    ]);
    const year = window(lastDays('365d', NOW));
    expect(year.days).toHaveLength(366);
    expect([year.days[0], year.days.at(-1)]).toEqual(['2025-06-15', '2026-06-15']);
  });

  it('a past range ends at the last millisecond of its last day', () => {
    const w = window({ first: '2026-02-27', last: '2026-03-01' });
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual([
      '2026-02-27T00:00:00.000Z',
      '2026-03-01T23:59:59.999Z',
    ]);
    expect(w.days).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('the default is the 30d range', () => {
    expect(metricWindow(NOW)).toEqual(window(lastDays('30d', NOW)));
  });
});
