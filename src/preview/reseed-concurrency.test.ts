// Concurrent reseeds of one project, on real engines: they run one after another (a second caller waits,
// then reseeds again), so the project ends with exactly one dataset's events, never two or three. On
// node-postgres two pools stand for two processes: only the Postgres advisory lock serializes them.
import { describe, expect, it } from 'vitest';
import type { PostgresStore } from '../db/store.js';
import { useMigratedChdb } from '../test/migrated-chdb.js';
import { rollupsAgainstEvents } from '../test/preview-queries.js';
import { skipReason, withMigratedPglite, withTwoNodePostgresPools } from '../test/targets.js';
import { createPreviewProject } from './create-preview-project.js';
import { reseedProject } from './reseed-project.js';

const analytics = useMigratedChdb('pulse-reseed-lock-');
const NOW = new Date('2026-11-20T12:00:00Z');

async function eventCounts(projectId: string) {
  const [row] = await analytics().query<{ page_views: number; clicks: number; refreshes: number }>(
    `SELECT countIf(event_type = '$page-view') AS page_views, countIf(event_type = '$click') AS clicks,
            countIf(event_type = '$token-refresh') AS refreshes
     FROM analytics_internal.events WHERE project_id = {p:String}`,
    { p: projectId },
  );
  return row!;
}

/** One reseed's counts, then three concurrent reseeds (spread over the given handles) must leave the same. */
async function threeConcurrentReseeds(handles: PostgresStore[]) {
  const stores = handles.map((postgres) => ({ postgres, analytics: analytics() }));
  const created = await createPreviewProject(stores[0]!, {
    now: NOW,
    params: { seed: 'reseed-lock', size: 'tiny' },
    expiresAt: null,
    isPreview: true,
  });
  await reseedProject(stores[0]!, created.projectId, NOW);
  const one = await eventCounts(created.projectId);
  expect(one.page_views).toBeGreaterThan(0);
  expect(one.clicks).toBeGreaterThan(0);

  const results = await Promise.allSettled(
    [0, 1, 2].map((i) => reseedProject(stores[i % stores.length]!, created.projectId, NOW)),
  );
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  expect(await eventCounts(created.projectId)).toEqual(one);
  // The rollups hold the remaining dataset, nothing of the deleted ones.
  const check = await rollupsAgainstEvents(analytics(), created.projectId);
  expect(check.events.length).toBeGreaterThan(0);
  expect(check.rolledEvents).toEqual(check.events);
  expect(check.rolledActiveDays).toEqual(check.activeDays);
}

describe('concurrent reseeds of one project', () => {
  it('PGlite + chDB: three at once leave one dataset', async () => {
    await withMigratedPglite((store) => threeConcurrentReseeds([store]));
  }, 120_000);

  it.skipIf(skipReason('PULSE_TEST_DATABASE_URL'))(
    'node-postgres (two pools, as two processes) + chDB: three at once leave one dataset',
    async () => {
      await withTwoNodePostgresPools((a, b) => threeConcurrentReseeds([a, b]));
    },
    120_000,
  );
});
