// One mapping, one pass: changes after the watermark (up to a settled horizon) in id order, in batches;
// each batch goes into the mirror with the mapping's builder, THEN the watermark moves. A crash between
// the two replays the batch next time: the mirror is a ReplacingMergeTree keyed on the row with
// sync_sequence_id as version, so the same (key, id) twice collapses to one row under FINAL.
import type { AnalyticsStore } from '../analytics/store.js';
import { insertJsonEachRow } from '../analytics/store.js';
import type { Db } from '../db/store.js';
import { listSyncChanges } from '../db/sync-changes.js';
import type { SyncMapping } from './mappings.js';
import { readWatermark, writeWatermark } from './sync-state.js';

export const SYNC_BATCH_SIZE = 5_000;

export interface SyncStores {
  db: Db;
  analytics: AnalyticsStore;
}

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

export async function syncMapping(stores: SyncStores, mapping: SyncMapping, options: MappingPassOptions): Promise<MappingPassResult> {
  const { upTo, batchSize = SYNC_BATCH_SIZE, afterMirrorInsert, refreshWatermark = true } = options;
  const from = options.from ?? (await readWatermark(stores.analytics, mapping.name));
  const result: MappingPassResult = { mapping: mapping.name, from, to: from, stored: from, rows: 0, deleted: 0 };
  let after = from;
  let changes = after < upTo ? await listSyncChanges(stores.db, mapping.name, after, upTo, batchSize) : [];
  while (after < upTo) {
    // A short batch means nothing else is left up to the horizon, and ids in the gap will never appear.
    const full = changes.length === batchSize;
    const next = full ? changes[changes.length - 1]!.sequence : upTo;
    const insert = async () => {
      if (changes.length === 0) return;
      await insertJsonEachRow(stores.analytics, mapping.mirrorTable, changes.map((c) => mapping.toMirrorRow(c.row, { sequence: c.sequence, deleted: c.deleted })));
      await afterMirrorInsert?.();
    };
    // The next batch is read from Postgres while this one goes into ClickHouse; the watermark still moves
    // only after this batch's insert has succeeded.
    const [inserted, following] = await Promise.allSettled([
      insert(),
      full ? listSyncChanges(stores.db, mapping.name, next, upTo, batchSize) : Promise.resolve([]),
    ]);
    if (inserted.status === 'rejected') throw inserted.reason;
    if (following.status === 'rejected') throw following.reason;
    result.rows += changes.length;
    result.deleted += changes.filter((c) => c.deleted).length;
    if (changes.length > 0 || refreshWatermark) {
      await writeWatermark(stores.analytics, mapping.name, next);
      result.stored = next;
    }
    after = next;
    result.to = next;
    changes = following.value;
  }
  return result;
}
