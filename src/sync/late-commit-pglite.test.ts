// The late-commit race on PGlite: it cannot happen there. PGlite has one connection and serialises
// transactions (a query waits while one is open), so a pass can never see a later commit before an
// earlier-drawn id. This shows what happens instead: the pass waits for the transaction and mirrors it.
// (The race itself, with two real transactions: late-commit.test.ts on node-postgres.)
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../test/targets.js';
import { mirrorUsers, newProjectId, openSyncTarget, type SyncTarget } from '../test/sync-fixtures.js';

describe('late commit on PGlite (one connection)', () => {
  let t: SyncTarget;
  beforeAll(async () => {
    t = await openSyncTarget(openTestPglite);
  });
  afterAll(() => t?.close());

  it('cannot race: a pass started while a transaction is open waits for it and mirrors its row', async () => {
    const p = await newProjectId(t.db);
    const id = crypto.randomUUID();
    let committed = false;
    const transaction = t.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO users (project_id, id, display_name) VALUES (${p}, ${id}, 'in flight')`);
      await new Promise((r) => setTimeout(r, 200));
      committed = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    const pass = await t.runner.runPass();
    // The pass's first query queued behind the transaction, so it saw the committed row.
    expect(committed).toBe(true);
    await transaction;
    expect(pass.more).toBe(false);
    expect((await mirrorUsers(t.analytics, p)).map((u) => u.display_name)).toEqual(['in flight']);
  });
});
