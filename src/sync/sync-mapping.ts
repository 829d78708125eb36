// One mapping, one pass: changes after the watermark (up to a settled horizon) in id order, in batches;
// each batch goes into the mirror as Postgres wrote it (src/db/sync-changes.ts), THEN the watermark
// moves. A crash between the two replays the batch next time: the mirror is a ReplacingMergeTree keyed on the row with
// sync_sequence_id as version, so the same (key, id) twice collapses to one row under FINAL.
import { readSyncBatch, type SyncBatch } from '../db/sync-changes.js';
import type { Stores } from '../stores.js';
import type { SyncMapping } from './mappings.js';
import { readWatermark, writeWatermark } from './sync-state.js';

// 10,000 beat 5,000 (fewer round trips) and 20,000 (more text held at once) on PGlite + chDB.
export const SYNC_BATCH_SIZE = 10_000;

const EMPTY: SyncBatch = { rows: 0, deleted: 0, last: null, ndjson: '' };

export interface MappingPassOptions {
  /** A settled horizon (src/sync/horizon.ts): nothing above it is read. */
  upTo: number;
  /** The watermark as the caller last knew it; read from ClickHouse when omitted. */
  from?: number;
  /**
   * Store the watermark even when no row of this mapping was in range. Off, an idle mapping's stored
   * watermark may trail the horizon (harmless: the next pass re-reads an empty range); the runner turns
   * it on now and then so the status endpoint stays current.
   */
  refreshWatermark?: boolean;
  batchSize?: number;
  /** Fault injection for the crash-recovery test: runs after each mirror insert, before its watermark. */
  afterMirrorInsert?: () => Promise<void>;
}

export interface MappingPassResult {
  mapping: string;
  from: number;
  /** Up to where this pass looked (the horizon). */
  to: number;
  /** The watermark now stored in ClickHouse (may trail `to` for an idle mapping; see refreshWatermark). */
  stored: number;
  rows: number;
  deleted: number;
}

export async function syncMapping(
  stores: Stores,
  mapping: SyncMapping,
  options: MappingPassOptions,
): Promise<MappingPassResult> {
  const { upTo, batchSize = SYNC_BATCH_SIZE, afterMirrorInsert, refreshWatermark = true } = options;
  const from = options.from ?? (await readWatermark(stores.analytics, mapping.name));
  const result: MappingPassResult = { mapping: mapping.name, from, to: from, stored: from, rows: 0, deleted: 0 };
  let after = from;
  let batch = after < upTo ? await readSyncBatch(stores.postgres.db, mapping, after, upTo, batchSize) : EMPTY;
  while (after < upTo) {
    // A short batch means nothing else is left up to the horizon, and ids in the gap will never appear.
    const { last } = batch;
    const full = batch.rows === batchSize && last !== null;
    const next = full ? last : upTo;
    const current = batch;
    // This batch goes into ClickHouse and its watermark follows (both off the event loop on chDB), while
    // the next batch is read from Postgres. The watermark still moves only after the insert succeeded.
    const store = async (): Promise<boolean> => {
      if (current.rows > 0) {
        await stores.analytics.insert(mapping.mirrorTable, { jsonEachRow: current.ndjson });
        await afterMirrorInsert?.();
      }
      if (current.rows === 0 && !refreshWatermark) return false;
      await writeWatermark(stores.analytics, mapping.name, next);
      return true;
    };
    const [stored, following] = await Promise.allSettled([
      store(),
      full ? readSyncBatch(stores.postgres.db, mapping, next, upTo, batchSize) : Promise.resolve(EMPTY),
    ]);
    if (stored.status === 'rejected') throw stored.reason;
    if (following.status === 'rejected') throw following.reason;
    result.rows += current.rows;
    result.deleted += current.deleted;
    if (stored.value) result.stored = next;
    after = next;
    result.to = next;
    batch = following.value;
  }
  return result;
}
