// POST /api/v1/projects/:id/events through app.inject() on embedded stores: what lands in ClickHouse is
// counted straight from the events table and through the overview metric.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyPageViews } from '../../metrics/daily-page-views.js';
import { createProject } from '../../projects/create-project.js';
import { rollupsAgainstEvents } from '../../test/preview-queries.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { defaultScope } from '../../test/metric-fixtures.js';

let t: TestApp;
let a: { id: string; admin: string; ingest: string };
let b: { id: string; ingest: string };

beforeAll(async () => {
  t = await openTestApp();
  const pa = await createProject(t.postgres.db, { displayName: 'Events A' });
  const pb = await createProject(t.postgres.db, { displayName: 'Events B' });
  a = { id: pa.project.id, admin: pa.adminKey, ingest: pa.ingestKey };
  b = { id: pb.project.id, ingest: pb.ingestKey };
});
afterAll(() => t?.close());

const post = (events: unknown[], key = a.ingest, projectId = a.id) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/events`,
    headers: { authorization: `Bearer ${key}` },
    payload: { events },
  });
const count = async (projectId: string, where = '1') =>
  (
    await t.analytics.query<{ n: number }>(
      `SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String} AND ${where}`,
      { p: projectId },
    )
  )[0]!.n;
const pageView = (path = '/', extra: object = {}) => ({
  event_type: '$page-view',
  user_id: null,
  data: { path, referrer: 'https://google.com' },
  ...extra,
});
const click = () => ({ event_type: '$click', data: { selector: '#buy' } });

describe('POST /projects/:id/events', () => {
  it('accepts a valid batch with 202 { accepted }, and the metrics count it', async () => {
    const res = await post([pageView('/a'), pageView('/b'), click()]);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 3 });
    expect(await count(a.id)).toBe(3);
    const views = await dailyPageViews(
      { analytics: t.analytics, postgres: t.postgres },
      defaultScope(a.id),
      new Date(),
    );
    expect(views.at(-1)?.activity).toBe(2);
  });

  it('rejects a batch with one bad event with 400 naming index and field, and writes none of it', async () => {
    const before = await count(a.id);
    const cases: [unknown[], string][] = [
      [[pageView(), pageView(), { event_type: '$page-view', data: { path: 7 } }], 'body.events.2.data.path'],
      [[pageView(), { event_type: '$purchase', data: {} }], 'body.events.1.event_type'],
      [[pageView('/'.repeat(2_049))], 'body.events.0.data.path'],
      [[pageView('/', { event_at: new Date(Date.now() + 60_000).toISOString() })], 'body.events.0.event_at'],
    ];
    for (const [events, field] of cases) {
      const res = await post(events);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].field).toBe(field);
    }
    expect((await post([])).statusCode).toBe(400);
    expect((await post(Array.from({ length: 501 }, () => click()))).json().error.details.issues[0].field).toBe(
      'body.events',
    );
    expect(await count(a.id)).toBe(before);
  });

  it('stores lone surrogates as U+FFFD', async () => {
    expect(
      (await post([{ event_type: '$click', data: { selector: '#s', text: 'half \uD83D emoji' } }])).statusCode,
    ).toBe(202);
    const [row] = await t.analytics.query<{ text: string }>(
      `SELECT data.text::String AS text FROM analytics_internal.events WHERE project_id = {p:String} AND data.selector::String = '#s'`,
      { p: a.id },
    );
    expect(row?.text).toBe('half \uFFFD emoji');
  });

  it('stores ids sent in upper case in lower case, as the mirrors hold them', async () => {
    const user = randomUUID();
    const res = await post([pageView('/upper', { user_id: user.toUpperCase(), team_id: user.toUpperCase() })]);
    expect(res.statusCode).toBe(202);
    expect(await count(a.id, `user_id = '${user}' AND team_id = '${user}'`)).toBe(1);
  });

  it('an ingest key cannot write to another project, nor send $token-refresh; the admin key can', async () => {
    expect((await post([pageView()], b.ingest, a.id)).statusCode).toBe(404);
    expect((await post([pageView()], 'pulse_ingest_nope', a.id)).statusCode).toBe(401);
    const refresh = {
      event_type: '$token-refresh',
      user_id: crypto.randomUUID(),
      data: { refresh_token_id: crypto.randomUUID() },
    };
    expect((await post([refresh])).statusCode).toBe(403);
    expect((await post([refresh], a.admin)).statusCode).toBe(202);
    expect(await count(b.id)).toBe(0);
    expect(await count(a.id, `event_type = '$token-refresh'`)).toBe(1);
  });

  it('refuses events older than the age bound (150 months, one each) with 400 naming the field, while concurrent good requests get 202', async () => {
    const before = { a: await count(a.id), b: await count(b.id) };
    const now = new Date();
    const spread = Array.from({ length: 150 }, (_, i) =>
      pageView(`/m/${i}`, {
        event_at: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 149 + i, 1)).toISOString(),
      }),
    );
    const [bad, ...good] = await Promise.all([
      post(spread),
      ...Array.from({ length: 5 }, (_, i) => post([pageView(`/g/${i}`), click()], b.ingest, b.id)),
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      { field: 'body.events.0.event_at', message: 'must not be older than 366 days' },
    ]);
    expect(good.map((r) => r.statusCode)).toEqual([202, 202, 202, 202, 202]);
    expect(await count(a.id)).toBe(before.a);
    expect(await count(b.id)).toBe(before.b + 10);
    // The same 150 events, all within the last 366 days, are accepted.
    expect((await post(spread.slice(-12))).statusCode).toBe(202);
  });

  it('500 concurrent requests lose nothing', async () => {
    const before = await count(b.id);
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => post([pageView(`/c/${i}`), click()], b.ingest, b.id)),
    );
    expect(results.filter((r) => r.statusCode !== 202)).toEqual([]);
    expect(await count(b.id)).toBe(before + 1_000);
  });

  it('keeps the rollups equal to the events, events that arrive days late included', async () => {
    const LATE_USERS = [1, 2, 3, 4].map(() => randomUUID());
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const late = [40, 3, 65, 0].flatMap((days, i) => [
      pageView('/late', { user_id: LATE_USERS[i], event_at: daysAgo(days) }),
      { ...click(), user_id: LATE_USERS[i], event_at: daysAgo(days) },
    ]);
    expect((await post(late, b.ingest, b.id)).statusCode).toBe(202);
    const check = await rollupsAgainstEvents(t.analytics, b.id);
    expect(check.rolledEvents).toEqual(check.events);
    expect(check.events.length).toBeGreaterThan(3);
  });

  it('answers 503 (never 202) when ClickHouse fails at flush time, and nothing of the batch is written', async () => {
    const before = await count(a.id);
    await t.analytics.command('RENAME TABLE analytics_internal.events TO analytics_internal.events_away');
    try {
      const res = await post([pageView('/down')]);
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('analytics_unavailable');
    } finally {
      await t.analytics.command('RENAME TABLE analytics_internal.events_away TO analytics_internal.events');
    }
    expect(await count(a.id)).toBe(before);
    expect((await post([pageView('/up')])).statusCode).toBe(202);
  });
});
