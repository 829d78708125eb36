// One sync pass over every mapping: settle a horizon, bring each mirror up to it, then prune the
// tombstones now mirrored (tombstone-pruner.ts). Shared by the worker inside `serve` and by `pulse sync --once`.
import { createHorizonTracker, type HorizonTracker } from './horizon.js';
import { SYNC_MAPPINGS, type SyncMapping } from './mappings.js';
import type { Stores } from '../stores.js';
import { syncMapping, type MappingPassOptions, type MappingPassResult } from './sync-mapping.js';
import { readWatermarks } from './sync-state.js';
import { createTombstonePruner } from './tombstone-pruner.js';

// How often an idle mapping's stored watermark catches up with the horizon (for the status endpoint).
const WATERMARK_REFRESH_MS = 1_000;

export interface SyncPassOptions extends Omit<MappingPassOptions, 'upTo' | 'from' | 'refreshWatermark'> {
  /** How long to wait for write transactions open at the start of the pass (see horizon.ts). */
  settleWaitMs?: number;
  mappings?: readonly SyncMapping[];
}

export interface SyncPassResult {
  upTo: number;
  mappings: MappingPassResult[];
  /** A horizon has not settled yet: run again soon, there is more to sync. */
  more: boolean;
  /** Mirrored tombstones deleted from Postgres after this pass (0 when the pruner did not run). */
  prunedTombstones: number;
}

export interface SyncRunnerOptions {
  horizon?: HorizonTracker;
  /** Minimum time between two tombstone prunes (see tombstone-pruner.ts). */
  pruneIntervalMs?: number;
}

export interface SyncRunner {
  runPass(options?: SyncPassOptions): Promise<SyncPassResult>;
}

/**
 * Keeps, between passes, the horizon tracker (horizons taken while a transaction ran settle later) and
 * the watermarks it wrote, so a quiet pass costs no ClickHouse read. After a failure it forgets them and
 * reads ClickHouse again: what is stored there is the truth.
 */
export function createSyncRunner(stores: Stores, options: SyncRunnerOptions = {}): SyncRunner {
  const horizon = options.horizon ?? createHorizonTracker(stores.postgres.db);
  const pruner = createTombstonePruner(stores.postgres.db, { intervalMs: options.pruneIntervalMs });
  let known: Map<string, number> | undefined;
  let refreshedAt = 0;
  return {
    async runPass({ settleWaitMs = 50, mappings = SYNC_MAPPINGS, ...rest } = {}) {
      try {
        const upTo = await horizon.advance(settleWaitMs);
        const watermarks = (known ??= await readWatermarks(stores.analytics));
        const refreshWatermark = performance.now() - refreshedAt >= WATERMARK_REFRESH_MS;
        // Mappings are independent: their ClickHouse inserts overlap (PGlite still runs one query at a time).
        const results = await Promise.all(
          mappings.map((mapping) =>
            syncMapping(stores, mapping, { ...rest, upTo, from: watermarks.get(mapping.name) ?? 0, refreshWatermark }),
          ),
        );
        for (const r of results) watermarks.set(r.mapping, r.stored);
        if (refreshWatermark) refreshedAt = performance.now();
        const prunedTombstones = await pruner.afterPass(results, watermarks);
        return { upTo, mappings: results, more: horizon.pending, prunedTombstones };
      } catch (error) {
        known = undefined;
        throw error;
      }
    },
  };
}
