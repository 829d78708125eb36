// The sync contract, run against each Postgres driver (chDB on the ClickHouse side): writes in Postgres,
// one pass, and the mirrors read with FINAL must match — whatever the driver.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markSeedingTransaction } from '../../db/seeding.js';
import type { Db } from '../../db/store.js';
import { totalUsers } from '../../metrics/total-users.js';
import { SYNC_MAPPINGS } from '../../sync/mappings.js';
import { createSyncRunner } from '../../sync/run-sync-pass.js';
import { readWatermark } from '../../sync/sync-state.js';
import type { OpenedPostgres } from '../targets.js';
import { defaultScope } from '../metric-fixtures.js';
import {
  insertUsers,
  mirrorKeys,
  mirrorUsers,
  newProjectId,
  openSyncTarget,
  postgresUsers,
  rawMirrorRows,
  type SyncTarget,
} from '../sync-fixtures.js';

const scope = defaultScope;

export function syncContract(name: string, open: () => Promise<OpenedPostgres>, skip?: string): void {
  describe.skipIf(skip)(`sync contract: ${name}`, () => {
    let t: SyncTarget;
    let db: Db;
    beforeAll(async () => {
      t = await openSyncTarget(open);
      db = t.db;
    });
    afterAll(() => t?.close());
    // Generous: the horizon waits for every write transaction open on the server, in any database — other
    // test files share it — so a pass may have to wait out someone else's transaction (delay, not loss).
    const pass = () => t.runner.runPass({ settleWaitMs: 15_000 });

    it('insert, update, delete ⇒ the mirrors match after one pass, and a second pass changes nothing', async () => {
      const p = await newProjectId(db);
      const [a, b, c] = await insertUsers(db, p, 3);
      const team = crypto.randomUUID();
      await db.execute(sql`INSERT INTO teams (project_id, id, display_name) VALUES (${p}, ${team}, 'Core')`);
      await db.execute(
        sql`INSERT INTO team_members (project_id, team_id, user_id) VALUES (${p}, ${team}, ${a}), (${p}, ${team}, ${b})`,
      );
      await db.execute(sql`INSERT INTO contact_channels (project_id, id, user_id, type, value, is_primary, used_for_auth)
        VALUES (${p}, ${crypto.randomUUID()}, ${a}, 'EMAIL', 'a@example.com', true, true)`);
      await db.execute(sql`UPDATE users SET display_name = 'Bea' WHERE project_id = ${p} AND id = ${b}`);
      await db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${c}`);
      await db.execute(sql`DELETE FROM team_members WHERE project_id = ${p} AND user_id = ${b}`);

      const first = await pass();
      expect(first.mappings.map((m) => m.rows).reduce((x, y) => x + y)).toBeGreaterThan(0);
      const users = await mirrorUsers(t.analytics, p);
      expect(users.map((u) => [u.id, u.display_name, u.primary_email])).toEqual(
        (await postgresUsers(db, p)).map((u) => [u.id, u.display_name, u.id === a ? 'a@example.com' : null]),
      );
      expect(users.find((u) => u.id === b)?.display_name).toBe('Bea');
      expect(await mirrorKeys(t.analytics, 'teams', p)).toEqual([team]);
      expect(await mirrorKeys(t.analytics, 'team_members', p, 'toString(user_id)')).toEqual([a]);
      expect(await mirrorKeys(t.analytics, 'contact_channels', p, 'value')).toEqual(['a@example.com']);

      const raw = await rawMirrorRows(t.analytics, 'users', p);
      const second = await pass();
      expect(second.mappings.map((m) => m.rows)).toEqual([0, 0, 0, 0]);
      expect(await rawMirrorRows(t.analytics, 'users', p)).toBe(raw);
    });

    it('many updates to one row ⇒ the latest wins', async () => {
      const p = await newProjectId(db);
      const [id] = await insertUsers(db, p, 1);
      for (let i = 1; i <= 25; i++)
        await db.execute(sql`UPDATE users SET display_name = ${`v${i}`} WHERE project_id = ${p} AND id = ${id}`);
      await pass();
      for (let i = 26; i <= 30; i++)
        await db.execute(sql`UPDATE users SET display_name = ${`v${i}`} WHERE project_id = ${p} AND id = ${id}`);
      await pass();
      const [row] = await mirrorUsers(t.analytics, p);
      expect(row?.display_name).toBe('v30');
      expect(row?.sync_sequence_id).toBe(Number((await postgresUsers(db, p))[0]?.sync_sequence_id));
    });

    it('delete then re-create the same key ⇒ the new row is live; a deleted user leaves total_users', async () => {
      const p = await newProjectId(db);
      const [keep, gone] = await insertUsers(db, p, 2);
      await pass();
      expect(await totalUsers({ analytics: t.analytics, postgres: t.postgres }, scope(p), new Date())).toBe(2);
      await db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${gone}`);
      await pass();
      expect(await totalUsers({ analytics: t.analytics, postgres: t.postgres }, scope(p), new Date())).toBe(1);
      expect((await mirrorUsers(t.analytics, p)).map((u) => u.id)).toEqual([keep]);
      // Deleted and re-created before the next pass, and again after it.
      await db.execute(sql`INSERT INTO users (project_id, id, display_name) VALUES (${p}, ${gone}, 'back')`);
      await db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${keep}`);
      await db.execute(sql`INSERT INTO users (project_id, id, display_name) VALUES (${p}, ${keep}, 'again')`);
      await pass();
      expect((await mirrorUsers(t.analytics, p)).map((u) => u.display_name).sort()).toEqual(['again', 'back']);
    });

    it('a primary email change re-sends its user; deleting a user drops its channels and memberships', async () => {
      const p = await newProjectId(db);
      const [u] = await insertUsers(db, p, 1);
      const channel = crypto.randomUUID();
      await db.execute(
        sql`INSERT INTO contact_channels (project_id, id, user_id, type, value, is_primary) VALUES (${p}, ${channel}, ${u}, 'EMAIL', 'old@example.com', true)`,
      );
      await pass();
      await db.execute(
        sql`UPDATE contact_channels SET value = 'new@example.com', is_verified = true WHERE project_id = ${p} AND id = ${channel}`,
      );
      await pass();
      expect((await mirrorUsers(t.analytics, p)).map((x) => [x.primary_email, x.primary_email_verified])).toEqual([
        ['new@example.com', 1],
      ]);
      await db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${u}`);
      await pass();
      expect(await mirrorUsers(t.analytics, p)).toEqual([]);
      expect(await mirrorKeys(t.analytics, 'contact_channels', p)).toEqual([]);
    });

    it('a seeded row (sequence 0) is not re-sent; its first real change is', async () => {
      const p = await newProjectId(db);
      const id = crypto.randomUUID();
      await db.transaction(async (tx) => {
        await markSeedingTransaction(tx as unknown as Db);
        await tx.execute(sql`INSERT INTO users (project_id, id, display_name) VALUES (${p}, ${id}, 'seeded')`);
      });
      expect(Number((await postgresUsers(db, p))[0]?.sync_sequence_id)).toBe(0);
      await pass();
      expect(await rawMirrorRows(t.analytics, 'users', p)).toBe(0);
      await db.execute(sql`UPDATE users SET display_name = 'real' WHERE project_id = ${p} AND id = ${id}`);
      await pass();
      const [row] = await mirrorUsers(t.analytics, p);
      expect(row?.display_name).toBe('real');
      expect(row?.sync_sequence_id).toBeGreaterThanOrEqual(1);
    });

    it('a crash between the mirror insert and the watermark write ⇒ the replay converges, no duplicates', async () => {
      const p = await newProjectId(db);
      await insertUsers(db, p, 120);
      const users = SYNC_MAPPINGS.filter((m) => m.name === 'users');
      const before = await readWatermark(t.analytics, 'users');
      const crash = new Error('simulated crash after the mirror insert');
      await expect(
        t.runner.runPass({
          mappings: users,
          batchSize: 50,
          settleWaitMs: 15_000,
          afterMirrorInsert: () => Promise.reject(crash),
        }),
      ).rejects.toBe(crash);
      expect(await readWatermark(t.analytics, 'users')).toBe(before);
      // A fresh runner: the process restarted and only ClickHouse remembers anything.
      const restarted = createSyncRunner({ postgres: t.postgres, analytics: t.analytics });
      const replay = await restarted.runPass({ batchSize: 50, settleWaitMs: 15_000 });
      expect(replay.mappings.find((m) => m.mapping === 'users')?.rows).toBe(120);
      expect(await mirrorUsers(t.analytics, p)).toHaveLength(120);
      await t.analytics.command('OPTIMIZE TABLE analytics_internal.users FINAL');
      expect(await rawMirrorRows(t.analytics, 'users', p)).toBe(120);
    });

    it('50,000 rows are mirrored exactly', async () => {
      const p = await newProjectId(db);
      const ids = await insertUsers(db, p, 50_000, 'bulk');
      await pass();
      const mirrored = await mirrorUsers(t.analytics, p);
      expect(mirrored).toHaveLength(50_000);
      expect(mirrored.map((u) => u.id)).toEqual([...ids].sort());
      expect(await totalUsers({ analytics: t.analytics, postgres: t.postgres }, scope(p), new Date())).toBe(50_000);
    }, 120_000);
  });
}
