// Crash repair on real engines: ClickHouse rows of a project Postgres does not have are removed unless a
// live write holds the project's lock, and a project caught mid-reseed keeps exactly one seed generation
// (the committed one). The states are built as a kill -9 leaves them; the crash suite
// (src/test/crash.e2e.test.ts) gets there by killing a real server.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvents } from '../../analytics/insert-events.js';
import { openNodePostgres } from '../../db/node-postgres.js';
import { lockProject } from '../../db/project-lock.js';
import { getProject, setSeedGeneration } from '../../db/projects.js';
import type { Db, PostgresStore } from '../../db/store.js';
import { useMigratedChdb } from '../../test/migrated-chdb.js';
import { rowsPerTable } from '../../test/preview-queries.js';
import {
  createTestDatabase,
  openTestPglite,
  skipReason,
  testTargets,
  type OpenedPostgres,
} from '../../test/targets.js';
import { createPreviewProject } from '../create-preview-project.js';
import { loadGenerator } from '../generate/load.js';
import { writePreviewAnalytics } from '../writers/analytics.js';
import { repairProjects } from './repair-projects.js';

const analytics = useMigratedChdb('pulse-repair-');
const NOW = new Date('2026-11-20T12:00:00Z');
let pg: OpenedPostgres;
beforeAll(async () => {
  pg = await openTestPglite();
  await pg.store.migrate();
});
afterAll(() => pg?.dispose());

const stores = (postgres: PostgresStore = pg.store) => ({ postgres, analytics: analytics() });

/** What a creation killed before its commit leaves: every ClickHouse row, no Postgres project. */
async function crashedCreation(): Promise<string> {
  const projectId = crypto.randomUUID();
  const dataset = (await loadGenerator())({ projectId, now: NOW, seed: 'crashed', size: 'tiny' });
  await writePreviewAnalytics(analytics(), dataset, 1);
  return projectId;
}

async function generations(projectId: string): Promise<Record<string, number>> {
  const rows = await analytics().query<{ seeded: number; n: number }>(
    `SELECT seeded, count() AS n FROM analytics_internal.events WHERE project_id = {p:String} GROUP BY seeded ORDER BY seeded`,
    { p: projectId },
  );
  return Object.fromEntries(rows.map((r) => [String(r.seeded), Number(r.n)]));
}

describe('repairProjects (PGlite + chDB)', () => {
  it("removes a crashed creation's events and mirrors, and leaves a committed project alone", async () => {
    const kept = await createPreviewProject(stores(), {
      now: NOW,
      params: { seed: 'kept', size: 'tiny' },
      expiresAt: null,
      isPreview: true,
    });
    const keptRows = await rowsPerTable(analytics(), kept.projectId);
    const orphan = await crashedCreation();
    expect((await rowsPerTable(analytics(), orphan)).users).toBeGreaterThan(0);

    const repaired = await repairProjects(stores());
    expect(repaired.orphans).toEqual([orphan]);
    expect(Object.values(await rowsPerTable(analytics(), orphan))).toEqual([0, 0, 0, 0, 0]);
    expect(await rowsPerTable(analytics(), kept.projectId)).toEqual(keptRows);
    expect(await repairProjects(stores())).toEqual({ orphans: [], staleGenerations: [] });
  }, 60_000);

  it('keeps the old dataset of a reseed killed before its switch, and the new one of a reseed killed after', async () => {
    const created = await createPreviewProject(stores(), {
      now: NOW,
      params: { seed: 'mid-reseed', size: 'tiny' },
      expiresAt: null,
      isPreview: true,
    });
    const dataset = (await loadGenerator())({
      projectId: created.projectId,
      now: NOW,
      seed: 'mid-reseed',
      size: 'tiny',
    });
    const one = await generations(created.projectId);
    expect(Object.keys(one)).toEqual(['1']);

    // Killed before the commit: generation 2 written (in part), Postgres still says 1.
    await writePreviewAnalytics(analytics(), dataset, 2);
    expect((await repairProjects(stores())).staleGenerations).toEqual([created.projectId]);
    expect(await generations(created.projectId)).toEqual(one);

    // Killed after the commit: generation 2 complete and current, generation 1 not deleted yet.
    await writePreviewAnalytics(analytics(), dataset, 2);
    await insertEvents(analytics(), dataset.liveEvents, { seeded: 2 });
    await setSeedGeneration(pg.store.db, created.projectId, 2);
    await repairProjects(stores());
    expect(await generations(created.projectId)).toEqual({ '2': one['1'] });
    expect((await getProject(pg.store.db, created.projectId))?.seedGeneration).toBe(2);
  }, 60_000);
});

describe.skipIf(skipReason('PULSE_TEST_DATABASE_URL'))('repairProjects (node-postgres, two processes)', () => {
  it('leaves the rows of a creation another process is still writing, and removes them once it died', async () => {
    const database = await createTestDatabase(testTargets.databaseUrl!);
    const writer = await openNodePostgres({ url: database.url });
    const repairer = await openNodePostgres({ url: database.url });
    try {
      await writer.migrate();
      const projectId = await crashedCreation();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      // The writer's open transaction holds the project's lock, as a creation in progress does.
      const creation = writer.db.transaction(async (tx) => {
        await lockProject(tx as unknown as Db, projectId);
        locked();
        await held;
      });
      await lockTaken;
      // (This database has none of the PGlite suite's projects: their rows count as orphans here.)
      expect((await repairProjects(stores(repairer))).orphans).not.toContain(projectId);
      expect((await rowsPerTable(analytics(), projectId)).events).toBeGreaterThan(0);
      release();
      await creation; // committed nothing, as a process killed before its commit
      expect((await repairProjects(stores(repairer))).orphans).toContain(projectId);
      expect((await rowsPerTable(analytics(), projectId)).events).toBe(0);
    } finally {
      await Promise.all([writer.close(), repairer.close()]);
      await database.drop();
    }
  }, 60_000);
});
