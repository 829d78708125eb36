// Postgres unreachable ⇒ 503 database_unavailable, and nothing of the project left in ClickHouse.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.close());

it('answers 503 and leaves no event or mirror row behind', async () => {
  await t.postgres.close();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'tiny' } });
  expect(res.statusCode).toBe(503);
  expect(res.json().error.code).toBe('database_unavailable');
  for (const table of ['events', 'users', 'contact_channels', 'teams', 'team_members']) {
    const [row] = await t.analytics.query<{ n: number }>(`SELECT count() AS n FROM analytics_internal.${table}`);
    expect(row).toEqual({ n: 0 });
  }
});
