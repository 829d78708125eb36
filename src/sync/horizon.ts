// The late-commit race, and why the worker never skips a row.
//
// Sequence ids are drawn when a row is written, not when its transaction commits. Transaction A can draw
// id 10, transaction B id 11; B commits, a pass mirrors 11 and stores watermark 11; then A commits. A
// watermark-only worker would never read id 10 again: the change is lost for good.
//
// So a pass only syncs up to a HORIZON: a sequence id H such that every transaction that drew an id <= H
// has finished (committed: visible now; aborted: its ids are gaps that never appear). Taking one:
//   1. sync_horizon() reads the sequence's last value H, THEN takes a transaction id X of its own.
//      The sync_stamp/sync_tombstone triggers take their transaction's id BEFORE drawing a sequence id
//      (sync_next_id), so any transaction that drew an id <= H got its xid before X: its xid < X.
//   2. The horizon is settled once the oldest running xid of a later snapshot,
//      pg_snapshot_xmin(pg_current_snapshot()), is > X: then every xid < X has finished.
//      (Not the snapshot's xmax: that is latestCompletedXid + 1, and a running xid can sit at or above it.)
// A settled horizon H is final: rows with ids <= H will never appear later, so the watermark may move to H
// even when no row of a mapping had an id in range. Until it settles, the pass uses the newest horizon
// that has, so a long write transaction delays the sync (by its own length) but never loses a row.
// :TRICKY: the snapshot's xmin is server-wide, so a write transaction in ANOTHER database of the same
// server holds the horizon back too. That only delays; narrowing it to this database would need
// pg_stat_activity.backend_xid, which is hidden from unprivileged roles for other users' sessions.
//
// PGlite runs one connection and serialises transactions (a query waits while a transaction is open), so
// no pass can observe the gap there; the horizon is settled the moment it is taken.
import type { Db } from '../db/store.js';
import { readOldestRunningXact, readSyncHorizon, type SyncHorizon } from '../db/sync-horizon.js';

const POLL_MS = 2;
// Enough candidates to keep moving while one long transaction runs; older ones are merely coarser.
const MAX_PENDING = 32;

export interface HorizonTracker {
  /** Takes a new horizon and returns the highest settled one, waiting up to waitMs for the new one to settle. */
  advance(waitMs: number): Promise<number>;
  /** True when a horizon taken earlier has not settled yet (a write transaction is still open). */
  readonly pending: boolean;
}

export function createHorizonTracker(db: Db): HorizonTracker {
  let pending: SyncHorizon[] = [];
  let settled = 0;
  const resolve = async () => {
    const oldestRunning = await readOldestRunningXact(db);
    for (const h of pending) if (oldestRunning > h.xactId) settled = Math.max(settled, h.sequenceId);
    pending = pending.filter((h) => oldestRunning <= h.xactId);
  };
  return {
    get pending() {
      return pending.length > 0;
    },
    async advance(waitMs) {
      pending.push(await readSyncHorizon(db));
      if (pending.length > MAX_PENDING) pending = pending.slice(-MAX_PENDING);
      const deadline = performance.now() + waitMs;
      await resolve();
      while (pending.length > 0 && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        await resolve();
      }
      return settled;
    },
  };
}
