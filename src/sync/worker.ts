// The sync worker inside `serve`: schedule and graceful stop only (passes live in run-sync-pass.ts).
// A pass runs when a write asks for one (notify(): the admin API calls it after each write), when the
// previous pass says more is pending, and on a slow timer for writes made by other processes.
import type { Logger } from 'pino';

export const IDLE_INTERVAL_MS = 5_000;
// A horizon waits on an open transaction: look again soon, not on the slow timer.
const MORE_DELAY_MS = 10;
export const ERROR_BACKOFF_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

export interface SyncWorkerOptions {
  runPass: () => Promise<{ more: boolean }>;
  logger?: Pick<Logger, 'error' | 'debug'>;
  idleIntervalMs?: number;
  /** Where the worker's waits are scheduled; tests pass a clock they advance by hand. */
  timers?: WorkerTimers;
}

export interface WorkerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: WorkerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SyncWorker {
  /** Something was written: run a pass as soon as the current one (if any) ends. */
  notify(): void;
  /** Resolves when the pass that follows this call has finished (tests, benchmarks). */
  flushed(): Promise<void>;
  /** Lets the running pass finish, then stops; no pass starts after this. */
  stop(): Promise<void>;
}

export function startSyncWorker({
  runPass,
  logger,
  idleIntervalMs = IDLE_INTERVAL_MS,
  timers = realTimers,
}: SyncWorkerOptions): SyncWorker {
  let stopped = false;
  let dirty = true;
  let wake: (() => void) | undefined;
  let failures = 0;
  let waiters: (() => void)[] = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = timers.setTimeout(done, ms);
      function done() {
        timers.clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = (async () => {
    while (!stopped) {
      if (!dirty)
        await sleep(failures > 0 ? ERROR_BACKOFF_MS[Math.min(failures, ERROR_BACKOFF_MS.length) - 1]! : idleIntervalMs);
      if (stopped) break;
      dirty = false;
      const released = waiters;
      waiters = [];
      try {
        const { more } = await runPass();
        failures = 0;
        if (more) {
          dirty = true;
          await sleep(MORE_DELAY_MS);
        }
      } catch (error) {
        failures += 1;
        // Keep serving: the watermark did not move, so the next pass retries the same changes.
        logger?.error({ err: error, failures }, 'sync pass failed; retrying');
      }
      for (const release of released) release();
    }
    for (const release of waiters) release();
  })();

  return {
    notify() {
      dirty = true;
      if (failures === 0) wake?.();
    },
    flushed() {
      return new Promise<void>((resolve) => {
        waiters.push(resolve);
        dirty = true;
        wake?.();
      });
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
