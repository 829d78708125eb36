// Embedded Postgres (PGlite, in-process WASM). Sibling of node-postgres.ts.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema/index.js';
import { MIGRATIONS_FOLDER, type Db, type PostgresStore } from './store.js';
import { copyPgliteTemplate } from './pglite-template.js';
import { DurableNodeFS } from './durable-nodefs.js';

// PGlite's own start parameters, plus a smaller buffer pool: zeroing the default pool slows every start
// and costs memory, and Pulse's Postgres working set (users, teams, keys) is small.
// fsync stays on (PGlite's own parameters turn it off with -F): a commit is on disk before it returns.
// WAL is flushed with fsync(), which DurableNodeFS makes real; fdatasync() is a no-op inside PGlite.
const START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
  '-c',
  'shared_buffers=32MB',
  '-c',
  'wal_sync_method=fsync',
];

export interface PgliteOptions {
  /** On-disk directory; omitted ⇒ in memory (tests). */
  dataDir?: string;
}

export async function openPglite({ dataDir }: PgliteOptions = {}): Promise<PostgresStore> {
  if (dataDir && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(dataDir, { recursive: true });
    // A new cluster would run initdb; the pristine template made at install time is a file copy.
    copyPgliteTemplate(dataDir);
  }
  const client = dataDir
    ? await PGlite.create({ fs: new DurableNodeFS(dataDir), startParams: START_PARAMS })
    : await PGlite.create('memory://', { startParams: START_PARAMS });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    driver: 'pglite',
    db,
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    async migrate() {
      await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}
