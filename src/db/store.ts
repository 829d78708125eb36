// The Postgres store: one Drizzle database, whichever driver is inside.
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface PostgresStore {
  readonly driver: 'pglite' | 'node-postgres';
  readonly db: Db;
  /** Round trip to the database; rejects when it is unreachable. */
  ping(): Promise<void>;
  /** Applies pending drizzle-kit migrations; safe to run on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** `count(*)` is a number on PGlite and a string on node-postgres: normalise at the edge. */
export function toCount(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`expected a count, got ${String(value)}`);
  return n;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Rows of a raw SQL query; both drivers answer `{ rows }`, but the shared Drizzle type leaves it unknown. */
export async function selectRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** A Postgres failure during a write the caller cannot finish (the HTTP layer answers 503 `database_unavailable`). */
export class DatabaseError extends Error {
  constructor(cause: unknown) {
    super(`Postgres write failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseError';
  }
}
