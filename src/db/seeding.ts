// Marks a transaction as the preview seeder's. The sync_stamp trigger (migration 0003_sync_capture)
// then stamps the rows it writes with sync_sequence_id = 0: the seeder mirrors them into ClickHouse
// itself, so the sync worker must not send them again. The first real change later takes a real id.
import { sql } from 'drizzle-orm';
import type { Db } from './store.js';

/** The setting the trigger reads; transaction-local (`set_config(…, true)`), so it ends with the transaction. */
export const SEEDING_SETTING = 'pulse.seeding';

/** Call first inside the seeder's transaction callback; outside a transaction it would mark nothing. */
export async function markSeedingTransaction(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT set_config(${SEEDING_SETTING}, 'on', true)`);
}
