// `npm run bench -- sync`: Postgres → ClickHouse sync on the embedded stores (PGlite + chDB).
//  1. Backfill: 50k users written, then one pass mirrors them; rows/s. Baseline in the same run: the same
//     pass with one mirror INSERT per row (on a 1k-row sample: the full 50k would take minutes). On PGlite,
//     and on node-postgres too when PULSE_TEST_DATABASE_URL names a server.
//  2. Lag under a steady 1k writes/s for LAG_SECONDS: the worker as in `serve` (woken by each write) vs
//     the baseline worker woken by its 1 s timer only. Lag of a write = the end of the first pass whose
//     horizon covers its sequence id − the end of its commit.
import { sql } from 'drizzle-orm';
import { selectRows } from '../src/db/store.js';
import { readSyncBatch, toSequenceId } from '../src/db/sync-changes.js';
import { SYNC_MAPPINGS } from '../src/sync/mappings.js';
import { createSyncRunner } from '../src/sync/run-sync-pass.js';
import type { Stores } from '../src/stores.js';
import { loadTestTargets } from '../src/config.js';
import { openNodePostgres } from '../src/db/node-postgres.js';
import { createTestDatabase } from '../src/test/targets.js';
import { startSyncWorker } from '../src/sync/worker.js';
import { insertUsers, newProjectId } from '../src/test/sync-fixtures.js';
import { openBenchStores } from './embedded-stores.js';
import { percentile, printTable } from './stats.js';

const BACKFILL_ROWS = Number(process.env.BENCH_SYNC_ROWS ?? 50_000);
const ROW_BY_ROW_SAMPLE = 1_000;
const WRITES_PER_SECOND = 1_000;
const WRITE_TICK_MS = 10;
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 10);
const SERVER_URL = loadTestTargets().databaseUrl;

export async function syncBench(): Promise<void> {
  const stores = await openBenchStores();
  const sync = stores;
  try {
    const pglite = await backfill(sync, 'PGlite');
    const rows = [pglite];
    // A Postgres server too when one is configured (the same variable the test suites use).
    if (SERVER_URL) {
      const database = await createTestDatabase(SERVER_URL);
      const server = await openNodePostgres({ url: database.url });
      try {
        await server.migrate();
        // One chDB per process: start the mirror and watermarks afresh for the other sequence.
        for (const table of ['users', 'sync_state'])
          await sync.analytics.command(`TRUNCATE TABLE analytics_internal.${table}`);
        rows.push(await backfill({ postgres: server, analytics: sync.analytics }, 'node-postgres (Postgres 15)'));
      } finally {
        await server.close();
        await database.drop();
      }
    }
    printTable(
      'Sync backfill: 50k users → analytics_internal.users (chDB)',
      ['case', 'rows', 'ms', 'rows/s', 'speed-up', 'target'],
      rows.flatMap((r) => [
        [
          `${r.name}: one pass, batches of 10,000`,
          r.rows,
          Math.round(r.ms),
          Math.round(r.rate),
          `${(r.rate / r.baselineRate).toFixed(1)}×`,
          '≥ 50,000 rows/s',
        ],
        [
          `  baseline: one INSERT per row (${ROW_BY_ROW_SAMPLE} rows)`,
          ROW_BY_ROW_SAMPLE,
          '',
          Math.round(r.baselineRate),
          '',
          '',
        ],
      ]),
    );

    const notified = await lagUnderLoad(sync, true);
    const timerOnly = await lagUnderLoad(sync, false);
    const row = (name: string, lags: number[], target: string, baseline?: number[]) => [
      name,
      lags.length,
      Math.round(percentile(lags, 50)),
      Math.round(percentile(lags, 95)),
      Math.round(percentile(lags, 99)),
      baseline ? `${(percentile(baseline, 95) / percentile(lags, 95)).toFixed(1)}×` : '',
      target,
    ];
    printTable(
      `Sync lag under ${WRITES_PER_SECOND} writes/s for ${LAG_SECONDS} s (user inserts + updates, PGlite + chDB)`,
      ['worker', 'writes', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 speed-up', 'target'],
      [
        row('woken by each write (serve)', notified, 'p95 ≤ 1000 ms', timerOnly),
        row('  baseline: 1 s timer only', timerOnly, ''),
      ],
    );
  } finally {
    await stores.close();
  }
}

async function backfill(sync: Stores, name: string) {
  const users = SYNC_MAPPINGS.filter((m) => m.name === 'users');
  await insertUsers(sync.postgres.db, await newProjectId(sync.postgres.db), BACKFILL_ROWS, 'backfill');
  const started = performance.now();
  const pass = await createSyncRunner(sync).runPass({ mappings: users });
  const ms = performance.now() - started;
  // Baseline: the same changes, one INSERT per mirror row (a sample: all of them would take minutes).
  const sample = (
    await readSyncBatch(sync.postgres.db, users[0]!, 0, Number.MAX_SAFE_INTEGER, ROW_BY_ROW_SAMPLE)
  ).ndjson.split('\n');
  const baselineStarted = performance.now();
  for (const line of sample) await sync.analytics.insert(users[0]!.mirrorTable, [JSON.parse(line) as object]);
  const baselineRate = sample.length / ((performance.now() - baselineStarted) / 1000);
  return { name, rows: pass.mappings[0]!.rows, ms, rate: pass.mappings[0]!.rows / (ms / 1000), baselineRate };
}

/** Writes WRITES_PER_SECOND (half inserts, half updates of recent rows) while the worker syncs; lag per write in ms. */
async function lagUnderLoad(sync: Stores, notify: boolean): Promise<number[]> {
  const projectId = await newProjectId(sync.postgres.db);
  const runner = createSyncRunner(sync);
  await runner.runPass();
  const passes: { at: number; upTo: number }[] = [];
  const worker = startSyncWorker({
    runPass: async () => {
      const pass = await runner.runPass();
      passes.push({ at: performance.now(), upTo: pass.upTo });
      return pass;
    },
    idleIntervalMs: 1_000,
  });
  const writes: { at: number; seq: number }[] = [];
  const perTick = (WRITES_PER_SECOND * WRITE_TICK_MS) / 1000;
  const ids: string[] = [];
  const start = performance.now();
  for (let tick = 0; performance.now() - start < LAG_SECONDS * 1000; tick++) {
    const due = start + tick * WRITE_TICK_MS;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    const inserts = ids.length < 100 ? perTick : perTick / 2;
    ids.push(...(await insertUsers(sync.postgres.db, projectId, inserts, 'lag')));
    const updates = perTick - inserts;
    if (updates > 0) {
      const targets = ids.slice(-200, -100).slice(0, updates);
      await sync.postgres.db.execute(
        sql`UPDATE users SET display_name = 'updated' WHERE project_id = ${projectId} AND id IN ${targets}`,
      );
    }
    const [last] = await selectRows<{ seq: unknown }>(
      sync.postgres.db,
      sql`SELECT last_value AS seq FROM sync_sequence`,
    );
    const at = performance.now();
    for (let i = 0; i < perTick; i++) writes.push({ at, seq: toSequenceId(last?.seq) });
    if (notify) worker.notify();
  }
  // Let the last writes land before measuring.
  const lastSeq = writes[writes.length - 1]!.seq;
  while (!passes.some((p) => p.upTo >= lastSeq)) await worker.flushed();
  await worker.stop();
  return writes.map((w) => passes.find((p) => p.upTo >= w.seq && p.at >= w.at)!.at - w.at);
}
