// Embedded PGlite + chDB in temp dirs for a benchmark run (one per process: chDB binds one data dir).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openChdb } from '../src/analytics/chdb.js';
import { migrateAnalytics } from '../src/analytics/migrate.js';
import { ensurePgliteTemplate } from '../src/db/pglite-template.js';
import { openPglite } from '../src/db/pglite.js';

export async function openBenchStores() {
  await ensurePgliteTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-'));
  const postgres = await openPglite({ dataDir: path.join(dir, 'postgres') });
  const analytics = await openChdb({ dataDir: path.join(dir, 'clickhouse') });
  await Promise.all([postgres.migrate(), migrateAnalytics(analytics)]);
  return {
    postgres,
    analytics,
    async close() {
      await Promise.all([postgres.close(), analytics.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
