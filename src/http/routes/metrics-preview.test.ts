// The overview of a real `standard` preview, through HTTP on embedded stores: the figures issue #4 names.
// Also checks that the batched overview (one ClickHouse round trip) answers exactly what each metric
// answers on its own, and that a reseed's next seed generation, written beside the current one, is not
// counted until its commit switches the project over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { METRICS, OVERVIEW_METRICS, runMetrics } from '../../metrics/index.js';
import { defaultScope } from '../../test/metric-fixtures.js';
import { deleteOtherSeedGenerations } from '../../analytics/project-data.js';
import { setSeedGeneration } from '../../db/projects.js';

let t: TestApp;
let projectId: string;
let auth: { authorization: string };
beforeAll(async () => {
  t = await openTestApp({ preview: { enabled: true, ttlMs: 3_600_000, ratePerMinute: 1_000 } });
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects' });
  expect(created.statusCode).toBe(201);
  const body = created.json<{ project_id: string; admin_key: string }>();
  projectId = body.project_id;
  auth = { authorization: `Bearer ${body.admin_key}` };
});
afterAll(() => t?.close());

describe('GET /metrics on a standard preview', () => {
  it('has 584 users, 2 anonymous, 8 teams, 8 live users in 8 countries, and activity everywhere', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}/metrics`, headers: auth });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ total_users: 584, anonymous_users: 2, total_teams: 8, live_users: 8 });
    expect(m.verified_users + m.unverified_users).toBe(584);
    expect(Object.keys(m.live_users_by_country).sort()).toEqual(['AU', 'BR', 'CA', 'DE', 'GB', 'IN', 'JP', 'US']);
    expect(m.mau).toBeGreaterThan(0);
    expect(m.mau).toBeLessThanOrEqual(586);
    expect(m.daily_active_users).toHaveLength(31);
    expect(m.daily_active_users.at(-1).activity).toBeGreaterThan(0);
    expect(m.emails.total).toBeGreaterThan(0);
    expect(m.replays.total).toBeGreaterThan(0);
    expect(m.payments.revenue_cents).toBeGreaterThan(0);
    expect(m.payments.active_subscriptions).toBeGreaterThan(0);
  });

  it('answers, batched, exactly what every metric answers on its own', async () => {
    const scope = defaultScope(projectId);
    const now = new Date();
    const stores = { analytics: t.analytics, postgres: t.postgres };
    const batched = await runMetrics(OVERVIEW_METRICS, stores, scope, now);
    for (const name of OVERVIEW_METRICS) {
      expect(batched[name], name).toEqual(await METRICS[name](stores, scope, now));
    }
  });

  it('counts one seed generation while a reseed writes the next beside it, and the new one once switched', async () => {
    const now = new Date();
    const stores = { analytics: t.analytics, postgres: t.postgres };
    const current = defaultScope(projectId);
    const before = await runMetrics(OVERVIEW_METRICS, stores, current, now);
    expect(before.daily_page_views.some((p) => p.activity > 0)).toBe(true);
    // What a reseed writes before its commit: the next generation's events beside the current ones
    // (here a copy, so the figures must not move: counted twice, page views and clicks would double).
    await t.analytics.command(
      `INSERT INTO analytics_internal.events (event_type, event_at, data_text, project_id, branch_id, user_id, team_id,
         refresh_token_id, session_replay_id, created_at, seeded)
       SELECT event_type, event_at, data_text, project_id, branch_id, user_id, team_id, refresh_token_id,
              session_replay_id, created_at, 2
       FROM analytics_internal.events WHERE project_id = {p:String} AND seeded = 1`,
      { p: projectId },
    );
    expect(await runMetrics(OVERVIEW_METRICS, stores, current, now)).toEqual(before);
    expect(await runMetrics(OVERVIEW_METRICS, stores, { ...current, seedGeneration: 2 }, now)).toEqual(before);

    // The commit switches; the old generation goes. The route reads the generation with the key.
    await setSeedGeneration(t.postgres.db, projectId, 2);
    await deleteOtherSeedGenerations(t.analytics, projectId, 2);
    expect(await runMetrics(['daily_page_views'], stores, current, now)).not.toEqual({
      daily_page_views: before.daily_page_views,
    });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/projects/${projectId}/metrics`, headers: auth });
    expect(res.statusCode).toBe(200);
    const answered = res.json<{ now: string; daily_page_views: unknown; daily_clicks: unknown }>();
    const expected = await runMetrics(
      ['daily_page_views', 'daily_clicks'],
      stores,
      { ...current, seedGeneration: 2 },
      new Date(answered.now),
    );
    expect({ daily_page_views: answered.daily_page_views, daily_clicks: answered.daily_clicks }).toEqual(expected);
  });
});
