// Background preview expiry on embedded stores: the job deletes expired previews from both stores and
// nothing else; ClickHouse goes first, so a ClickHouse failure leaves the project (and its keys) in
// Postgres for the next run, never rows in ClickHouse without a project; an expired preview's keys are
// refused before the job has run, as they are after.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../../analytics/store.js';
import { createProject } from '../../projects/create-project.js';
import type { Stores } from '../../stores.js';
import { analyticsCounts, postgresCounts, rolledRows } from '../../test/preview-queries.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { prunePreviews, startPreviewExpiry } from './expiry.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ preview: { enabled: true, ttlMs: 3_600_000, ratePerMinute: 1_000 } });
});
afterAll(() => t?.close());

interface Preview {
  project_id: string;
  admin_key: string;
  ingest_key: string;
}

async function createPreview(): Promise<Preview> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'tiny' } });
  expect(res.statusCode).toBe(201);
  return res.json<Preview>();
}

async function expire(projectId: string): Promise<void> {
  await t.postgres.db.execute(
    sql`UPDATE projects SET expires_at = now() - interval '1 second' WHERE id = ${projectId}`,
  );
}

/** What is left of a project: its Postgres rows and keys, and its ClickHouse events and mirrors. */
async function holdings(projectId: string) {
  const pg = await postgresCounts(t.postgres.db, projectId);
  const ch = await analyticsCounts(t.analytics, projectId);
  const rolled = await rolledRows(t.analytics, projectId);
  return {
    projects: pg.projects,
    api_keys: pg.api_keys,
    users: pg.users,
    events: ch.events,
    mirrored: ch.users,
    rolled,
  };
}

/** The same store, with every DELETE from `table` failing as if ClickHouse had gone away. */
function failingDeletesFrom(analytics: AnalyticsStore, table: string): AnalyticsStore {
  return new Proxy(analytics, {
    get(target, property, receiver) {
      if (property === 'command')
        return async (query: string, params?: Record<string, unknown>) => {
          if (query.startsWith(`DELETE FROM ${table} `)) throw new Error('ClickHouse is unreachable');
          return target.command(query, params);
        };
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const metrics = (preview: Preview, key = preview.admin_key) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/projects/${preview.project_id}/metrics`,
    headers: { authorization: `Bearer ${key}` },
  });

const ingest = (preview: Preview) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/projects/${preview.project_id}/events`,
    headers: { authorization: `Bearer ${preview.ingest_key}` },
    payload: { events: [{ event_type: '$page-view', user_id: null, data: { path: '/' } }] },
  });

describe('preview expiry', () => {
  it("refuses an expired preview's keys with the 401 of an unknown key, before and after pruning", async () => {
    const preview = await createPreview();
    expect((await metrics(preview)).statusCode).toBe(200);
    expect((await ingest(preview)).statusCode).toBe(202);

    await expire(preview.project_id);
    const refused = { statusCode: 401, code: 'invalid_api_key' };
    const answer = async (res: Promise<{ statusCode: number; json: () => { error: { code: string } } }>) => {
      const r = await res;
      return { statusCode: r.statusCode, code: r.json().error.code };
    };
    expect(await answer(metrics(preview))).toEqual(refused);
    expect(await answer(ingest(preview))).toEqual(refused);
    expect((await holdings(preview.project_id)).projects).toBe(1);

    expect(await prunePreviews(t, new Date())).toEqual([preview.project_id]);
    expect(await answer(metrics(preview))).toEqual(refused);
    expect(await answer(ingest(preview))).toEqual(refused);
  });

  it('deletes ClickHouse rows first: when that fails the project stays in Postgres, and the next run finishes', async () => {
    const preview = await createPreview();
    await expire(preview.project_id);
    const before = await holdings(preview.project_id);
    expect(before).toMatchObject({ projects: 1, api_keys: 2 });
    expect(before.events).toBeGreaterThan(0);
    expect(before.mirrored).toBeGreaterThan(0);
    expect(before.rolled).toBeGreaterThan(0);

    // Events go, then the users mirror fails: nothing of Postgres may have been deleted yet.
    const broken: Stores = {
      postgres: t.postgres,
      analytics: failingDeletesFrom(t.analytics, 'analytics_internal.users'),
    };
    await expect(prunePreviews(broken, new Date())).rejects.toThrow('ClickHouse is unreachable');
    expect(await holdings(preview.project_id)).toEqual({ ...before, events: 0, rolled: 0 });

    expect(await prunePreviews(t, new Date())).toEqual([preview.project_id]);
    expect(await holdings(preview.project_id)).toEqual({
      projects: 0,
      api_keys: 0,
      users: 0,
      events: 0,
      mirrored: 0,
      rolled: 0,
    });
  });

  it('the background job prunes at start, logs a failure and keeps the project for its next run', async () => {
    const expired = await createPreview();
    const alive = await createPreview();
    const kept = (await createProject(t.postgres.db, { displayName: 'not a preview' })).project.id;
    await expire(expired.project_id);
    const lines: { level: number; msg: string; count?: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });

    // A ClickHouse that fails every DELETE: the job logs it and stays alive; nothing is deleted.
    const broken: Stores = {
      postgres: t.postgres,
      analytics: failingDeletesFrom(t.analytics, 'analytics_internal.events'),
    };
    await startPreviewExpiry(broken, logger, 3_600_000)();
    expect(lines).toEqual([expect.objectContaining({ level: 50, msg: 'preview cleanup failed; will retry' })]);
    expect((await holdings(expired.project_id)).projects).toBe(1);

    lines.length = 0;
    await startPreviewExpiry(t, logger, 3_600_000)();
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'expired preview projects deleted', count: 1 })]);
    expect(await holdings(expired.project_id)).toMatchObject({ projects: 0, events: 0, mirrored: 0 });
    expect((await holdings(alive.project_id)).projects).toBe(1);
    expect((await metrics(alive)).statusCode).toBe(200);
    expect((await postgresCounts(t.postgres.db, kept)).projects).toBe(1);
  });
});
