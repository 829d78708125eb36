import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicJob } from './periodic-job.js';

describe('startPeriodicJob', () => {
  afterEach(() => vi.useRealTimers());

  it('runs after its first step, then every interval, one run at a time; a throwing run does not stop the next', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    let release = () => {};
    const first = new Promise<void>((resolve) => (release = resolve)).then(() => void log.push('first'));
    let runs = 0;
    const stop = startPeriodicJob(
      async () => {
        runs += 1;
        log.push(`run ${runs}`);
        if (runs === 2) throw new Error('boom');
      },
      1_000,
      first,
    );
    await vi.advanceTimersByTimeAsync(2_500); // two ticks queue behind the first step
    expect(log).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['first', 'run 1', 'run 2', 'run 3']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual(['first', 'run 1', 'run 2', 'run 3', 'run 4']);
    await stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(4);
  });
});
