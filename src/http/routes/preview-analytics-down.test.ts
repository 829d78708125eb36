// ClickHouse unreachable ⇒ 503 analytics_unavailable, nothing of the project left in Postgres, and the
// rollback that could not reach ClickHouse either is logged with both causes (never swallowed).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { selectRows, toCount } from '../../db/store.js';
import { sql } from 'drizzle-orm';
import { createLogger } from '../../logger.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  t = await openTestApp({ logger: createLogger('info', { pretty: false, destination }) });
});
afterAll(() => t?.close());

it('answers 503 and leaves no project, key or user behind; the failed rollback is logged', async () => {
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
  const logged = lines.map((line) => JSON.parse(line) as { level: number; err?: { type?: string; message?: string } });
  const rollback = logged.find((l) => l.err?.type === 'PreviewRollbackError');
  expect(rollback?.level).toBe(50);
  expect(rollback?.err?.message).toMatch(
    /rollback of preview .* \(its ClickHouse rows stay until the next `pulse serve` start/,
  );
});
