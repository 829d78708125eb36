// What the sync worker has not mirrored yet for one project and table: rows and tombstones past the
// watermark, and when the oldest of them changed (for GET /projects/:id/sync).
import { sql } from 'drizzle-orm';
import type { SyncedTable } from './schema/index.js';
import { selectRows, toCount, type Db } from './store.js';

export interface SyncBacklog {
  rows: number;
  /** When the oldest pending change was written; null when nothing is pending. */
  oldestChangeAt: Date | null;
}

export async function getSyncBacklog(
  db: Db,
  projectId: string,
  table: SyncedTable,
  after: number,
): Promise<SyncBacklog> {
  const [row] = await selectRows<{ n: unknown; oldest_ms: number | null }>(
    db,
    sql`SELECT count(*) AS n, (extract(epoch FROM min(changed_at)) * 1000)::float8 AS oldest_ms FROM (
      SELECT sync_changed_at AS changed_at FROM ${sql.identifier(table)} WHERE project_id = ${projectId} AND sync_sequence_id > ${after}
      UNION ALL
      SELECT deleted_at FROM sync_tombstones WHERE project_id = ${projectId} AND table_name = ${table} AND sync_sequence_id > ${after}
    ) pending`,
  );
  return { rows: toCount(row?.n ?? 0), oldestChangeAt: row?.oldest_ms == null ? null : new Date(row.oldest_ms) };
}
