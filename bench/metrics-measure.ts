// Measuring helpers of the metrics benchmark: timed samples, per-query ClickHouse settings, and peak
// memory per query. chDB 3.4 has no system.query_log (its embedded engine starts no system log tables),
// so the peak is measured instead as the smallest `max_memory_usage` the query runs under: the same
// per-query memory tracker that query_log's memory_usage reports, found by bisection to within 2 %.
import { AnalyticsError, type Settings } from '../src/analytics/store.js';
import { METRICS, OVERVIEW_METRICS, runMetrics, type MetricName } from '../src/metrics/index.js';
import type { MetricScope } from '../src/metrics/types.js';
import type { Stores } from '../src/stores.js';
import { percentile } from './stats.js';

const WARM_UP = 5;
const POSTGRES_METRICS: readonly MetricName[] = ['login_methods', 'emails', 'payments', 'replays'];

export interface Samples {
  p50: number;
  p95: number;
  max: number;
}

export async function sample(runs: number, work: () => Promise<unknown>): Promise<Samples> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) };
}

/**
 * The same stores, with settings added to every ClickHouse query. :TRICKY: chDB applies them as SET
 * statements, which stay on its session: callers put the defaults back with another withSettings call.
 */
export function withSettings(stores: Stores, settings: Settings): Stores {
  return { ...stores, analytics: stores.analytics.withSettings(settings) };
}

/** Runs one query with `settings`, which chDB then keeps for the queries after it. */
export async function setSettings(stores: Stores, settings: Settings): Promise<void> {
  await withSettings(stores, settings).analytics.query('SELECT 1');
}

/**
 * The smallest max_memory_usage (bytes) under which `run` succeeds, to within 2 %. max_untracked_memory
 * drops to 1 KiB meanwhile: by default each thread reports to the tracker only in 4 MiB steps.
 */
export async function peakMemoryBytes(stores: Stores, run: (stores: Stores) => Promise<unknown>): Promise<number> {
  const defaults = await settingDefaults(stores, ['max_memory_usage', 'max_untracked_memory']);
  const fits = async (limit: number) => {
    try {
      await run(withSettings(stores, { max_memory_usage: String(limit), max_untracked_memory: '1024' }));
      return true;
    } catch (error) {
      if (error instanceof AnalyticsError && /memory limit/i.test(error.message)) return false;
      throw error;
    } finally {
      await setSettings(stores, defaults);
    }
  };
  let low = 0;
  let high = 256 * 1024;
  while (!(await fits(high))) {
    low = high;
    high *= 2;
    if (high > 2 ** 36) throw new Error('peak memory above 64 GiB?');
  }
  while (high - low > high * 0.02) {
    const middle = Math.floor((low + high) / 2);
    if (await fits(middle)) high = middle;
    else low = middle;
  }
  return high;
}

async function settingDefaults(stores: Stores, names: string[]): Promise<Settings> {
  const rows = await stores.analytics.query<{ name: string; default: string }>(
    'SELECT name, default FROM system.settings WHERE name IN {names:Array(String)}',
    { names },
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.default]));
}

/** One table row per metric: store, p50 and p95 of `runs` calls alone, and its peak memory. */
export async function perMetric(stores: Stores, scope: MetricScope, runs: number): Promise<(string | number)[][]> {
  const rows: (string | number)[][] = [];
  for (const name of OVERVIEW_METRICS) {
    if (!(name in METRICS)) throw new Error(`unknown metric ${name}`);
    const postgres = POSTGRES_METRICS.includes(name);
    const timing = await sample(runs, () => runMetrics([name], stores, scope, new Date()));
    const peak = postgres
      ? undefined
      : await peakMemoryBytes(stores, (limited) => runMetrics([name], limited, scope, new Date()));
    rows.push([
      name,
      postgres ? 'Postgres' : 'ClickHouse',
      timing.p50.toFixed(1),
      timing.p95.toFixed(1),
      peak === undefined ? 'n/a' : `${(peak / 2 ** 20).toFixed(2)} MiB`,
    ]);
  }
  return rows;
}

/** The fixed cost of one ClickHouse round trip, to read the tables above: a bound `SELECT 1` through the store. */
export async function fixedQueryCost(stores: Stores, runs: number): Promise<(string | number)[][]> {
  const cost = await sample(runs, () => stores.analytics.query('SELECT {one:UInt8} AS one', { one: 1 }));
  return [['bound SELECT 1 through the store', cost.p50.toFixed(2), cost.p95.toFixed(2)]];
}
