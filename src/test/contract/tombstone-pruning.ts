// Tombstone pruning (src/sync/tombstone-pruner.ts), run against each Postgres driver: a tombstone goes
// once its own mapping's stored watermark has passed it, never earlier, and the mirror keeps the delete.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markSeedingTransaction } from '../../db/seeding.js';
import { selectRows, type Db } from '../../db/store.js';
import { totalUsers } from '../../metrics/total-users.js';
import { SYNC_MAPPINGS } from '../../sync/mappings.js';
import { createSyncRunner, type SyncRunner } from '../../sync/run-sync-pass.js';
import type { OpenedPostgres } from '../targets.js';
import { defaultScope } from '../metric-fixtures.js';
import {
  insertUsers,
  mirrorKeys,
  mirrorUsers,
  newProjectId,
  openSyncTarget,
  postgresUsers,
  type SyncTarget,
} from '../sync-fixtures.js';

const scope = defaultScope;
const settleWaitMs = 15_000;

async function tombstones(db: Db, projectId: string): Promise<string[]> {
  const rows = await selectRows<{ t: string; k: string }>(
    db,
    sql`SELECT table_name AS t, row_key->>'id' AS k FROM sync_tombstones WHERE project_id = ${projectId} ORDER BY sync_sequence_id`,
  );
  return rows.map((r) => `${r.t}:${r.k}`);
}

/** The latest mirror version of a user, deleted or not. */
async function mirrorVersion(t: SyncTarget, projectId: string, id: string) {
  const rows = await t.analytics.query<{ sync_is_deleted: number }>(
    'SELECT sync_is_deleted FROM analytics_internal.users FINAL WHERE project_id = {p:String} AND id = {id:UUID}',
    { p: projectId, id },
  );
  return rows[0];
}

export function tombstonePruningContract(name: string, open: () => Promise<OpenedPostgres>, skip?: string): void {
  describe.skipIf(skip)(`tombstone pruning: ${name}`, () => {
    let t: SyncTarget;
    let runner: SyncRunner;
    beforeAll(async () => {
      t = await openSyncTarget(open);
      runner = createSyncRunner(t, { pruneIntervalMs: 0 });
    });
    afterAll(() => t?.close());

    it('a tombstone goes after the pass that mirrored it; one its mapping has not synced stays; the mirror keeps the delete', async () => {
      const p = await newProjectId(t.db);
      const [keep, gone] = await insertUsers(t.db, p, 2);
      const team = crypto.randomUUID();
      await t.db.execute(sql`INSERT INTO teams (project_id, id, display_name) VALUES (${p}, ${team}, 'Core')`);
      await runner.runPass({ settleWaitMs });
      expect(await totalUsers({ analytics: t.analytics, postgres: t.postgres }, scope(p), new Date())).toBe(2);

      await t.db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${gone}`);
      await t.db.execute(sql`DELETE FROM teams WHERE project_id = ${p} AND id = ${team}`);
      expect(await tombstones(t.db, p)).toEqual([`users:${gone}`, `teams:${team}`]);

      // Only the users mapping runs: the teams watermark is still below the team's tombstone.
      const usersOnly = await runner.runPass({
        settleWaitMs,
        mappings: SYNC_MAPPINGS.filter((m) => m.name === 'users'),
      });
      expect(usersOnly.prunedTombstones).toBeGreaterThanOrEqual(1);
      expect(await tombstones(t.db, p)).toEqual([`teams:${team}`]);
      expect(await mirrorVersion(t, p, gone!)).toEqual({ sync_is_deleted: 1 });
      expect((await mirrorUsers(t.analytics, p)).map((u) => u.id)).toEqual([keep]);
      expect(await totalUsers({ analytics: t.analytics, postgres: t.postgres }, scope(p), new Date())).toBe(1);
      expect(await mirrorKeys(t.analytics, 'teams', p)).toEqual([team]);

      await runner.runPass({ settleWaitMs });
      expect(await tombstones(t.db, p)).toEqual([]);
      expect(await mirrorKeys(t.analytics, 'teams', p)).toEqual([]);
      expect(await totalUsers({ analytics: t.analytics, postgres: t.postgres }, scope(p), new Date())).toBe(1);
    });

    it('prunes at most once per interval', async () => {
      const slow = createSyncRunner(t, { pruneIntervalMs: 60_000 });
      const p = await newProjectId(t.db);
      const [a, b] = await insertUsers(t.db, p, 2);
      await t.db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${a}`);
      await slow.runPass({ settleWaitMs });
      expect(await tombstones(t.db, p)).toEqual([]);
      await t.db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${b}`);
      const throttled = await slow.runPass({ settleWaitMs });
      expect(throttled.prunedTombstones).toBe(0);
      expect(await tombstones(t.db, p)).toEqual([`users:${b}`]);
      expect(await mirrorUsers(t.analytics, p)).toEqual([]);
    });

    it('a reseed re-inserting a key whose tombstone was pruned takes a real id, so the row is live again', async () => {
      const p = await newProjectId(t.db);
      const id = crypto.randomUUID();
      const seed = (name: string) =>
        t.db.transaction(async (tx) => {
          await markSeedingTransaction(tx as unknown as Db);
          await tx.execute(sql`INSERT INTO users (project_id, id, display_name) VALUES (${p}, ${id}, ${name})`);
        });
      await seed('seeded');
      await t.db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${id}`);
      await runner.runPass({ settleWaitMs });
      expect(await tombstones(t.db, p)).toEqual([]);
      expect(await mirrorVersion(t, p, id)).toEqual({ sync_is_deleted: 1 });

      await seed('reseeded');
      expect(Number((await postgresUsers(t.db, p))[0]?.sync_sequence_id)).toBeGreaterThan(0);
      await runner.runPass({ settleWaitMs });
      expect((await mirrorUsers(t.analytics, p)).map((u) => u.display_name)).toEqual(['reseeded']);
    });
  });
}
