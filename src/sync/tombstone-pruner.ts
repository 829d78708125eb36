// Tombstones are only needed until the worker has mirrored them (the mirror then holds the key with
// sync_is_deleted = 1 for good), so the pass deletes them from Postgres afterwards. What may go is decided
// per table by its mapping's STORED watermark, never by the horizon of the pass: a mapping that did not
// run, or failed half-way, keeps its tombstones. And a watermark never passes a horizon that is still
// open (horizon.ts), so a late-committing delete can never be pruned before it is synced.
// Cheap by design: at most one DELETE per interval, and only once a pass has mirrored a delete since the
// last prune (or the process just started: an earlier one may have left some).
import { deleteMirroredTombstones } from '../db/prune-tombstones.js';
import { SYNCED_TABLES, type SyncedTable } from '../db/schema/index.js';
import type { Db } from '../db/store.js';
import type { MappingPassResult } from './sync-mapping.js';

export const PRUNE_INTERVAL_MS = 30_000;

export interface TombstonePrunerOptions {
  /** Minimum time between two DELETEs (0: after every pass that mirrored a delete). */
  intervalMs?: number;
}

export interface TombstonePruner {
  /**
   * Runs after a pass with its results and the watermarks stored in ClickHouse (what is stored there has
   * been mirrored). Returns how many tombstones went; 0 when it had no reason to run yet.
   */
  afterPass(results: readonly MappingPassResult[], stored: ReadonlyMap<string, number>): Promise<number>;
}

export function createTombstonePruner(
  db: Db,
  { intervalMs = PRUNE_INTERVAL_MS }: TombstonePrunerOptions = {},
): TombstonePruner {
  let mirroredSincePrune = true;
  let prunedAt = Number.NEGATIVE_INFINITY;
  return {
    async afterPass(results, stored) {
      if (results.some((r) => r.deleted > 0)) mirroredSincePrune = true;
      if (!mirroredSincePrune || performance.now() - prunedAt < intervalMs) return 0;
      const upTo: Partial<Record<SyncedTable, number>> = {};
      for (const table of SYNCED_TABLES) {
        const watermark = stored.get(table);
        if (watermark !== undefined) upTo[table] = watermark;
      }
      const pruned = await deleteMirroredTombstones(db, upTo);
      mirroredSincePrune = false;
      prunedAt = performance.now();
      return pruned;
    },
  };
}
