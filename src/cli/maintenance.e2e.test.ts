// `pulse migrate`, `projects list`, `sync --once` and `previews prune` as an operator runs them, on one data
// dir; what each wrote is read back from both stores after the command has exited.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { selectRows } from '../db/store.js';
import { MIRROR_TABLES } from '../analytics/project-data.js';
import { EVENTS_TABLE } from '../analytics/insert-events.js';
import { openStores, type OpenedStores } from '../stores.js';
import { mirrorUsers } from '../test/sync-fixtures.js';
import { runPulse } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-maintenance-');
afterAll(() => temp.remove());
const env = { PULSE_DATA_DIR: temp.dir };

async function pulseOk(args: string[]): Promise<string> {
  const result = await runPulse(args, env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** Opens the data dir in this process (no pulse is running), without migrating it. */
async function withDataDir<T>(body: (stores: OpenedStores) => Promise<T>): Promise<T> {
  const stores = await openStores(loadConfig(env), { command: 'test', migrate: false });
  try {
    return await body(stores);
  } finally {
    await stores.close();
  }
}

async function rowsOfProject(stores: OpenedStores, projectId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [EVENTS_TABLE, ...Object.values(MIRROR_TABLES)]) {
    const [row] = await stores.analytics.query<{ n: string }>(
      `SELECT count() AS n FROM ${table} WHERE project_id = {p:String}`,
      { p: projectId },
    );
    counts[table] = Number(row?.n ?? 0);
  }
  const [pg] = await selectRows<{ n: number }>(
    stores.postgres.db,
    sql`SELECT count(*)::int AS n FROM projects WHERE id = ${projectId}`,
  );
  counts.projects = pg!.n;
  return counts;
}

describe('pulse maintenance commands', () => {
  it('migrate brings a new data dir up to date in both stores, and again changes nothing', async () => {
    const migrated = 'migrations applied: Postgres (pglite) and ClickHouse (chdb) are up to date\n';
    expect(await pulseOk(['migrate'])).toBe(migrated);
    const journal = JSON.parse(
      fs.readFileSync(new URL('../db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
    ) as { entries: unknown[] };
    const clickhouseMigrations = fs
      .readdirSync(new URL('../analytics/migrations/', import.meta.url))
      .filter((f) => f.endsWith('.sql'));
    const applied = async () =>
      withDataDir(async (stores) => {
        const [pg] = await selectRows<{ n: number }>(
          stores.postgres.db,
          sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
        );
        const [ch] = await stores.analytics.query<{ n: string }>(
          'SELECT count() AS n FROM analytics_internal.schema_migrations',
        );
        return { postgres: pg!.n, clickhouse: Number(ch!.n) };
      });
    const expected = { postgres: journal.entries.length, clickhouse: clickhouseMigrations.length };
    expect(await applied()).toEqual(expected);
    expect(await pulseOk(['migrate'])).toBe(migrated);
    expect(await applied()).toEqual(expected);
  });

  it('projects list says how to start when empty, then lists projects in creation order', async () => {
    expect(await pulseOk(['projects', 'list'])).toBe(
      'No projects yet. Create one with: pulse projects create --name "My app"\n',
    );
    expect(JSON.parse(await pulseOk(['projects', 'list', '--json']))).toEqual([]);
    const first = JSON.parse(await pulseOk(['projects', 'create', '--name', 'First', '--json'])) as { id: string };
    const second = JSON.parse(await pulseOk(['projects', 'create', '--name', 'Second', '--json'])) as { id: string };
    const listed = JSON.parse(await pulseOk(['projects', 'list', '--json'])) as Record<string, unknown>[];
    expect(listed).toEqual([
      expect.objectContaining({ id: first.id, display_name: 'First', is_preview: false, expires_at: null }),
      expect.objectContaining({ id: second.id, display_name: 'Second', is_preview: false, expires_at: null }),
    ]);
    expect(listed.flatMap(Object.keys)).not.toContain('admin_key');
    const table = await pulseOk(['projects', 'list']);
    expect(table).toMatch(new RegExp(`${first.id} +│ First +│ no `));
    expect(table).toMatch(new RegExp(`${second.id} +│ Second +│ no `));
    expect(table.indexOf(first.id)).toBeLessThan(table.indexOf(second.id));
  });

  it('sync --once mirrors users written by other commands, and a second pass finds nothing new', async () => {
    const project = (JSON.parse(await pulseOk(['projects', 'create', '--name', 'Synced', '--json'])) as { id: string })
      .id;
    const ada = JSON.parse(
      await pulseOk(['users', 'create', '--project', project, '--email', 'ada@example.com', '--json']),
    ) as { id: string };
    const bob = JSON.parse(
      await pulseOk(['users', 'create', '--project', project, '--email', 'bob@example.com', '--json']),
    ) as { id: string };

    const first = await pulseOk(['sync', '--once']);
    // Each user brings its primary email channel.
    expect(first).toMatch(/^users +2 rows \(0 deletes\) {2}watermark 0 → \d+$/m);
    expect(first).toMatch(/^contact_channels +2 rows \(0 deletes\)/m);
    expect(first).toMatch(/^synced 4 changes up to sequence id \d+ in \d+ ms\n$/m);
    const mirrored = await withDataDir((stores) => mirrorUsers(stores.analytics, project));
    expect(mirrored.map((u) => [u.id, u.primary_email])).toEqual(
      [
        [ada.id, 'ada@example.com'],
        [bob.id, 'bob@example.com'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );

    const second = await pulseOk(['sync', '--once']);
    expect(second).toMatch(/^synced 0 changes up to sequence id \d+/m);
  });

  it('previews prune deletes expired previews from both stores and nothing else', async () => {
    const seeded = JSON.parse(await pulseOk(['seed', '--size', 'tiny', '--json'])) as { projectId: string };
    const expired = seeded.projectId;
    const live = JSON.parse(await pulseOk(['seed', '--size', 'tiny', '--json'])) as { projectId: string };
    const kept = live.projectId;
    const before = await withDataDir(async (stores) => {
      const { db } = stores.postgres;
      await db.execute(
        sql`UPDATE projects SET is_preview = true, expires_at = now() - interval '1 minute' WHERE id = ${expired}`,
      );
      await db.execute(
        sql`UPDATE projects SET is_preview = true, expires_at = now() + interval '1 day' WHERE id = ${kept}`,
      );
      return { expired: await rowsOfProject(stores, expired), kept: await rowsOfProject(stores, kept) };
    });
    for (const counts of [before.expired, before.kept])
      for (const [table, n] of Object.entries(counts)) expect(n, table).toBeGreaterThan(0);

    expect(await pulseOk(['previews', 'prune'])).toBe('deleted 1 expired preview project\n');
    const after = await withDataDir(async (stores) => ({
      expired: await rowsOfProject(stores, expired),
      kept: await rowsOfProject(stores, kept),
    }));
    expect(Object.values(after.expired)).toEqual(Object.values(before.expired).map(() => 0));
    expect(after.kept).toEqual(before.kept);
    expect(await pulseOk(['previews', 'prune'])).toBe('deleted 0 expired preview projects\n');
  });
});
