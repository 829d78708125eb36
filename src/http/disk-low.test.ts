// Below the free-space floor: every write route answers 503 disk_low naming the store, reads still work,
// /readyz says not ready and why; nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiskGuard } from '../disk-guard.js';
import { createProject } from '../projects/create-project.js';
import { openTestApp, type TestApp } from '../test/test-app.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-disk-low-');
let floor = 0;
let t: TestApp;
let project: { id: string; admin: string; ingest: string };

beforeAll(async () => {
  // A floor this test moves: 0 (off), or more than any disk has.
  const guards = {
    off: createDiskGuard({ dirs: [{ store: 'clickhouse', dir: temp.dir }], minFreeBytes: 0 }),
    low: createDiskGuard({ dirs: [{ store: 'clickhouse', dir: temp.dir }], minFreeBytes: 1024 ** 5 }),
  };
  t = await openTestApp({
    diskGuard: {
      check: () => (floor ? guards.low : guards.off).check(),
      assertWritable: () => (floor ? guards.low : guards.off).assertWritable(),
      nearlyFull: () => (floor ? guards.low : guards.off).nearlyFull(),
    },
  });
  const created = await createProject(t.postgres.db, { displayName: 'Disk' });
  project = { id: created.project.id, admin: created.adminKey, ingest: created.ingestKey };
});
afterAll(async () => {
  await t?.close();
  temp.remove();
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, key: string, payload?: object) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload && { payload }) });
const countEvents = async () =>
  (
    await t.analytics.query<{ n: number }>(
      'SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String}',
      { p: project.id },
    )
  )[0]!.n;

describe('writes below the free-space floor', () => {
  it('are refused with 503 disk_low naming the store; reads and /readyz say so; writes resume above it', async () => {
    const events = { events: [{ event_type: '$click', data: { selector: '#a' } }] };
    const base = `/api/v1/projects/${project.id}`;
    floor = 1;
    const refused = [
      await call('POST', `${base}/events`, project.ingest, events),
      await call('POST', `${base}/users`, project.admin, { display_name: 'Ada', primary_email: 'ada@example.com' }),
      await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects' }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({
        code: 'disk_low',
        message: expect.stringMatching(/^The analytics store \(ClickHouse\) disk is low/),
        details: { store: 'clickhouse', min_free_bytes: 1024 ** 5 },
      });
    }
    // Auth and validation still come first.
    expect((await call('POST', `${base}/events`, 'pulse_ingest_wrong', events)).statusCode).toBe(401);
    expect((await call('GET', `${base}/users`, project.admin)).statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      status: 'not_ready',
      checks: { disk: { ok: false, error: expect.stringContaining('analytics store (ClickHouse) disk is low') } },
    });
    expect(await countEvents()).toBe(0);
    expect((await call('GET', `${base}/users`, project.admin)).json().items).toEqual([]);

    floor = 0;
    expect((await call('POST', `${base}/events`, project.ingest, events)).statusCode).toBe(202);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({
      status: 'ready',
      checks: { disk: { ok: true } },
    });
    expect(await countEvents()).toBe(1);
  });
});
