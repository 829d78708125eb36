// The overview of a real `standard` preview, through HTTP on embedded stores: the figures issue #4 names.
// Also checks that the batched overview (one ClickHouse round trip) answers exactly what each metric
// answers on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { METRICS, OVERVIEW_METRICS, runMetrics } from '../../metrics/index.js';

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
    const scope = { projectId, branchId: 'main', includeAnonymous: false };
    const now = new Date();
    const stores = { analytics: t.analytics, postgres: t.postgres };
    const batched = await runMetrics(OVERVIEW_METRICS, stores, scope, now);
    for (const name of OVERVIEW_METRICS) {
      expect(batched[name], name).toEqual(await METRICS[name](stores, scope, now));
    }
  });
});
