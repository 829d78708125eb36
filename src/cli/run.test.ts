import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportSlowMigration } from './run.js';

describe('reportSlowMigration (CLI)', () => {
  afterEach(() => vi.useRealTimers());

  it('names a slow migration of an upgrade and its duration; says nothing about a quick one', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const report = reportSlowMigration(2_000, (text) => written.push(text));
    report({ version: 4, name: 'events_data_text' }, { phase: 'start', upgrading: true });
    vi.advanceTimersByTime(1_999);
    report({ version: 4, name: 'events_data_text' }, { phase: 'done', ms: 1_999 });
    vi.advanceTimersByTime(5_000);
    expect(written).toEqual([]);

    report({ version: 5, name: 'events_sorted_by_type' }, { phase: 'start', upgrading: true });
    vi.advanceTimersByTime(2_000);
    report({ version: 5, name: 'events_sorted_by_type' }, { phase: 'done', ms: 83_400 });
    expect(written).toEqual([
      'pulse: applying ClickHouse migration 0005 (events_sorted_by_type): still running after 2 s (rewriting a table of millions of events takes minutes)…\n',
      'pulse: applied ClickHouse migration 0005 (events_sorted_by_type) in 83.4 s\n',
    ]);
  });

  it('stays quiet on a new store, however long its migrations take (a loaded machine, empty tables)', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const report = reportSlowMigration(2_000, (text) => written.push(text));
    report({ version: 2, name: 'mirrors' }, { phase: 'start', upgrading: false });
    vi.advanceTimersByTime(10_000);
    report({ version: 2, name: 'mirrors' }, { phase: 'done', ms: 10_000 });
    expect(written).toEqual([]);
  });
});
