// `npm run bench -- metrics`: p50/p95 of GET /metrics (every figure) and /metrics/live through
// app.inject() on a synthetic project of preview size (~600 users, ~40k events over 60 days) and on a real
// `standard` preview, each metric alone with its peak memory, and baselines in the same run: one query
// per metric, one after another, instead of the batched overview. BENCH_LARGE=1 adds a 10M-event project
// inside a 40M-row events table, with a baseline that reads the same data without the project-first
// primary key (use_primary_key = 0).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openChdb } from '../src/analytics/chdb.js';
import { migrateAnalytics } from '../src/analytics/migrate.js';
import { ensurePgliteTemplate } from '../src/db/pglite-template.js';
import { DEFAULT_BRANCH } from '../src/branch.js';
import { openPglite } from '../src/db/pglite.js';
import { buildApp } from '../src/http/app.js';
import { LIVE_METRICS, OVERVIEW_METRICS, runMetrics } from '../src/metrics/index.js';
import type { MetricScope } from '../src/metrics/types.js';
import type { Stores } from '../src/stores.js';
import { createProject } from '../src/projects/create-project.js';
import { createPreviewProject } from '../src/preview/create-preview-project.js';
import { writeSyntheticAnalytics, writeSyntheticPostgres, type SyntheticProject } from './metrics-data.js';
import { fixedQueryCost, peakMemoryBytes, perMetric, sample, type Samples } from './metrics-measure.js';
import { printTable } from './stats.js';
import { rawOverview } from './raw-overview.js';
import { ROLLUP_TABLES } from '../src/analytics/project-data.js';
import { lastDays } from '../src/metrics/window.js';
import type { RangeName } from '../contract/metrics.js';
import { FIRST_SEED_GENERATION } from '../src/db/projects.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const LARGE = process.env.BENCH_LARGE === '1';
const LARGE_EVENTS = Number(process.env.BENCH_LARGE_EVENTS ?? 10_000_000);
/** 1 (default): every event on its own, spread uniformly, the worst case; 12: visits of 12 events. */
const LARGE_EVENTS_PER_VISIT = Number(process.env.BENCH_EVENTS_PER_VISIT ?? 1);
// Projects of the same size around the measured one (the 100M case runs alone: BENCH_LARGE_NEIGHBOURS=0).
const LARGE_NEIGHBOURS = Number(process.env.BENCH_LARGE_NEIGHBOURS ?? 3);
const STANDARD = { users: 600, events: 40_000, days: 60, liveUsers: 8 };

