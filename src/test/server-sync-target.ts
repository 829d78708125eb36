// A sync target on a fresh database of the test Postgres server (PULSE_TEST_DATABASE_URL), dropped when
// the target closes; `url` lets a test open connections of its own to race the sync.
import { openNodePostgres } from '../db/node-postgres.js';
import { openSyncTarget, type SyncTarget } from './sync-fixtures.js';
import { createTestDatabase, testTargets } from './targets.js';

export async function openServerSyncTarget(): Promise<{ target: SyncTarget; url: string }> {
  const database = await createTestDatabase(testTargets.databaseUrl!);
  const target = await openSyncTarget(async () => {
    const store = await openNodePostgres({ url: database.url });
    return {
      store,
      dispose: async () => {
        await store.close();
        await database.drop();
      },
    };
  });
  return { target, url: database.url };
}
