// The sync worker with real passes (PGlite + chDB) through a ClickHouse outage: first one mirror's inserts
// fail in the middle of a pass, then every ClickHouse call; writes keep landing in Postgres meanwhile. The
// worker keeps retrying on its back-off (a clock the test advances) and, once ClickHouse is back, one pass
// brings every mirror level with Postgres.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics/store.js';
import { ManualTimers, until } from '../test/manual-timers.js';
import {
  insertUsers,
  mirrorKeys,
  mirrorUsers,
  newProjectId,
  openSyncTarget,
  postgresUsers,
  type SyncTarget,
} from '../test/sync-fixtures.js';
import { openTestPglite } from '../test/targets.js';
import { createSyncRunner } from './run-sync-pass.js';
import { startSyncWorker } from './worker.js';

type Outage = 'none' | 'users mirror' | 'everything';

/** The real store, failing as `outage()` says: inserts into the users mirror only, or every call. */
function unreliable(analytics: AnalyticsStore, outage: () => Outage): AnalyticsStore {
  return new Proxy(analytics, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const down =
          outage() === 'everything'
            ? ['query', 'insert', 'command'].includes(String(property))
            : outage() === 'users mirror' && property === 'insert' && args[0] === 'analytics_internal.users';
        if (down) return Promise.reject(new Error('ClickHouse is unreachable'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let t: SyncTarget;
beforeAll(async () => {
  t = await openSyncTarget(openTestPglite);
});
afterAll(() => t?.close());

describe('sync worker through a ClickHouse outage', () => {
  it('keeps retrying while ClickHouse fails, and the mirrors converge once it is back', async () => {
    const { db } = t;
    const p = await newProjectId(db);
    const [a, b, c] = await insertUsers(db, p, 3);
    const team = crypto.randomUUID();
    await db.execute(sql`INSERT INTO teams (project_id, id, display_name) VALUES (${p}, ${team}, 'Core')`);
    await db.execute(sql`INSERT INTO team_members (project_id, team_id, user_id) VALUES (${p}, ${team}, ${a})`);
    await db.execute(sql`INSERT INTO contact_channels (project_id, id, user_id, type, value, is_primary, used_for_auth)
      VALUES (${p}, ${crypto.randomUUID()}, ${a}, 'EMAIL', 'a@example.com', true, true)`);

    let outage: Outage = 'users mirror';
    const runner = createSyncRunner({ postgres: t.postgres, analytics: unreliable(t.analytics, () => outage) });
    const timers = new ManualTimers();
    const logged: number[] = [];
    let started = 0;
    let current: Promise<'ok' | 'failed'> = Promise.resolve('ok');
    const worker = startSyncWorker({
      timers,
      runPass: () => {
        started++;
        const pass = runner.runPass();
        current = pass.then(
          () => 'ok' as const,
          () => 'failed' as const,
        );
        return pass;
      },
      logger: { error: (fields: { failures: number }) => void logged.push(fields.failures), debug: () => {} },
    });
    /** Waits for pass `n` to end and the worker to be waiting again; returns how it ended and the wait. */
    const pass = async (n: number) => {
      await until(() => started === n, `pass ${n} to start`);
      const outcome = await current;
      await until(() => timers.delays().length === 1, `the wait after pass ${n}`);
      return { outcome, wait: timers.delays()[0] };
    };

    try {
      expect(await pass(1)).toEqual({ outcome: 'failed', wait: 500 });
      expect(await mirrorUsers(t.analytics, p)).toEqual([]);

      // Postgres keeps taking writes during the outage.
      await db.execute(sql`UPDATE users SET display_name = 'Bea' WHERE project_id = ${p} AND id = ${b}`);
      await db.execute(sql`DELETE FROM users WHERE project_id = ${p} AND id = ${c}`);
      const [d] = await insertUsers(db, p, 1, 'late');
      worker.notify();
      timers.fire();
      expect(await pass(2)).toEqual({ outcome: 'failed', wait: 1_000 });

      outage = 'everything';
      timers.fire();
      expect(await pass(3)).toEqual({ outcome: 'failed', wait: 2_000 });
      expect(logged).toEqual([1, 2, 3]);

      outage = 'none';
      timers.fire();
      let n = 4;
      let last = await pass(n);
      // A horizon still settling asks for a quick second look; anything else is the idle wait.
      while (last.outcome === 'ok' && last.wait! < 500) {
        timers.fire();
        last = await pass(++n);
      }
      expect(last).toEqual({ outcome: 'ok', wait: 5_000 });
      expect(logged).toEqual([1, 2, 3]);

      const users = await mirrorUsers(t.analytics, p);
      expect(users.map((u) => [u.id, u.display_name, u.primary_email])).toEqual(
        (await postgresUsers(db, p)).map((u) => [u.id, u.display_name, u.id === a ? 'a@example.com' : null]),
      );
      expect(users.map((u) => u.id).sort()).toEqual([a, b, d].sort());
      expect(users.find((u) => u.id === b)?.display_name).toBe('Bea');
      expect(await mirrorKeys(t.analytics, 'teams', p)).toEqual([team]);
      // Deleting a user cascades to nothing here (c had no rows), and a's membership and channel stay.
      expect(await mirrorKeys(t.analytics, 'team_members', p, 'toString(user_id)')).toEqual([a]);
      expect(await mirrorKeys(t.analytics, 'contact_channels', p, 'value')).toEqual(['a@example.com']);
    } finally {
      await worker.stop();
    }
  });
});