export async function metricsBench(): Promise<void> {
  await ensurePgliteTemplate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-metrics-'));
  const postgres = await openPglite({ dataDir: path.join(dir, 'postgres') });
  const analytics = await openChdb({ dataDir: path.join(dir, 'clickhouse') });
  const stores: Stores = { postgres, analytics };
  try {
    await Promise.all([postgres.migrate(), migrateAnalytics(analytics)]);
    const app = await buildApp({ stores });
    const standard = await project(stores, STANDARD);
    const url = `/api/v1/projects/${standard.scope.projectId}/metrics`;
    const get = async (u: string) => {
      const res = await app.inject({
        method: 'GET',
        url: u,
        headers: { authorization: `Bearer ${standard.adminKey}` },
      });
      if (res.statusCode !== 200) throw new Error(`${u} answered ${res.statusCode}: ${res.body}`);
    };
    const overview = await sample(REQUESTS, () => get(url));
    const sequential = await sample(REQUESTS, () => sequentially(OVERVIEW_METRICS, stores, standard.scope));
    const live = await sample(REQUESTS, () => get(`${url}/live`));
    const liveSequential = await sample(REQUESTS, () => sequentially(LIVE_METRICS, stores, standard.scope));
    const events = await countEvents(stores, standard.scope.projectId);
    printTable(
      `Metrics: synthetic preview-size project (${STANDARD.users} users, ${events.project} events over ${STANDARD.days} days), embedded PGlite + chDB, ${REQUESTS} requests each`,
      ['case', 'p50 ms', 'p95 ms', 'max ms', 'vs baseline (p50)', 'target'],
      [
        row('GET /metrics (one batched ClickHouse query, via app.inject)', overview, sequential, 'p95 ≤ 50 ms'),
        row('  baseline: one query per metric, one after another (direct)', sequential),
        row('GET /metrics/live (via app.inject)', live, liveSequential, 'p95 ≤ 10 ms'),
        row('  baseline: live metrics one after another (direct)', liveSequential),
      ],
    );
    // The same on a real `standard` preview, as a visitor gets it (generator + writers).
    const preview = await createPreviewProject(
      { postgres: postgres, analytics: analytics },
      { now: new Date(), expiresAt: null, isPreview: true },
    );
    const previewScope: MetricScope = {
      projectId: preview.projectId,
      branchId: DEFAULT_BRANCH,
      includeAnonymous: false,
      seedGeneration: FIRST_SEED_GENERATION,
    };
    const previewUrl = `/api/v1/projects/${preview.projectId}/metrics`;
    const getPreview = async (u: string) => {
      const res = await app.inject({ method: 'GET', url: u, headers: { authorization: `Bearer ${preview.adminKey}` } });
      if (res.statusCode !== 200) throw new Error(`${u} answered ${res.statusCode}: ${res.body}`);
    };
    const pOverview = await sample(REQUESTS, () => getPreview(previewUrl));
    const pSequential = await sample(REQUESTS, () => sequentially(OVERVIEW_METRICS, stores, previewScope));
    const pLive = await sample(REQUESTS, () => getPreview(`${previewUrl}/live`));
    const pLiveSequential = await sample(REQUESTS, () => sequentially(LIVE_METRICS, stores, previewScope));
    const previewEvents = await countEvents(stores, preview.projectId);
    printTable(
      `Metrics: a real standard preview (${preview.seeded.users} users, ${previewEvents.project} events), embedded PGlite + chDB, ${REQUESTS} requests each`,
      ['case', 'p50 ms', 'p95 ms', 'max ms', 'vs baseline (p50)', 'target'],
      [
        row('GET /metrics (one batched ClickHouse query, via app.inject)', pOverview, pSequential, 'p95 ≤ 50 ms'),
        row('  baseline: one query per metric, one after another (direct)', pSequential),
        row('GET /metrics/live (via app.inject)', pLive, pLiveSequential, 'p95 ≤ 10 ms'),
        row('  baseline: live metrics one after another (direct)', pLiveSequential),
      ],
    );
    printTable(
      'Each metric alone on the same project (peak memory: smallest max_memory_usage it runs under)',
      ['metric', 'store', 'p50 ms', 'p95 ms', 'peak memory'],
      await perMetric(stores, standard.scope, 30),
    );
    printTable(
      'Fixed cost of one ClickHouse query on chDB (ms)',
      ['query', 'p50 ms', 'p95 ms'],
      await fixedQueryCost(stores, REQUESTS),
    );
    await app.close();
    if (LARGE) await largeBench(stores);
    process.stdout.write(`\nProcess peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
  } finally {
    await Promise.allSettled([postgres.close(), analytics.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 10M events of one project among 40M: the target project sits between three others of the same size. */
async function largeBench(stores: Stores): Promise<void> {
  const started = performance.now();
  const others = Array.from({ length: LARGE_NEIGHBOURS }, () => crypto.randomUUID());
  const large = { users: 60_000, events: LARGE_EVENTS, days: 60, liveUsers: 8, eventsPerVisit: LARGE_EVENTS_PER_VISIT };
  if (others[0]) await writeSyntheticAnalytics(stores.analytics, { projectId: others[0], now: new Date(), ...large });
  const target = await project(stores, large);
  for (const projectId of others.slice(1))
    await writeSyntheticAnalytics(stores.analytics, { projectId, now: new Date(), ...large });
  const events = await countEvents(stores, target.scope.projectId);
  process.stderr.write(`large dataset written in ${Math.round((performance.now() - started) / 1000)} s\n`);
  // Measure the steady state: merged parts, not 40M fresh rows still being merged in the background.
  const merging = performance.now();
  for (const table of ['events', 'users', 'contact_channels', ...ROLLUP_TABLES.map((t) => t.split('.')[1])])
    await stores.analytics.command(`OPTIMIZE TABLE analytics_internal.${table} FINAL`);
  process.stderr.write(`merged in ${Math.round((performance.now() - merging) / 1000)} s\n`);
  const runs = Number(process.env.BENCH_LARGE_REQUESTS ?? 20);
  const baselineRuns = Math.min(runs, 5);
  const ranged = (range: RangeName): MetricScope => ({ ...target.scope, range: lastDays(range, new Date()) });
  const overview = await sample(runs, () => runMetrics(OVERVIEW_METRICS, stores, target.scope, new Date()));
  const overviewRaw = await sample(baselineRuns, () => rawOverview(stores, target.scope, new Date()));
  const rangeRows = [];
  for (const range of ['90d', '365d'] as const) {
    const rolled = await sample(runs, () => runMetrics(OVERVIEW_METRICS, stores, ranged(range), new Date()));
    const raw = await sample(baselineRuns, () => rawOverview(stores, ranged(range), new Date()));
    rangeRows.push(row(`overview, range=${range}`, rolled, raw, 'p95 ≤ 500 ms'), row('  baseline: raw events', raw));
  }
  const live = await sample(runs * 5, () => runMetrics(LIVE_METRICS, stores, target.scope, new Date()));
  const shape = large.eventsPerVisit > 1 ? `visits of ${large.eventsPerVisit} events` : 'events spread uniformly';
  printTable(
    `Metrics: ${events.project} events of one project in a ${events.table}-row events table (${large.users} users, ${shape}, direct calls, ${runs} runs, baselines ${baselineRuns})`,
    ['case', 'p50 ms', 'p95 ms', 'max ms', 'vs baseline (p50)', 'target'],
    [
      row(
        'all overview metrics, default range (runMetrics: one batched ClickHouse query)',
        overview,
        overviewRaw,
        'p95 ≤ 300 ms, ≥ 10×',
      ),
      row('  baseline: the rolled figures from the raw events', overviewRaw),
      ...rangeRows,
      row('live metrics', live),
    ],
  );
  printTable(
    `Events and rollup tables, all ${LARGE_NEIGHBOURS + 1} projects (merged)`,
    ['table', 'rows', 'MiB on disk'],
    await rollupSizes(stores),
  );
  printTable(
    'Each metric alone on the 10M-event project',
    ['metric', 'store', 'p50 ms', 'p95 ms', 'peak memory'],
    await perMetric(stores, target.scope, 5),
  );
  const peak = await peakMemoryBytes(stores, (limited) =>
    runMetrics(['daily_active_users_split'], limited, target.scope, new Date()),
  );
  process.stdout.write(
    `(check: daily_active_users_split peak memory re-measured: ${(peak / 2 ** 20).toFixed(1)} MiB)\n`,
  );
}

async function project(stores: Stores, size: Omit<SyntheticProject, 'projectId' | 'now'>) {
  const created = await createProject(stores.postgres.db, { displayName: 'Bench' });
  const spec = { projectId: created.project.id, now: new Date(), ...size };
  await writeSyntheticAnalytics(stores.analytics, spec);
  await writeSyntheticPostgres(stores.postgres, spec);
  const scope: MetricScope = {
    projectId: spec.projectId,
    branchId: DEFAULT_BRANCH,
    includeAnonymous: false,
    seedGeneration: FIRST_SEED_GENERATION,
  };
  return { scope, adminKey: created.adminKey };
}

async function sequentially(names: readonly (typeof OVERVIEW_METRICS)[number][], stores: Stores, scope: MetricScope) {
  const now = new Date();
  for (const name of names) await runMetrics([name], stores, scope, now);
}

async function rollupSizes(stores: Stores): Promise<(string | number)[][]> {
  const rows = await stores.analytics.query<{ table: string; rows: number; bytes: number }>(
    `SELECT table, sum(rows) AS rows, sum(bytes_on_disk) AS bytes FROM system.parts
     WHERE database = 'analytics_internal' AND active AND table IN {tables:Array(String)} GROUP BY table ORDER BY table`,
    { tables: ['events', ...ROLLUP_TABLES.map((t) => t.split('.')[1]!)] },
  );
  return rows.map((r) => [r.table, Number(r.rows), (Number(r.bytes) / 2 ** 20).toFixed(1)]);
}

async function countEvents(stores: Stores, projectId: string) {
  const [row] = await stores.analytics.query<{ table: number; project: number }>(
    'SELECT count() AS table, countIf(project_id = {projectId:String}) AS project FROM analytics_internal.events',
    { projectId },
  );
  if (!row) throw new Error('count() returned no row');
  return row;
}

function row(name: string, s: Samples, baseline?: Samples, target = ''): (string | number)[] {
  const ratio = baseline ? `${(baseline.p50 / s.p50).toFixed(2)}× faster` : '';
  return [name, s.p50.toFixed(1), s.p95.toFixed(1), s.max.toFixed(1), ratio, target];
}
