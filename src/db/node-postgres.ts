// A Postgres server through node-postgres. Sibling of pglite.ts.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema/index.js';
import { MIGRATIONS_FOLDER, type Db, type PostgresStore } from './store.js';

const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;

export interface NodePostgresOptions {
  url: string;
}

export async function openNodePostgres({ url }: NodePostgresOptions): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema }) as unknown as Db;
  let closed = false;
  return {
    driver: 'node-postgres',
    db,
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    async migrate() {
      await migrate(drizzle(pool, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
