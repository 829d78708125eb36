// An in-process Pulse on embedded stores in temp dirs, for app.inject() tests. One per test file
// (chDB binds one data dir per process, and vitest gives each file its own process).
import { migrateAnalytics } from '../analytics/migrate.js';
import { openChdb } from '../analytics/chdb.js';
import type { AnalyticsStore } from '../analytics/store.js';
import type { PostgresStore } from '../db/store.js';
import { buildApp, type App, type AppDeps } from '../http/app.js';
import { makeTempDir } from './temp-dir.js';
import { openTestPglite } from './targets.js';

export interface TestApp {
  app: App;
  postgres: PostgresStore;
  analytics: AnalyticsStore;
  close(): Promise<void>;
}

export async function openTestApp(
  options: Pick<AppDeps, 'preview' | 'notifyWrite' | 'eventBuffer' | 'logger' | 'diskGuard'> = {},
): Promise<TestApp> {
  const pg = await openTestPglite();
  const chDir = makeTempDir('pulse-chdb-');
  const analytics = await openChdb({ dataDir: chDir.dir });
  await Promise.all([pg.store.migrate(), migrateAnalytics(analytics)]);
  const app = await buildApp({ stores: { postgres: pg.store, analytics }, ...options });
  return {
    app,
    postgres: pg.store,
    analytics,
    async close() {
      await app.close();
      await analytics.close();
      await pg.dispose();
      chDir.remove();
    },
  };
}
