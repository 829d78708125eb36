// Marks a transaction as the preview seeder's. The sync_stamp trigger (migration 0003_sync_capture)
// then stamps the rows it writes with sync_sequence_id = 0: the seeder mirrors them into ClickHouse
// itself, so the sync worker must not send them again. The first real change later takes a real id.
import { sql } from 'drizzle-orm';
import type { Db } from './store.js';

/** The setting the trigger reads; transaction-local (`set_config(…, true)`), so it ends with the transaction. */
export const SEEDING_SETTING = 'pulse.seeding';

/**
 * - `reseed`: rows of an existing project; sync_stamp checks tombstones and earlier real versions.
 * - `fresh`: a project created in this same transaction, which can have neither; the row triggers are
 *   skipped altogether (migration 0004_fresh_seeding) and rows keep the column default, sequence 0.
 */
export type SeedingMode = 'reseed' | 'fresh';

/** Call first inside the seeder's transaction callback; outside a transaction it would mark nothing. */
export async function markSeedingTransaction(tx: Db, mode: SeedingMode = 'reseed'): Promise<void> {
  await tx.execute(sql`SELECT set_config(${SEEDING_SETTING}, ${mode === 'fresh' ? 'fresh' : 'on'}, true)`);
}
