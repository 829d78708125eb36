// An embedded chDB with Pulse's ClickHouse migrations, in a temp dir, for the calling test file:
// opened before its tests, closed and removed after. chDB binds one data dir per process, and vitest
// runs each test file in its own worker, so one per file.
import { afterAll, beforeAll } from 'vitest';
import { openChdb } from '../analytics/chdb.js';
import { migrateAnalytics } from '../analytics/migrate.js';
import type { AnalyticsStore } from '../analytics/store.js';
import { makeTempDir } from './temp-dir.js';

/** Returns a getter: the store exists once beforeAll has run. */
export function useMigratedChdb(
  prefix = 'pulse-chdb-',
  open: (dataDir: string) => Promise<AnalyticsStore> | AnalyticsStore = (dataDir) => openChdb({ dataDir }),
): () => AnalyticsStore {
  const temp = makeTempDir(prefix);
  let store: AnalyticsStore | undefined;
  beforeAll(async () => {
    store = await open(temp.dir);
    await migrateAnalytics(store);
  });
  afterAll(async () => {
    await store?.close();
    temp.remove();
  });
  return () => {
    if (!store) throw new Error('useMigratedChdb: the store is opened in beforeAll');
    return store;
  };
}
