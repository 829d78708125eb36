// Named points inside multi-store writes where the crash suite (src/test/crash.e2e.test.ts) stops the
// process as `kill -9` would: no finally block, no rollback, no flush runs. A no-op unless
// PULSE_TEST_CRASH_POINT names the point.
import { testCrashPoint } from './config.js';

export type CrashPoint =
  /** A creation's ClickHouse rows are written; its Postgres transaction is not committed. */
  | 'create:before-commit'
  /** A reseed's new events are written; its Postgres transaction (the switch) is not committed. */
  | 'reseed:before-commit'
  /** A reseed has switched; the old generation's events are not deleted yet. */
  | 'reseed:after-commit';

const armed = testCrashPoint();

export function crashPoint(point: CrashPoint): void {
  if (armed === point) process.kill(process.pid, 'SIGKILL');
}
