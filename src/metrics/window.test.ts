// The window and zero-fill, pure: exact days and instants for fixed clocks around midnight UTC.
import { describe, expect, it } from 'vitest';
import { MetricsResponse } from '../../contract/metrics.js';
import { metric, METRICS, runMetrics } from './index.js';
import type { Stores } from '../stores.js';
import { liveSince, metricWindow, thirtyDaysBefore, zeroFill } from './window.js';
import { FIRST_SEED_GENERATION } from '../db/projects.js';

describe('metricWindow', () => {
  it('is today (UTC) and the 30 days before, ending at now', () => {
    const now = new Date('2026-06-15T12:00:00.000Z');
    const w = metricWindow(now);
    expect(w.from.toISOString()).toBe('2026-05-16T00:00:00.000Z');
    expect(w.to).toBe(now);
    expect(w.days).toHaveLength(31);
    expect([w.days[0], w.days[1], w.days.at(-1)]).toEqual(['2026-05-16', '2026-05-17', '2026-06-15']);
  });

  it('turns over exactly at 00:00:00.000 UTC, across month and leap-year ends', () => {
    expect(metricWindow(new Date('2028-03-01T23:59:59.999Z')).days.slice(0, 2)).toEqual(['2028-01-31', '2028-02-01']);
    expect(metricWindow(new Date('2028-03-02T00:00:00.000Z')).days.slice(0, 2)).toEqual(['2028-02-01', '2028-02-02']);
    expect(metricWindow(new Date('2028-03-02T00:00:00.000Z')).days).toContain('2028-02-29');
  });

  it('live and 30-day instants are relative to now', () => {
    const now = new Date('2026-06-15T00:01:00.000Z');
    expect(liveSince(now).toISOString()).toBe('2026-06-14T23:59:00.000Z');
    expect(thirtyDaysBefore(now).toISOString()).toBe('2026-05-16T00:01:00.000Z');
  });
});

describe('zeroFill', () => {
  const days = metricWindow(new Date('2026-06-15T12:00:00.000Z')).days;

  it('gives every day a point, in order, with 0 where the query had no row', () => {
    const filled = zeroFill(days, [
      { day: '2026-06-15', value: 2 },
      { day: '2026-05-16', value: '3' },
    ]);
    expect(filled).toHaveLength(31);
    expect(filled[0]).toEqual({ date: '2026-05-16', activity: 3 });
    expect(filled[1]).toEqual({ date: '2026-05-17', activity: 0 });
    expect(filled[30]).toEqual({ date: '2026-06-15', activity: 2 });
  });

  it('fails loudly on a day outside the window instead of dropping it', () => {
    expect(() => zeroFill(days, [{ day: '2026-05-15', value: 1 }])).toThrow(/outside the window/);
  });
});

describe('the registry', () => {
  it('lists exactly the figures of the response contract, once each', () => {
    const contractKeys = Object.keys(MetricsResponse.shape).filter((k) => k !== 'now' && k !== 'window');
    expect(Object.keys(METRICS).sort()).toEqual(contractKeys.sort());
  });

  it('fails loudly on an unknown metric name', async () => {
    expect(() => metric('daily_unicorns')).toThrow(/Unknown metric: "daily_unicorns"/);
    expect(() => metric('toString')).toThrow(/Unknown metric/);
    const noStores = {} as Stores;
    await expect(
      runMetrics(
        ['daily_unicorns' as keyof typeof METRICS],
        noStores,
        { projectId: 'p', branchId: 'main', includeAnonymous: false, seedGeneration: FIRST_SEED_GENERATION },
        new Date(),
      ),
    ).rejects.toThrow(/Unknown metric/);
  });
});
