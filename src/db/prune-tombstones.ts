// Deletes tombstones the sync has mirrored (src/sync/tombstone-pruner.ts decides when). One statement:
// the tombstones of each table up to that table's watermark go, and the (project, table) pairs they came
// from are recorded in sync_pruned_tombstones, which the reseed's sync_stamp check reads (migration
// 0005_tombstone_pruning). Both in one statement, so no reader ever sees one without the other.
import { sql } from 'drizzle-orm';
import type { SyncedTable } from './schema/index.js';
import { selectRows, toCount, type Db } from './store.js';

/**
 * `mirroredUpTo` maps a table to its stored watermark: every tombstone of that table with an id at or
 * below it is already in ClickHouse. Tables left out keep all their tombstones. Returns how many went.
 */
export async function deleteMirroredTombstones(
  db: Db,
  mirroredUpTo: Partial<Record<SyncedTable, number>>,
): Promise<number> {
  const ranges = Object.entries(mirroredUpTo)
    .filter(([, upTo]) => upTo !== undefined && upTo > 0)
    .map(([table, upTo]) => sql`(table_name = ${table} AND sync_sequence_id <= ${upTo})`);
  if (ranges.length === 0) return 0;
  // Each range is a scan of sync_tombstones_table_seq_idx.
  const [row] = await selectRows<{ n: unknown }>(
    db,
    sql`WITH pruned AS (
      DELETE FROM sync_tombstones WHERE ${sql.join(ranges, sql` OR `)} RETURNING project_id, table_name
    ), recorded AS (
      INSERT INTO sync_pruned_tombstones (project_id, table_name)
      SELECT DISTINCT project_id, table_name FROM pruned
      ON CONFLICT DO NOTHING
    )
    SELECT count(*) AS n FROM pruned`,
  );
  return toCount(row?.n ?? 0);
}
