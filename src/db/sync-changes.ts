// Reads captured changes for the sync worker: live rows and tombstones of one mirrored table with
// after < sync_sequence_id <= upTo, in id order, already shaped as the mirror's rows. Postgres writes
// the whole batch as JSONEachRow text (one line per row, in id order), which goes to ClickHouse as it is.
// :TRICKY: building row objects in JavaScript and serialising them again costs more than the Postgres
// read itself on PGlite, and PGlite holds the event loop.
import { sql } from 'drizzle-orm';
import type { SyncedTable } from './schema/index.js';
import { selectRows, toCount, type Db } from './store.js';

/** Which Postgres table feeds which ClickHouse mirror (the list is src/sync/mappings.ts). */
export interface SyncMapping {
  /** The source table, and the mapping's key in analytics_internal.sync_state. */
  name: SyncedTable;
  mirrorTable: string;
  /**
   * The mirror row without its sync bookkeeping: a select list over `t`, which is the live row, or a
   * tombstone's old row read back into the table's row type. Column aliases are the mirror's names.
   */
  columns: string;
  /** Joins the columns use, for a live row and for a tombstone (same aliases, see users). */
  joins?: { live: string; tombstone: string };
}

export interface SyncBatch {
  rows: number;
  /** How many of them are tombstones (mirrored with sync_is_deleted = 1). */
  deleted: number;
  /** The highest sequence id in the batch; null when it is empty. */
  last: number | null;
  /** One JSON object per line, the mirror table's columns (sync bookkeeping included). */
  ndjson: string;
}

/** The sequence ids arrive as numbers on PGlite and strings on node-postgres. */
export function toSequenceId(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n))
    throw new Error(`expected a sequence id, got ${String(value)}`);
  return n;
}

export async function readSyncBatch(
  db: Db,
  mapping: SyncMapping,
  after: number,
  upTo: number,
  limit: number,
): Promise<SyncBatch> {
  // Constant SQL from the mapping (never input); the range and limit are bound parameters.
  const table = sql.identifier(mapping.name);
  const columns = sql.raw(mapping.columns);
  const liveJoin = sql.raw(mapping.joins?.live ?? '');
  const tombstoneJoin = sql.raw(mapping.joins?.tombstone ?? '');
  // Each side is an index range scan on sync_sequence_id, already limited, so the merge stays small.
  // A tombstone's old row is read back into the table's row type, so the same columns apply to it.
  const [row] = await selectRows<{ rows: unknown; deleted: unknown; last: unknown; ndjson: string | null }>(
    db,
    sql`SELECT count(*) AS rows, count(*) FILTER (WHERE deleted) AS deleted, max(seq) AS last,
        string_agg(line, E'\n' ORDER BY seq) AS ndjson
      FROM (SELECT seq, deleted, line FROM (
        (SELECT t.sync_sequence_id AS seq, false AS deleted, row_to_json(m)::text AS line
          FROM ${table} t ${liveJoin}
          CROSS JOIN LATERAL (SELECT ${columns}, t.sync_sequence_id AS sync_sequence_id, 0 AS sync_is_deleted) m
          WHERE t.sync_sequence_id > ${after} AND t.sync_sequence_id <= ${upTo}
          ORDER BY t.sync_sequence_id LIMIT ${limit})
        UNION ALL
        (SELECT s.sync_sequence_id, true, row_to_json(m)::text
          FROM sync_tombstones s
          CROSS JOIN LATERAL jsonb_populate_record(NULL::${table}, s.old_row) t ${tombstoneJoin}
          CROSS JOIN LATERAL (SELECT ${columns}, s.sync_sequence_id AS sync_sequence_id, 1 AS sync_is_deleted) m
          WHERE s.table_name = ${mapping.name} AND s.sync_sequence_id > ${after} AND s.sync_sequence_id <= ${upTo}
          ORDER BY s.sync_sequence_id LIMIT ${limit})
      ) changes ORDER BY seq LIMIT ${limit}) batch`,
  );
  if (!row) throw new Error('sync: the batch query returned no row');
  const rows = toCount(row.rows);
  return {
    rows,
    deleted: toCount(row.deleted),
    last: rows === 0 ? null : toSequenceId(row.last),
    ndjson: row.ndjson ?? '',
  };
}
