// Upgrades over data: for each Postgres migration N, a database migrated up to N holds the rows Pulse wrote
// at that version; migrating to the end keeps every row and value, gives added columns their defaults, and
// the old rows then behave as new ones (keys resolve, changes are captured for the sync).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKeyOwner } from '../../db/projects.js';
import { MIGRATIONS_FOLDER, selectRows, type PostgresStore } from '../../db/store.js';
import type { OpenedPostgres } from '../targets.js';
import { makeTempDir } from '../temp-dir.js';
import { writeRowsOfVersion } from './rows-of-version.js';

interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;

/** A migrations folder holding only the first `count` migrations, as an earlier release shipped them. */
function firstMigrations(count: number, into: string): string {
  fs.mkdirSync(path.join(into, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries)
    fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(into, `${tag}.sql`));
  return into;
}

async function migrateWith(store: PostgresStore, migrationsFolder: string): Promise<void> {
  if (store.driver === 'pglite') await migratePglite(store.db as never, { migrationsFolder });
  else await migrateNodePostgres(store.db as never, { migrationsFolder });
}

/** Back to an empty database: no tables, functions, sequences or migration ledger. */
async function wipe(store: PostgresStore): Promise<void> {
  await store.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await store.db.execute(sql`DROP SCHEMA public CASCADE`);
  await store.db.execute(sql`CREATE SCHEMA public`);
}

async function appliedMigrations(store: PostgresStore): Promise<number> {
  const [row] = await selectRows<{ n: string }>(
    store.db,
    sql`SELECT count(*)::text AS n FROM drizzle.__drizzle_migrations`,
  );
  return Number(row!.n);
}

type Snapshot = Map<string, Map<string, Record<string, unknown>>>;

/** Every row of every table, as JSON, by table and primary key. */
async function snapshot(store: PostgresStore): Promise<Snapshot> {
  const tables = await selectRows<{ table_name: string; key: string[] }>(
    store.db,
    sql`SELECT c.relname AS table_name, array_agg(a.attname::text ORDER BY a.attnum) AS key
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
        WHERE i.indisprimary AND n.nspname = 'public' GROUP BY c.relname`,
  );
  const all: Snapshot = new Map();
  for (const { table_name: table, key } of tables) {
    const rows = await selectRows<{ row: Record<string, unknown> }>(
      store.db,
      sql`SELECT to_jsonb(t) AS row FROM ${sql.identifier(table)} t`,
    );
    all.set(table, new Map(rows.map(({ row }) => [key.map((k) => String(row[k])).join('|'), row])));
  }
  return all;
}

/** Columns a later migration adds, and what a row written before it must read. */
const ADDED_LATER: Record<string, (value: unknown) => boolean> = {
  preview_params: (v) => v === null,
  sync_sequence_id: (v) => v === 0,
  sync_changed_at: (v) => typeof v === 'string',
  // Every project written before 0006 has its demo events under generation 1.
  seed_generation: (v) => v === 1,
};

export function migrationUpgradeContract(name: string, open: () => Promise<OpenedPostgres>, skip?: string): void {
  describe.skipIf(skip)(`Postgres migrations over earlier data: ${name}`, () => {
    let pg: OpenedPostgres;
    const temp = makeTempDir('pulse-migrations-');
    beforeAll(async () => {
      pg = await open();
    });
    afterAll(async () => {
      await pg?.dispose();
      temp.remove();
    });

    it.each(journal.entries.map((e) => [e.idx + 1, e.tag] as const))(
      'rows written after migration %i (%s) survive the upgrade to the last one',
      async (count, tag) => {
        const { store } = pg;
        await wipe(store);
        await migrateWith(store, firstMigrations(count, path.join(temp.dir, tag)));
        expect(await appliedMigrations(store)).toBe(count);
        const written = await writeRowsOfVersion(store.db, count);
        const before = await snapshot(store);
        expect([...before.values()].filter((rows) => rows.size > 0).length).toBeGreaterThanOrEqual(12);

        await store.migrate();
        expect(await appliedMigrations(store)).toBe(journal.entries.length);
        const after = await snapshot(store);

        for (const [table, rows] of before) {
          expect([...(after.get(table)?.keys() ?? [])].sort(), table).toEqual([...rows.keys()].sort());
          for (const [key, old] of rows) {
            const now = after.get(table)!.get(key)!;
            expect(now, `${table} ${key}`).toMatchObject(old);
            for (const column of Object.keys(now).filter((c) => !(c in old))) {
              const check = ADDED_LATER[column];
              expect(check, `${table}.${column} is new: what must an earlier row read?`).toBeDefined();
              expect(check!(now[column]), `${table}.${column} = ${JSON.stringify(now[column])}`).toBe(true);
            }
          }
        }

        // The old rows work as new ones: their keys resolve, a change to them is captured for the sync.
        expect(await findKeyOwner(store.db, written.adminKeyHash)).toEqual({
          projectId: written.projectId,
          kind: 'admin',
          // Every project here is on its first seed generation (rows from before 0006 read 1 too).
          seedGeneration: 1,
        });
        await store.db.execute(sql`UPDATE users SET display_name = 'Renamed' WHERE id = ${written.userId}`);
        await store.db.execute(sql`DELETE FROM team_members WHERE user_id = ${written.userId}`);
        const [user] = await selectRows<{ seq: string }>(
          store.db,
          sql`SELECT sync_sequence_id::text AS seq FROM users WHERE id = ${written.userId}`,
        );
        expect(Number(user!.seq)).toBeGreaterThan(0);
        const tombstones = await selectRows<{ row_key: unknown }>(
          store.db,
          sql`SELECT row_key FROM sync_tombstones WHERE table_name = 'team_members' AND project_id = ${written.projectId}`,
        );
        expect(tombstones.map((t) => t.row_key)).toContainEqual({ team_id: written.teamId, user_id: written.userId });
      },
    );
  });
}
