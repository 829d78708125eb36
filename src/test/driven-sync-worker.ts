// The sync worker as `serve` runs it, on timers the test holds: its idle timer never fires on its own, so
// a pass can only come from a write's notify (or flushed()), and `synced()` waits for passes, not time.
import { startSyncWorker, type SyncWorker } from '../sync/worker.js';
import { ManualTimers, settle } from './manual-timers.js';

export interface DrivenSyncWorker {
  worker: SyncWorker;
  timers: ManualTimers;
  /** Passes run so far. */
  passes(): number;
  /** Resolves once no pass runs or is due (a pending horizon's quick look is fired); rejects if one failed. */
  synced(): Promise<void>;
}

export function startDrivenSyncWorker(
  runPass: () => Promise<{ more: boolean }>,
  idleIntervalMs = 60_000,
): DrivenSyncWorker {
  const timers = new ManualTimers();
  const failures: unknown[] = [];
  let passes = 0;
  let running: Promise<unknown> = Promise.resolve();
  const worker = startSyncWorker({
    timers,
    idleIntervalMs,
    runPass: () => {
      passes++;
      const pass = runPass();
      running = pass.catch(() => {});
      return pass;
    },
    logger: { error: (fields: { err: unknown }) => void failures.push(fields.err), debug: () => {} },
  });
  return {
    worker,
    timers,
    passes: () => passes,
    async synced() {
      for (let round = 0; round < 1_000; round++) {
        await running;
        await settle(2);
        if (failures.length > 0) throw new Error(`a sync pass failed: ${String(failures[0])}`);
        const waits = timers.delays();
        if (waits.length === 1 && waits[0] === idleIntervalMs) return;
        if (waits.length === 1) timers.fire();
      }
      throw new Error('the sync worker did not come to rest');
    },
  };
}
