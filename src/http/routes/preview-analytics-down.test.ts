// ClickHouse unreachable ⇒ 503 analytics_unavailable, and nothing of the project left in Postgres.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { selectRows, toCount } from '../../db/store.js';
import { sql } from 'drizzle-orm';
import { openTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.close());

it('answers 503 and leaves no project, key or user behind', async () => {
  const count = async (table: string) =>
    toCount(
      (await selectRows<{ n: unknown }>(t.postgres.db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0]?.n,
    );
  await t.analytics.close();
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'tiny' } });
  expect(res.statusCode).toBe(503);
  expect(res.json().error.code).toBe('analytics_unavailable');
  for (const table of ['projects', 'api_keys', 'users', 'contact_channels', 'teams', 'email_outbox', 'subscriptions'])
    expect(await count(table)).toBe(0);
});
