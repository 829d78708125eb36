import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportSlowMigration } from './run.js';

describe('reportSlowMigration (CLI)', () => {
  const written: string[] = [];
  const report = reportSlowMigration(2_000, (text) => written.push(text));
  /** One migration from start to done, `ms` later on the fake clock. */
  const run = (version: number, name: string, upgrading: boolean, ms: number) => {
    report({ version, name }, { phase: 'start', upgrading });
    vi.advanceTimersByTime(ms);
    report({ version, name }, { phase: 'done', ms });
  };
  beforeEach(() => {
    written.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('names a slow migration of an upgrade and its duration; says nothing about a quick one', () => {
    run(4, 'events_data_text', true, 1_999);
    vi.advanceTimersByTime(5_000);
    expect(written).toEqual([]);
    run(5, 'events_sorted_by_type', true, 83_400);
    expect(written).toEqual([
      'pulse: applying ClickHouse migration 0005 (events_sorted_by_type): still running after 2 s (rewriting a table of millions of events takes minutes)…\n',
      'pulse: applied ClickHouse migration 0005 (events_sorted_by_type) in 83.4 s\n',
    ]);
  });

  it('stays quiet on a new store, however long its migrations take (a loaded machine, empty tables)', () => {
    run(2, 'mirrors', false, 10_000);
    expect(written).toEqual([]);
  });
});
