import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/temp-dir.js';
import { ensurePgliteTemplate, pgliteTemplateDir } from './pglite-template.js';
import { openPglite } from './pglite.js';
import { MIGRATIONS_FOLDER, selectRows, toCount } from './store.js';

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};

describe('PGlite template', () => {
  const temp = makeTempDir('pulse-template-');
  afterAll(() => temp.remove());

  it('is keyed by the PGlite version and the migrations', () => {
    expect(path.basename(pgliteTemplateDir())).toMatch(/^pglite-\d+\.\d+\.\d+-[0-9a-f]{12}$/);
  });

  it('gives a new data dir every migration already applied, so the start-up check applies nothing', async () => {
    await ensurePgliteTemplate();
    const store = await openPglite({ dataDir: path.join(temp.dir, 'postgres') });
    try {
      const applied = async () =>
        toCount(
          (await selectRows<{ n: unknown }>(store.db, sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`))[0]
            ?.n,
        );
      expect(await applied()).toBe(journal.entries.length);
      await store.migrate();
      expect(await applied()).toBe(journal.entries.length);
      // The schema is there before any migration ran in this dir.
      const tables = await selectRows<{ n: unknown }>(
        store.db,
        sql`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'users'`,
      );
      expect(toCount(tables[0]?.n)).toBe(1);
    } finally {
      await store.close();
    }
  });
});
