// The two writers of mirror rows agree: the preview seeder builds them in JavaScript (mirror-rows.ts,
// sequence 0), the sync has Postgres write them (mappings.ts + db/sync-changes.ts). For the same data
// both must give the same row, or a real sync would silently change what a seeded project shows.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePreviewDataset } from '../../preview/generate/index.js';
import { writeNewPreview } from '../../preview/writers/both-stores.js';
import { SYNC_MAPPINGS } from '../../sync/mappings.js';
import type { OpenedPostgres } from '../targets.js';
import { openSyncTarget, type SyncTarget } from '../sync-fixtures.js';

type Row = Record<string, unknown>;

/** A row without its sync bookkeeping; metadata as parsed JSON (whitespace may differ, meaning may not). */
function comparable(row: Row): Row {
  const rest = Object.fromEntries(Object.entries(row).filter(([key]) => !key.startsWith('sync_')));
  for (const key of ['client_metadata', 'client_read_only_metadata', 'server_metadata']) {
    if (typeof rest[key] === 'string') rest[key] = JSON.parse(rest[key]);
  }
  return rest;
}

export function mirrorShapeContract(name: string, open: () => Promise<OpenedPostgres>, skip?: string): void {
  describe.skipIf(skip)(`mirror rows, seeded and synced: ${name}`, () => {
    let t: SyncTarget;
    beforeAll(async () => {
      t = await openSyncTarget(open);
    });
    afterAll(() => t?.close());

    it('a seeded row and the same row sent again by the sync are equal, column for column', async () => {
      const now = new Date('2026-06-15T12:00:00.000Z');
      const dataset = generatePreviewDataset({
        projectId: crypto.randomUUID(),
        seed: 'mirror-shape',
        now,
        size: 'tiny',
      });
      await writeNewPreview(t, dataset, { displayName: 'shape', isPreview: true, createdAt: now, expiresAt: null });
      const p = dataset.projectId;
      // Metadata the generator does not write, so the JSON columns carry something.
      await t.db.execute(sql`UPDATE users SET server_metadata = '{"plan": "pro", "seats": [1, 2]}'::jsonb
        WHERE project_id = ${p} AND id = ${dataset.users[0]!.id}`);
      await t.db.execute(sql`UPDATE teams SET client_metadata = 'null'::jsonb WHERE project_id = ${p}`);
      const tables = SYNC_MAPPINGS.map((m) => m.name);
      const read = async (table: string, seeded: boolean) =>
        (
          await t.analytics.query<Row>(
            `SELECT * EXCEPT (sync_created_at) FROM analytics_internal.${table}
           WHERE project_id = {p:String} AND (sync_sequence_id = 0) = {seeded:Bool} ORDER BY ALL`,
            { p, seeded },
          )
        ).map(comparable);
      const seededRows = Object.fromEntries(
        await Promise.all(tables.map(async (table) => [table, await read(table, true)] as const)),
      );

      // Touch every row: the capture triggers give each a new sequence id, so the sync sends them all.
      for (const table of tables)
        await t.db.execute(sql`UPDATE ${sql.identifier(table)} SET project_id = project_id WHERE project_id = ${p}`);
      const pass = await t.runner.runPass();
      for (const table of tables) {
        const synced = await read(table, false);
        expect(pass.mappings.find((m) => m.mapping === table)?.rows).toBe(synced.length);
        expect(synced.length, table).toBeGreaterThan(0);
        const expected = seededRows[table]!.map((row) =>
          // The two rows changed above, as the seeder would have mirrored them after the change.
          table === 'teams'
            ? { ...row, client_metadata: {} }
            : table === 'users' && row.id === dataset.users[0]!.id
              ? { ...row, server_metadata: { plan: 'pro', seats: [1, 2] } }
              : row,
        );
        expect(synced, table).toEqual(expected);
      }
    });
  });
}
