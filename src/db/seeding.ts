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

/**
 * Before a reseed: the rows only the seeder writes and whose number follows the simulated activity up to
 * `now` (emails, replays, payments). Upserting by id alone would leave rows a later `now` no longer makes.
 */
export async function deleteActivityRows(tx: Db, projectId: string): Promise<void> {
  // Invoices first: they reference subscriptions.
  for (const table of ['email_outbox', 'session_replays', 'invoices', 'subscriptions', 'one_time_purchases']) {
    await tx.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE project_id = ${projectId}`);
  }
}
