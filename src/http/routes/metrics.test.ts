// GET /api/v1/projects/:id/metrics and /metrics/live through app.inject(), on embedded PGlite + chDB:
// exact JSON for an empty and a small project, anonymous users, isolation from another project's rows
// (errors and keys: metrics-errors.test.ts). The exact-JSON cases
// run the same route plugin mounted again under /at-now with its clock fixed at NOW (faking Date for the
// whole process would also move PGlite's internal timers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsResponse } from '../../../contract/metrics.js';
import { createProject, type CreatedProject } from '../../projects/create-project.js';
import { NOW, series, stopMirrorMerges, uid } from '../../test/metric-fixtures.js';
import { populate } from '../../test/metrics-route-fixtures.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { metricRoutes } from './metrics.js';

let t: TestApp;
let mine: CreatedProject;
let theirs: CreatedProject;
let empty: CreatedProject;

beforeAll(async () => {
  t = await openTestApp();
  await stopMirrorMerges(t.analytics);
  mine = await createProject(t.postgres.db, { displayName: 'Mine' });
  theirs = await createProject(t.postgres.db, { displayName: 'Theirs' });
  empty = await createProject(t.postgres.db, { displayName: 'Empty' });
  await populate(t.postgres.db, t, mine.project.id, 1);
  await populate(t.postgres.db, t, theirs.project.id, 3);
  await t.app.register(metricRoutes(t, { clock: () => NOW }), { prefix: '/at-now/api/v1' });
});
afterAll(() => t?.close());

const get = (url: string, key: string) =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
/** The route at the fixed NOW. */
const metricsOf = (p: CreatedProject, query = '', key = p.adminKey) =>
  get(`/at-now/api/v1/projects/${p.project.id}/metrics${query}`, key);
const liveOf = (p: CreatedProject, query = '', key = p.adminKey) =>
  get(`/at-now/api/v1/projects/${p.project.id}/metrics/live${query}`, key);
/** The route as buildApp registers it, on the real clock. */
const realMetricsOf = (p: CreatedProject, query = '', key = p.adminKey) =>
  get(`/api/v1/projects/${p.project.id}/metrics${query}`, key);

const ada = { id: uid(1), display_name: 'Ada', primary_email: 'ada@example.com', profile_image_url: null };
const grace = { id: uid(2), display_name: 'Grace', primary_email: 'grace@example.com', profile_image_url: null };
const zeroSplit = series().map(({ date }) => ({ date, new: 0, retained: 0, reactivated: 0 }));
const WINDOW = {
  from: '2026-05-16T00:00:00.000Z',
  to: '2026-06-15T12:00:00.000Z',
  first_day: '2026-05-16',
  last_day: '2026-06-15',
  days: 31,
};

