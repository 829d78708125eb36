// Embedded Postgres on disk runs with fsync on, WAL flushed by fsync() (which DurableNodeFS makes reach
// the disk: PGlite's file system had none), and a committed row is there after a reopen.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/temp-dir.js';
import { openPglite } from './pglite.js';
import { selectRows } from './store.js';

const temp = makeTempDir('pulse-durable-');
afterAll(() => temp.remove());

describe('PGlite on disk', () => {
  it('runs with fsync on and wal_sync_method=fsync, and keeps a committed row', async () => {
    const dataDir = path.join(temp.dir, 'pg');
    const store = await openPglite({ dataDir });
    try {
      const settings = await selectRows<{ name: string; setting: string }>(
        store.db,
        sql`SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method') ORDER BY name`,
      );
      expect(settings).toEqual([
        { name: 'fsync', setting: 'on' },
        { name: 'wal_sync_method', setting: 'fsync' },
      ]);
      await store.db.execute(sql`CREATE TABLE durable (x int)`);
      await store.db.execute(sql`INSERT INTO durable VALUES (42)`);
    } finally {
      await store.close();
    }
    const reopened = await openPglite({ dataDir });
    try {
      expect(await selectRows(reopened.db, sql`SELECT x FROM durable`)).toEqual([{ x: 42 }]);
    } finally {
      await reopened.close();
    }
  });
});
