// GET /api/v1/projects/:id/metrics with a window: each accepted form (range=…, from/to ending today or
// in the past) and each refusal, a 400 naming the parameter. The route runs at a fixed NOW (mounted
// again under /at-now, as in metrics.test.ts); the figures themselves are in src/metrics/ranges.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsResponse } from '../../../contract/metrics.js';
import { createProject, type CreatedProject } from '../../projects/create-project.js';
import { insertAnalytics, NOW, pageView, seriesOver, uid, at } from '../../test/metric-fixtures.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { metricRoutes } from './metrics.js';

let t: TestApp;
let mine: CreatedProject;

beforeAll(async () => {
  t = await openTestApp();
  mine = await createProject(t.postgres.db, { displayName: 'Mine' });
  const scope = { projectId: mine.project.id, branchId: 'main' };
  await insertAnalytics(t.analytics, scope, {
    users: [{ id: uid(1) }],
    events: [
      pageView(scope, uid(1), at('2026-03-01T23:59:59.999Z')),
      pageView(scope, uid(1), at('2026-03-02T00:00:00.000Z')),
      pageView(scope, uid(1), NOW),
    ],
  });
  await t.app.register(metricRoutes(t, { clock: () => NOW }), { prefix: '/at-now/api/v1' });
});
afterAll(() => t?.close());

const metricsAt = (query: string) =>
  t.app.inject({
    method: 'GET',
    url: `/at-now/api/v1/projects/${mine.project.id}/metrics${query}`,
    headers: { authorization: `Bearer ${mine.adminKey}` },
  });

async function ok(query: string) {
  const res = await metricsAt(query);
  expect(res.statusCode, res.body).toBe(200);
  return MetricsResponse.parse(res.json());
}

describe('GET /metrics: the window', () => {
  it('range=7d|30d|90d|365d: today and the N days before, ending at now; 30d is the default', async () => {
    const cases = [
      ['7d', '2026-06-08', 8],
      ['30d', '2026-05-16', 31],
      ['90d', '2026-03-17', 91],
      ['365d', '2025-06-15', 366],
    ] as const;
    for (const [range, first, days] of cases) {
      const body = await ok(`?range=${range}`);
      expect(body.window).toEqual({
        from: `${first}T00:00:00.000Z`,
        to: NOW.toISOString(),
        first_day: first,
        last_day: '2026-06-15',
        days,
      });
      expect(body.daily_page_views).toEqual(
        seriesOver(
          first,
          '2026-06-15',
          first <= '2026-03-01' ? { '2026-03-01': 1, '2026-03-02': 1, '2026-06-15': 1 } : { '2026-06-15': 1 },
        ),
      );
      expect(body.daily_active_users_split).toHaveLength(days);
    }
    const byDefault = (await metricsAt('')).json();
    expect(byDefault).toEqual((await metricsAt('?range=30d')).json());
    expect(byDefault.window.days).toBe(31);
  });

  it('from/to in the past: whole days, ending at the last millisecond of `to`', async () => {
    const body = await ok('?from=2026-02-27&to=2026-03-01');
    expect(body.window).toEqual({
      from: '2026-02-27T00:00:00.000Z',
      to: '2026-03-01T23:59:59.999Z',
      first_day: '2026-02-27',
      last_day: '2026-03-01',
      days: 3,
    });
    expect(body.daily_page_views).toEqual(seriesOver('2026-02-27', '2026-03-01', { '2026-03-01': 1 }));
    expect(body.visitors).toBe(1);
  });

  it('from/to ending today end at now; one day is one point; 366 days is the most', async () => {
    expect((await ok('?from=2026-06-15&to=2026-06-15')).window).toEqual({
      from: '2026-06-15T00:00:00.000Z',
      to: NOW.toISOString(),
      first_day: '2026-06-15',
      last_day: '2026-06-15',
      days: 1,
    });
    expect((await ok('?from=2025-06-15&to=2026-06-15')).daily_signups).toHaveLength(366);
  });

  it('400 naming the parameter for every bad window, and no figures', async () => {
    const refusals: [string, string, string][] = [
      ['?range=8d', 'range', 'must be one of 7d, 30d, 90d, 365d'],
      ['?range=', 'range', 'must be one of 7d, 30d, 90d, 365d'],
      ['?from=2026-13-01&to=2026-06-01', 'from', 'must be a date as YYYY-MM-DD'],
      ['?from=2026-02-30&to=2026-06-01', 'from', 'must be a date as YYYY-MM-DD'],
      ['?from=2026-06-01&to=June', 'to', 'must be a date as YYYY-MM-DD'],
      ['?range=7d&from=2026-06-01&to=2026-06-02', 'from', 'cannot be combined with range'],
      ['?range=7d&to=2026-06-02', 'to', 'cannot be combined with range'],
      ['?from=2026-06-01', 'to', 'is required with from'],
      ['?to=2026-06-01', 'from', 'is required with to'],
      ['?from=2026-06-01&to=2026-06-16', 'to', 'must not be after today (2026-06-15 UTC)'],
      ['?from=2026-06-02&to=2026-06-01', 'from', 'must not be after to (2026-06-01)'],
      ['?from=2025-06-14&to=2026-06-15', 'from', 'must be at most 366 days before to, both included'],
    ];
    for (const [query, param, message] of refusals) {
      const res = await metricsAt(query);
      expect(res.statusCode, query).toBe(400);
      const field = `querystring.${param}`;
      expect(res.json(), query).toEqual({
        error: {
          code: 'invalid_request',
          message: `Invalid request — ${field}: ${message}`,
          details: { issues: [{ field, message }] },
        },
      });
    }
  });

  it('the OpenAPI document lists range, from and to on /metrics only', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const names = (path: string) =>
      (spec.paths[path].get.parameters as { name: string; in: string }[])
        .filter((p) => p.in === 'query')
        .map((p) => p.name);
    expect(names('/api/v1/projects/{id}/metrics').sort()).toEqual(['from', 'include_anonymous', 'range', 'to']);
    expect(names('/api/v1/projects/{id}/metrics/live')).toEqual(['include_anonymous']);
  });
});
