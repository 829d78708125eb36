// Pruning and the late-commit race (src/sync/horizon.ts), with two real connections to a Postgres server:
// a delete that drew a lower id but commits after a later one was mirrored keeps its tombstone until a
// pass has synced it. (PGlite serialises transactions, so there is no such race there.)
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../db/store.js';
import { skipReason } from '../test/targets.js';
import { openServerSyncTarget } from '../test/server-sync-target.js';
import { insertUsers, mirrorUsers, newProjectId, type SyncTarget } from '../test/sync-fixtures.js';
import { createSyncRunner, type SyncRunner } from './run-sync-pass.js';

describe.skipIf(skipReason('PULSE_TEST_DATABASE_URL'))(
  'tombstone pruning with a late-committing delete (node-postgres)',
  () => {
    let t: SyncTarget;
    let url: string;
    let runner: SyncRunner;
    beforeAll(async () => {
      ({ target: t, url } = await openServerSyncTarget());
      runner = createSyncRunner(t, { pruneIntervalMs: 0 });
    });
    afterAll(() => t?.close());

    const tombstoneKeys = async (projectId: string) =>
      (
        await selectRows<{ k: string }>(
          t.db,
          sql`SELECT row_key->>'id' AS k FROM sync_tombstones WHERE project_id = ${projectId} ORDER BY k`,
        )
      ).map((r) => r.k);

    it('keeps the tombstone of an open delete through passes, and prunes it once a pass has synced it', async () => {
      const p = await newProjectId(t.db);
      const [early, late, keep] = await insertUsers(t.db, p, 3);
      await runner.runPass({ settleWaitMs: 15_000 });
      const slow = new pg.Client({ connectionString: url });
      const fast = new pg.Client({ connectionString: url });
      await Promise.all([slow.connect(), fast.connect()]);
      try {
        await slow.query('BEGIN');
        await slow.query('DELETE FROM users WHERE project_id = $1 AND id = $2', [p, early]);
        await fast.query('DELETE FROM users WHERE project_id = $1 AND id = $2', [p, late]);

        const during = await runner.runPass({ settleWaitMs: 20 });
        expect(during.more).toBe(true);
        // The committed later delete is not synced either (it is above the open one), so nothing of it goes.
        expect(await tombstoneKeys(p)).toEqual([late]);
        expect((await mirrorUsers(t.analytics, p)).map((u) => u.id).sort()).toEqual([early, keep, late].sort());

        await slow.query('COMMIT');
        expect(await tombstoneKeys(p)).toEqual([early, late].sort());
        const after = await runner.runPass({ settleWaitMs: 15_000 });
        expect(after.prunedTombstones).toBeGreaterThanOrEqual(2);
        expect(await tombstoneKeys(p)).toEqual([]);
        expect((await mirrorUsers(t.analytics, p)).map((u) => u.id)).toEqual([keep]);
      } finally {
        await slow.query('ROLLBACK').catch(() => {});
        await Promise.all([slow.end(), fast.end()]);
      }
    });
  },
);
