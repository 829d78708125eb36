// Reads captured changes for the sync worker: live rows and tombstones of one mirrored table with
// after < sync_sequence_id <= upTo, in id order. Both come back as the same jsonb shape (snake_case
// columns, as to_jsonb writes them), so one builder per mapping handles inserts, updates and deletes.
import { sql, type SQL } from 'drizzle-orm';
import type { SyncedTable } from './schema/index.js';
import { selectRows, type Db } from './store.js';

export interface SyncChange {
  sequence: number;
  deleted: boolean;
  /** The row as jsonb (a tombstone's old row), plus the mapping's extra columns for live rows. */
  row: Record<string, unknown>;
}

/**
 * Columns a mirror needs from other tables, merged into each live row. The users mirror carries the
 * primary EMAIL channel; the contact_channels trigger re-stamps the user whenever that channel changes.
 */
const EXTRA: Partial<Record<SyncedTable, SQL>> = {
  users: sql`jsonb_build_object('primary_email', (
    SELECT jsonb_build_object('value', c.value, 'is_verified', c.is_verified) FROM contact_channels c
    WHERE c.project_id = t.project_id AND c.branch_id = t.branch_id AND c.user_id = t.id AND c.type = 'EMAIL' AND c.is_primary))`,
};

/** The sequence ids arrive as numbers on PGlite and strings on node-postgres. */
export function toSequenceId(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`expected a sequence id, got ${String(value)}`);
  return n;
}

export async function listSyncChanges(db: Db, table: SyncedTable, after: number, upTo: number, limit: number): Promise<SyncChange[]> {
  const extra = EXTRA[table] ?? sql`'{}'::jsonb`;
  // Each side is an index range scan on sync_sequence_id, already limited, so the merge stays small.
  const rows = await selectRows<{ seq: unknown; deleted: boolean; row: Record<string, unknown> }>(
    db,
    sql`SELECT seq, deleted, row FROM (
      (SELECT t.sync_sequence_id AS seq, false AS deleted, to_jsonb(t) || ${extra} AS row
        FROM ${sql.identifier(table)} t
        WHERE t.sync_sequence_id > ${after} AND t.sync_sequence_id <= ${upTo}
        ORDER BY t.sync_sequence_id LIMIT ${limit})
      UNION ALL
      (SELECT s.sync_sequence_id, true, s.old_row FROM sync_tombstones s
        WHERE s.table_name = ${table} AND s.sync_sequence_id > ${after} AND s.sync_sequence_id <= ${upTo}
        ORDER BY s.sync_sequence_id LIMIT ${limit})
    ) changes ORDER BY seq LIMIT ${limit}`,
  );
  return rows.map((r) => ({ sequence: toSequenceId(r.seq), deleted: r.deleted, row: r.row }));
}
