// `npm run bench -- ingest`: events/s through real loopback HTTP (app.listen on 127.0.0.1), 500-event
// batches, CONCURRENCY requests in flight, a fixed number of requests. Pulse as served (buffered writer:
// one INSERT carries many requests) vs the baseline in the same run: one INSERT per request. Every
// request must answer 202, and ClickHouse must hold exactly the events sent.
import crypto from 'node:crypto';
import { insertEvents } from '../src/analytics/insert-events.js';
import type { AnalyticsStore } from '../src/analytics/store.js';
import { buildApp } from '../src/http/app.js';
import { createEventBuffer, type EventBuffer } from '../src/ingest/buffer.js';
import { createProject } from '../src/projects/create-project.js';
import { openBenchStores } from './embedded-stores.js';
import { printTable } from './stats.js';

const BATCH = 500;
const REQUESTS = Number(process.env.BENCH_INGEST_REQUESTS ?? 400);
const CONCURRENCY = 32;
const BODY_POOL = 50;
const PATHS = ['/', '/pricing', '/docs', '/blog', '/signup', '/dashboard', '/settings'];

interface Run {
  events: number;
  ms: number;
  stored: number;
}

export async function ingestBench(): Promise<void> {
  const stores = await openBenchStores();
  try {
    const buffered = createEventBuffer({ write: (rows) => insertEvents(stores.analytics, rows) });
    const perRequest: EventBuffer = {
      add: (rows) => insertEvents(stores.analytics, rows),
      flush: async () => {},
      close: async () => {},
    };
    // Warm-up (JIT, first parts) on the served configuration, not counted.
    await run(stores, buffered, Math.min(40, REQUESTS));
    const served = await run(stores, buffered, REQUESTS);
    const baseline = await run(stores, perRequest, REQUESTS);
    await buffered.close();
    const rate = (r: Run) => r.events / (r.ms / 1000);
    printTable(
      `Ingestion over HTTP: ${REQUESTS} × ${BATCH}-event batches, ${CONCURRENCY} in flight (PGlite + chDB, loopback)`,
      ['writer', 'events', 'stored', 'ms', 'events/s', 'speed-up', 'target'],
      [
        [
          'buffered (serve)',
          served.events,
          served.stored,
          Math.round(served.ms),
          Math.round(rate(served)),
          `${(rate(served) / rate(baseline)).toFixed(1)}×`,
          '≥ 100,000 events/s',
        ],
        [
          '  baseline: one INSERT per request',
          baseline.events,
          baseline.stored,
          Math.round(baseline.ms),
          Math.round(rate(baseline)),
          '',
          '',
        ],
      ],
    );
  } finally {
    await stores.close();
  }
}

async function run(
  stores: Awaited<ReturnType<typeof openBenchStores>>,
  eventBuffer: EventBuffer,
  requests: number,
): Promise<Run> {
  const project = await createProject(stores.postgres.db, { displayName: 'ingest bench' });
  const app = await buildApp({ stores, eventBuffer });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}/api/v1/projects/${project.project.id}/events`;
  const headers = { authorization: `Bearer ${project.ingestKey}`, 'content-type': 'application/json' };
  // Bodies are built (and encoded: a string body is re-encoded to UTF-8 on every send) before the clock
  // starts: client and server share the machine's cores.
  const bodies = Array.from({ length: Math.min(requests, BODY_POOL) }, () => Buffer.from(batchBody()));
  try {
    let next = 0;
    const started = performance.now();
    const client = async () => {
      while (next < requests) {
        const body = bodies[next++ % bodies.length]!;
        const res = await fetch(url, { method: 'POST', headers, body });
        if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    const ms = performance.now() - started;
    return { events: requests * BATCH, ms, stored: await stored(stores.analytics, project.project.id) };
  } finally {
    await app.close();
  }
}

/** A realistic body: distinct users, several paths, times spread over the last minute. */
function batchBody(): string {
  const now = Date.now();
  const events = Array.from({ length: BATCH }, (_, i) => ({
    event_type: '$page-view',
    event_at: new Date(now - ((i * 97) % 60_000)).toISOString(),
    user_id: crypto.randomUUID(),
    data: {
      path: PATHS[i % PATHS.length],
      referrer: i % 3 === 0 ? '' : 'https://google.com/',
      title: 'Pulse',
      viewport_width: 1280,
      viewport_height: 800,
    },
  }));
  return JSON.stringify({ events });
}

async function stored(analytics: AnalyticsStore, projectId: string): Promise<number> {
  const rows = await analytics.query<{ n: number }>(
    'SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String}',
    { p: projectId },
  );
  return Number(rows[0]?.n ?? 0);
}
