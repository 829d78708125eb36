// Which store drivers the contract suites run against: the embedded ones always, servers when their
// test URL is set. A skipped driver says why.
import crypto from 'node:crypto';
import pg from 'pg';
import { loadTestTargets } from '../config.js';
import { openNodePostgres } from '../db/node-postgres.js';
import { openPglite } from '../db/pglite.js';
import type { PostgresStore } from '../db/store.js';
import { makeTempDir } from './temp-dir.js';

export const testTargets = loadTestTargets();

export function skipReason(variable: 'PULSE_TEST_DATABASE_URL' | 'PULSE_TEST_CLICKHOUSE_URL'): string | undefined {
  const set = variable === 'PULSE_TEST_DATABASE_URL' ? testTargets.databaseUrl : testTargets.clickhouseUrl;
  if (set) return undefined;
  const how =
    variable === 'PULSE_TEST_DATABASE_URL'
      ? '.ci/run sets it to a Postgres 15 it starts'
      : 'set it to http(s)://user:pass@host:port of a ClickHouse server to run this suite';
  const reason = `skipped: ${variable} is not set (${how})`;
  process.stdout.write(`${reason}\n`);
  return reason;
}

export interface OpenedPostgres {
  store: PostgresStore;
  dispose(): Promise<void>;
}

/** Embedded PGlite in a temp dir (copied from the install-time template). */
export async function openTestPglite(): Promise<OpenedPostgres> {
  const temp = makeTempDir('pulse-pglite-');
  const store = await openPglite({ dataDir: temp.dir });
  return {
    store,
    async dispose() {
      await store.close();
      temp.remove();
    },
  };
}

/** A brand-new database on the test server, dropped afterwards, so suites never see each other's rows. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `pulse_test_${crypto.randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openTestNodePostgres(serverUrl: string): Promise<OpenedPostgres> {
  const database = await createTestDatabase(serverUrl);
  const store = await openNodePostgres({ url: database.url });
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}

/** Two pools on one new, migrated database of the test server: two processes, as far as Postgres can tell. */
export async function withTwoNodePostgresPools<T>(
  body: (a: PostgresStore, b: PostgresStore) => Promise<T>,
): Promise<T> {
  const database = await createTestDatabase(testTargets.databaseUrl!);
  const a = await openNodePostgres({ url: database.url });
  const b = await openNodePostgres({ url: database.url });
  try {
    await a.migrate();
    return await body(a, b);
  } finally {
    await Promise.all([a.close(), b.close()]);
    await database.drop();
  }
}

/** A migrated embedded PGlite for the length of `body`. */
export async function withMigratedPglite<T>(body: (store: PostgresStore) => Promise<T>): Promise<T> {
  const pg = await openTestPglite();
  try {
    await pg.store.migrate();
    return await body(pg.store);
  } finally {
    await pg.dispose();
  }
}
