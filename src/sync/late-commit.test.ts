// The late-commit race (src/sync/horizon.ts): transaction A draws a lower sequence id than B but commits
// after B, with two real connections to a Postgres server. (PGlite: late-commit-pglite.test.ts.)
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWatermark } from './sync-state.js';
import { skipReason } from '../test/targets.js';
import { mirrorUsers, newProjectId, type SyncTarget } from '../test/sync-fixtures.js';
import { openServerSyncTarget } from '../test/server-sync-target.js';
import { selectRows } from '../db/store.js';
import { toSequenceId } from '../db/sync-changes.js';

describe.skipIf(skipReason('PULSE_TEST_DATABASE_URL'))('late commit on node-postgres (two real transactions)', () => {
  let t: SyncTarget;
  let url: string;
  beforeAll(async () => {
    ({ target: t, url } = await openServerSyncTarget());
  });
  afterAll(() => t?.close());

  it('a row with a lower id that commits after a higher one was synced is still mirrored', async () => {
    const p = await newProjectId(t.db);
    const early = crypto.randomUUID();
    const late = crypto.randomUUID();
    const slow = new pg.Client({ connectionString: url });
    const fast = new pg.Client({ connectionString: url });
    await Promise.all([slow.connect(), fast.connect()]);
    try {
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO users (project_id, id, display_name) VALUES ($1, $2, 'slow')`, [p, early]);
      await fast.query(`INSERT INTO users (project_id, id, display_name) VALUES ($1, $2, 'fast')`, [p, late]);
      const ids = await selectRows<{ sync_sequence_id: unknown }>(
        t.db,
        sql`SELECT sync_sequence_id FROM users WHERE id = ${late}`,
      );
      const fastId = toSequenceId(ids[0]?.sync_sequence_id);

      // The slow transaction holds id fastId - 1 and is still open: the pass must not move past it.
      const during = await t.runner.runPass({ settleWaitMs: 20 });
      expect(during.more).toBe(true);
      expect(during.upTo).toBeLessThan(fastId - 1);
      expect(await readWatermark(t.analytics, 'users')).toBeLessThan(fastId - 1);

      await slow.query('COMMIT');
      const after = await t.runner.runPass({ settleWaitMs: 15_000 });
      expect(after.upTo).toBeGreaterThanOrEqual(fastId);
      expect((await mirrorUsers(t.analytics, p)).map((u) => u.display_name).sort()).toEqual(['fast', 'slow']);
    } finally {
      await slow.query('ROLLBACK').catch(() => {});
      await Promise.all([slow.end(), fast.end()]);
    }
  });

  it('an aborted transaction leaves a gap that does not hold the sync back', async () => {
    const p = await newProjectId(t.db);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO users (project_id, id) VALUES ($1, $2)`, [p, crypto.randomUUID()]);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    const kept = crypto.randomUUID();
    await t.db.execute(sql`INSERT INTO users (project_id, id) VALUES (${p}, ${kept})`);
    const pass = await t.runner.runPass({ settleWaitMs: 15_000 });
    expect(pass.more).toBe(false);
    expect((await mirrorUsers(t.analytics, p)).map((u) => u.id)).toEqual([kept]);
  });
});
