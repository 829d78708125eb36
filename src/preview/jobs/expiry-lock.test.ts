// Expiry against a write that holds the project's lock (a reseed writing its next generation), on real
// engines: pruning leaves a locked project for its next run instead of deleting under the writer, and a
// reseed refuses an expired preview, so no event written by a writer outlives the project. On node-postgres two pools stand for two processes
// (only the advisory lock keeps them apart); PGlite's one connection runs them one after the other.
import { describe, expect, it } from 'vitest';
import { insertEvents } from '../../analytics/insert-events.js';
import { DEFAULT_BRANCH } from '../../branch.js';
import { withProjectLock } from '../../db/project-lock.js';
import { getProject } from '../../db/projects.js';
import type { PostgresStore } from '../../db/store.js';
import { pageViewEvent } from '../../events/event-rows.js';
import { useMigratedChdb } from '../../test/migrated-chdb.js';
import { analyticsCounts, rolledRows } from '../../test/preview-queries.js';
import { skipReason, withMigratedPglite, withTwoNodePostgresPools } from '../../test/targets.js';
import { ProjectNotFoundError } from '../../projects/errors.js';
import { createPreviewProject } from '../create-preview-project.js';
import { reseedProject } from '../reseed-project.js';
import { prunePreviews } from './expiry.js';

const analytics = useMigratedChdb('pulse-expiry-lock-');
const CREATED = new Date('2026-11-20T12:00:00Z');
const LATER = new Date('2026-11-21T12:00:00Z');

async function pruneWhileLocked(writer: PostgresStore, pruner: PostgresStore) {
  const created = await createPreviewProject(
    { postgres: writer, analytics: analytics() },
    { now: CREATED, params: { seed: 'expiry-lock', size: 'tiny' }, expiresAt: CREATED, isPreview: true },
  );
  const projectId = created.projectId;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  // A reseed-like writer: holds the lock, then writes events of the project's next generation.
  const writing = withProjectLock(writer.db, projectId, async () => {
    await gate;
    const event = pageViewEvent(
      { projectId, branchId: DEFAULT_BRANCH },
      {
        at: CREATED,
        userId: null,
        teamId: null,
        refreshTokenId: null,
        sessionReplayId: null,
        data: { path: '/', referrer: '', is_anonymous: false },
      },
    );
    await insertEvents(analytics(), [event], { seeded: 2 });
  });
  const pruning = prunePreviews({ postgres: pruner, analytics: analytics() }, LATER);
  // node-postgres: the pruner runs now and must leave the locked project; PGlite: it waits its turn.
  await Promise.race([pruning, new Promise((resolve) => setTimeout(resolve, 500))]);
  open();
  await writing;
  const first = await pruning;
  const second = await prunePreviews({ postgres: pruner, analytics: analytics() }, LATER);
  expect([...first, ...second]).toEqual([projectId]);
  expect(await getProject(pruner.db, projectId)).toBeUndefined();
  expect(await analyticsCounts(analytics(), projectId)).toMatchObject({ events: 0, users: 0 });
  expect(await rolledRows(analytics(), projectId)).toBe(0);
  return { first };
}

describe('preview expiry and a write holding the project lock', () => {
  it('PGlite + chDB: the prune runs after the write, and nothing of the project stays', async () => {
    await withMigratedPglite((store) => pruneWhileLocked(store, store));
  }, 60_000);

  it('a reseed refuses an expired preview, so nothing starts writing one that expiry may be deleting', async () => {
    await withMigratedPglite(async (postgres) => {
      const stores = { postgres, analytics: analytics() };
      const created = await createPreviewProject(stores, {
        now: CREATED,
        params: { seed: 'expiry-lock', size: 'tiny' },
        expiresAt: CREATED,
        isPreview: true,
      });
      await expect(reseedProject(stores, created.projectId, LATER)).rejects.toBeInstanceOf(ProjectNotFoundError);
      await prunePreviews(stores, LATER);
    });
  }, 60_000);

  it.skipIf(skipReason('PULSE_TEST_DATABASE_URL'))(
    'node-postgres (two pools) + chDB: the locked project is left for the next run, and nothing of it stays',
    async () => {
      const { first } = await withTwoNodePostgresPools((a, b) => pruneWhileLocked(a, b));
      expect(first).toEqual([]);
    },
    60_000,
  );
});
