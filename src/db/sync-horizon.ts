// The two Postgres reads behind the sync horizon (src/sync/horizon.ts explains the design).
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from './store.js';
import { toSequenceId } from './sync-changes.js';

export interface SyncHorizon {
  /** The last sequence id drawn when the horizon was taken. */
  sequenceId: number;
  /** A transaction id assigned after that read (xid8, as decimal text). */
  xactId: bigint;
}

/** sync_horizon() reads the sequence, then takes a transaction id: in that order, inside one function. */
export async function readSyncHorizon(db: Db): Promise<SyncHorizon> {
  const [row] = await selectRows<{ sequence_id: unknown; xact_id: unknown }>(
    db,
    sql`SELECT sequence_id, xact_id::text AS xact_id FROM sync_horizon()`,
  );
  if (!row) throw new Error('sync_horizon() returned no row');
  return { sequenceId: toSequenceId(row.sequence_id), xactId: BigInt(String(row.xact_id)) };
}

/** The oldest transaction id that may still be running: every xid below it has committed or aborted. */
export async function readOldestRunningXact(db: Db): Promise<bigint> {
  const [row] = await selectRows<{ xmin: unknown }>(
    db,
    sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
  );
  if (!row) throw new Error('pg_current_snapshot() returned no row');
  return BigInt(String(row.xmin));
}