describe('GET /api/v1/projects/:id/metrics', () => {
  it('an empty project: zeros everywhere, 31 zero points per series', async () => {
    const res = await metricsOf(empty);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      now: '2026-06-15T12:00:00.000Z',
      window: WINDOW,
      total_users: 0,
      anonymous_users: 0,
      verified_users: 0,
      unverified_users: 0,
      total_teams: 0,
      mau: 0,
      live_users: 0,
      live_users_by_country: {},
      users_by_country: {},
      daily_signups: series(),
      daily_active_users: series(),
      daily_active_users_split: zeroSplit,
      daily_page_views: series(),
      daily_clicks: series(),
      daily_visitors: series(),
      visitors: 0,
      top_referrers: [],
      top_region: null,
      recently_registered: [],
      recently_active: [],
      login_methods: [],
      emails: {
        total: 0,
        by_status: { ok: 0, error: 0, in_progress: 0 },
        sent: 0,
        delivered: 0,
        bounced: 0,
        delivered_rate: 0,
        bounced_rate: 0,
        daily_emails: series(),
      },
      payments: {
        subscriptions_by_status: { active: 0, trialing: 0, paused: 0, canceled: 0 },
        active_subscriptions: 0,
        revenue_cents: 0,
        mrr_cents: 0,
        orders: 0,
        daily_revenue_cents: series(),
      },
      replays: { total: 0, last_30_days: 0, average_session_seconds: 0 },
    });
  });

  it("a small project, exactly, with none of project B's rows (same user ids, same days)", async () => {
    const res = await metricsOf(mine);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      now: '2026-06-15T12:00:00.000Z',
      window: WINDOW,
      total_users: 2,
      anonymous_users: 1,
      verified_users: 1,
      unverified_users: 1,
      total_teams: 1,
      mau: 2,
      live_users: 1,
      live_users_by_country: { US: [ada] },
      users_by_country: { US: 1, GB: 1 },
      daily_signups: series({ '2026-06-14': 1 }),
      daily_active_users: series({ '2026-06-14': 1, '2026-06-15': 2 }),
      daily_active_users_split: zeroSplit.map((p) =>
        p.date === '2026-06-14' ? { ...p, new: 1 } : p.date === '2026-06-15' ? { ...p, new: 1, retained: 1 } : p,
      ),
      daily_page_views: series({ '2026-06-14': 1, '2026-06-15': 1 }),
      daily_clicks: series({ '2026-06-14': 1 }),
      daily_visitors: series({ '2026-06-14': 1, '2026-06-15': 1 }),
      visitors: 2,
      top_referrers: [
        { referrer: '', visitors: 1 },
        { referrer: 'https://google.com/', visitors: 1 },
      ],
      // A tie of one user each: the alphabetically first country wins.
      top_region: { country_code: 'GB', region_code: 'ENG', users: 1 },
      recently_registered: [
        { ...ada, signed_up_at: '2026-06-14T09:00:00.000Z' },
        { ...grace, signed_up_at: '2026-05-01T09:00:00.000Z' },
      ],
      recently_active: [
        { ...ada, last_active_at: '2026-06-15T11:59:30.000Z' },
        { ...grace, last_active_at: '2026-06-15T08:00:00.000Z' },
      ],
      login_methods: [
        { method: 'google', count: 1 },
        { method: 'password', count: 1 },
      ],
      emails: {
        total: 1,
        by_status: { ok: 1, error: 0, in_progress: 0 },
        sent: 1,
        delivered: 1,
        bounced: 0,
        delivered_rate: 1,
        bounced_rate: 0,
        daily_emails: series({ '2026-06-14': 1 }),
      },
      payments: {
        subscriptions_by_status: { active: 1, trialing: 0, paused: 0, canceled: 0 },
        active_subscriptions: 1,
        revenue_cents: 1200,
        mrr_cents: 1200,
        orders: 0,
        daily_revenue_cents: series({ '2026-06-14': 1200 }),
      },
      replays: { total: 1, last_30_days: 1, average_session_seconds: 120 },
    });
  });

  it('include_anonymous=true adds the anonymous user and their events', async () => {
    const res = await metricsOf(mine, '?include_anonymous=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total_users: 3,
      anonymous_users: 1,
      verified_users: 1,
      unverified_users: 1,
      mau: 3,
      live_users: 2,
      live_users_by_country: {
        US: [ada],
        FR: [{ id: uid(3), display_name: null, primary_email: null, profile_image_url: null }],
      },
      users_by_country: { US: 1, GB: 1, FR: 1 },
      daily_signups: series({ '2026-06-14': 1, '2026-06-15': 1 }),
      daily_active_users: series({ '2026-06-14': 1, '2026-06-15': 3 }),
    });
    expect((await metricsOf(mine, '?include_anonymous=false')).json()).toEqual((await metricsOf(mine)).json());
  });

  it('as registered by buildApp: takes now from the real clock, once, and answers the contract', async () => {
    const before = Date.now();
    const res = await realMetricsOf(mine);
    expect(res.statusCode).toBe(200);
    const body = MetricsResponse.parse(res.json());
    expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(body.now)).toBeLessThanOrEqual(Date.now());
    expect(body.window.to).toBe(body.now);
    expect(body.daily_active_users.at(-1)?.date).toBe(body.now.slice(0, 10));
    expect(body.total_users).toBe(2);
  });
});

describe('GET /api/v1/projects/:id/metrics/live', () => {
  it('answers now, live_users and live_users_by_country only', async () => {
    const res = await liveOf(mine);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      now: '2026-06-15T12:00:00.000Z',
      live_users: 1,
      live_users_by_country: { US: [ada] },
    });
    expect((await liveOf(empty)).json()).toEqual({
      now: '2026-06-15T12:00:00.000Z',
      live_users: 0,
      live_users_by_country: {},
    });
  });
});
