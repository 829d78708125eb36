// Shared by the Postgres metrics (emails, payments, replays, login methods: those tables exist only in
// Postgres). Counts and sums arrive as numbers on PGlite and as strings on node-postgres.
import type { SQL } from 'drizzle-orm';
import type { DailyPoint } from '../../contract/metrics.js';
import { selectRows, toCount, type Db } from '../db/store.js';
import { zeroFill } from './window.js';

/** Runs a query of `(day 'YYYY-MM-DD', value)` rows and zero-fills it over the window's days. */
export async function dailyRows(db: Db, query: SQL, days: readonly string[]): Promise<DailyPoint[]> {
  const rows = await selectRows<{ day: string; value: unknown }>(db, query);
  return zeroFill(
    days,
    rows.map((row) => ({ day: row.day, value: toCount(row.value) })),
  );
}

/** Runs a query that returns exactly one row of counts, each normalised to a number. */
export async function countsRow<Key extends string>(db: Db, query: SQL, metric: string): Promise<Record<Key, number>> {
  const rows = await selectRows<Record<Key, unknown>>(db, query);
  const [row] = rows;
  if (rows.length !== 1 || row === undefined) throw new Error(`${metric}: expected one row, got ${rows.length}`);
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, toCount(value)])) as Record<Key, number>;
}

/** part / whole rounded so JSON compares exactly; 0 when the whole is 0. */
export const ratio = (part: number, whole: number, decimals = 4): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 10 ** decimals) / 10 ** decimals;
