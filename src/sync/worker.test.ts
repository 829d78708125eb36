// The sync worker's schedule, on a clock the test advances: a pass at start, the idle timer, a wake-up on
// notify, a quick re-run while a horizon is pending, back-off after failures (notify does not cut it
// short) and a clean stop. Passes are scripted here; sync-outage.test.ts runs real ones against a failing
// ClickHouse.
import { describe, expect, it } from 'vitest';
import { ManualTimers, settle, until } from '../test/manual-timers.js';
import { ERROR_BACKOFF_MS, IDLE_INTERVAL_MS, startSyncWorker } from './worker.js';

type Outcome = { more: boolean } | Error;

/** A worker whose passes answer from `script` (then `{ more: false }`), counting them. */
function scripted(script: Outcome[] = []) {
  const timers = new ManualTimers();
  const failures: number[] = [];
  let passes = 0;
  const worker = startSyncWorker({
    timers,
    runPass: async () => {
      passes++;
      const next = script.shift() ?? { more: false };
      if (next instanceof Error) throw next;
      return next;
    },
    logger: { error: (fields: { failures: number }) => void failures.push(fields.failures), debug: () => {} },
  });
  return { worker, timers, failures, passes: () => passes };
}

describe('sync worker schedule', () => {
  it('runs a pass at start, then one per idle interval, and at once when notified', async () => {
    const { worker, timers, passes } = scripted();
    await until(() => timers.delays().length === 1, 'the idle wait');
    expect(passes()).toBe(1);
    expect(timers.delays()).toEqual([IDLE_INTERVAL_MS]);

    expect(timers.fire()).toBe(IDLE_INTERVAL_MS);
    await until(() => passes() === 2 && timers.delays().length === 1, 'the second pass');

    worker.notify();
    await until(() => passes() === 3 && timers.delays().length === 1, 'the notified pass');
    expect(timers.delays()).toEqual([IDLE_INTERVAL_MS]);
    await worker.stop();
  });

  it('looks again after a short wait while a horizon is pending, not after the idle interval', async () => {
    const { worker, timers, passes } = scripted([{ more: true }, { more: true }]);
    await until(() => timers.delays().length === 1);
    const short = timers.delays()[0]!;
    expect(short).toBeLessThan(IDLE_INTERVAL_MS);
    timers.fire();
    await until(() => passes() === 2 && timers.delays().length === 1);
    expect(timers.delays()).toEqual([short]);
    timers.fire();
    await until(() => passes() === 3 && timers.delays().length === 1);
    expect(timers.delays()).toEqual([IDLE_INTERVAL_MS]);
    await worker.stop();
  });

  it('backs off 0.5 s, 1 s, 2 s, 5 s, 10 s, then 30 s while passes fail, and returns to idle after a success', async () => {
    const failing = 8;
    const { worker, timers, passes, failures } = scripted(
      Array.from({ length: failing }, (_, i) => new Error(`ClickHouse down ${i}`)),
    );
    const waits: number[] = [];
    for (let n = 1; n <= failing; n++) {
      await until(() => passes() === n && timers.delays().length === 1, `failed pass ${n}`);
      // A write during a back-off is synced by the next attempt, not sooner.
      worker.notify();
      await settle();
      expect(passes()).toBe(n);
      waits.push(timers.fire());
    }
    await until(() => passes() === failing + 1 && timers.delays().length === 1, 'the pass that succeeds');
    expect(waits).toEqual([500, 1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000]);
    expect(ERROR_BACKOFF_MS.at(-1)).toBe(30_000);
    expect(failures).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The success reset the count: back to the idle wait, and a notify wakes the worker again.
    expect(timers.delays()).toEqual([IDLE_INTERVAL_MS]);
    worker.notify();
    await until(() => passes() === failing + 2 && timers.delays().length === 1, 'the notified pass');
    await worker.stop();
  });

  it('flushed() resolves after the pass that follows it; stop() ends a wait and runs nothing after', async () => {
    const { worker, timers, passes } = scripted();
    await until(() => timers.delays().length === 1);
    const flushed = worker.flushed();
    await flushed;
    expect(passes()).toBe(2);
    await until(() => timers.delays().length === 1);
    await worker.stop();
    expect(timers.delays()).toEqual([]);
    expect(passes()).toBe(2);
    worker.notify();
    await settle();
    expect(passes()).toBe(2);
  });
});
