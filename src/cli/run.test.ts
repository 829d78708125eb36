import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportSlowMigration } from './run.js';

describe('reportSlowMigration (CLI)', () => {
  afterEach(() => vi.useRealTimers());

  it('says nothing about a quick migration, and names a slow one and its duration', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const report = reportSlowMigration(1_000, (text) => written.push(text));
    report({ version: 3, name: 'sync_state' }, { phase: 'start' });
    vi.advanceTimersByTime(999);
    report({ version: 3, name: 'sync_state' }, { phase: 'done', ms: 999 });
    vi.advanceTimersByTime(5_000);
    expect(written).toEqual([]);

    report({ version: 5, name: 'events_sorted_by_type' }, { phase: 'start' });
    vi.advanceTimersByTime(1_000);
    report({ version: 5, name: 'events_sorted_by_type' }, { phase: 'done', ms: 83_400 });
    expect(written).toEqual([
      'pulse: applying ClickHouse migration 0005 (events_sorted_by_type): still running after 1 s (one that rebuilds the events table takes minutes on a big one)…\n',
      'pulse: applied ClickHouse migration 0005 (events_sorted_by_type) in 83.4 s\n',
    ]);
  });
});
