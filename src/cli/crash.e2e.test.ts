// The crash suite: `kill -9` of a real `pulse serve` (embedded stores, one data dir) at named points of
// preview creation and reseed (PULSE_TEST_CRASH_POINT) and at fixed-seed random moments of a preview
// creation, a reseed and an ingestion burst running together. After the last restart the stores open,
// every acknowledged (202) event is there exactly once, ClickHouse holds no row of a project Postgres
// lacks, and every project has exactly one seed generation of events, all of its mirrored users.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsProjectIds, seedGenerationsInEvents } from '../analytics/project-data.js';
import { loadConfig } from '../config.js';
import type { CrashPoint } from '../crash-point.js';
import { listProjects } from '../db/projects.js';
import { selectRows } from '../db/store.js';
import { openStores, type OpenedStores } from '../stores.js';
import { freePort, killStrayPulses, runPulse, startPulse, waitUntilReady, type Running } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-crash-');
const env = { PULSE_DATA_DIR: temp.dir, PULSE_PREVIEW_SPARES: '0', PULSE_PREVIEW_RATE_LIMIT: '1000' };
afterAll(() => {
  killStrayPulses();
  temp.remove();
});

/** mulberry32: the kill moments are random but the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Server {
  running: Running;
  base: string;
}

async function serve(extra: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const running = startPulse(['serve'], { ...env, ...extra, PORT: String(port) });
  await waitUntilReady(running, port, 90_000);
  return { running, base: `http://127.0.0.1:${port}/api/v1` };
}

async function killed(server: Server): Promise<void> {
  server.running.child.kill('SIGKILL');
  expect((await server.running.exited).code).toBeNull();
}

const post = (url: string, key?: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: {
      ...(key && { authorization: `Bearer ${key}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

interface Preview {
  project_id: string;
  admin_key: string;
  seeded: { events: number; live_events: number };
}

let preview: Preview;
let ingest: { id: string; key: string };
/** Paths of the page views sent, and of those acknowledged with a 202. */
const sent = new Set<string>();
const acknowledged = new Set<string>();
let burst = 0;

/** A burst of ingestion requests, ten page views each with its own path; records the 202s. */
function ingestionBurst(server: Server, requests: number): Promise<unknown> {
  return Promise.allSettled(
    Array.from({ length: requests }, async () => {
      const paths = Array.from({ length: 10 }, (_, i) => `/crash/${burst}/${i}`);
      burst++;
      paths.forEach((p) => sent.add(p));
      const response = await post(`${server.base}/projects/${ingest.id}/events`, ingest.key, {
        events: paths.map((path) => ({ event_type: '$page-view', user_id: null, data: { path, referrer: '' } })),
      });
      if (response.status === 202) paths.forEach((p) => acknowledged.add(p));
    }),
  );
}

beforeAll(async () => {
  const created = await runPulse(['projects', 'create', '--name', 'Crash ingestion', '--json'], env);
  expect(created.code).toBe(0);
  const project = JSON.parse(created.stdout) as { id: string; ingest_key: string };
  ingest = { id: project.id, key: project.ingest_key };
  const server = await serve();
  try {
    const response = await post(`${server.base}/preview/projects`, undefined, { size: 'tiny' });
    expect(response.status).toBe(201);
    preview = (await response.json()) as Preview;
    await ingestionBurst(server, 5);
    expect(acknowledged.size).toBe(50);
  } finally {
    server.running.child.kill('SIGTERM');
    await server.running.exited;
  }
}, 180_000);

describe('kill -9 of pulse serve', () => {
  const points: [CrashPoint, (s: Server) => Promise<unknown>][] = [
    ['create:before-commit', (s) => post(`${s.base}/preview/projects`, undefined, { size: 'tiny' })],
    ['reseed:before-commit', (s) => post(`${s.base}/projects/${preview.project_id}/reseed`, preview.admin_key)],
    ['reseed:after-commit', (s) => post(`${s.base}/projects/${preview.project_id}/reseed`, preview.admin_key)],
  ];
  it.each(points)(
    'at %s: the process dies there',
    async (point, trigger) => {
      const server = await serve({ PULSE_TEST_CRASH_POINT: point });
      await expect(trigger(server)).rejects.toThrow();
      expect((await server.running.exited).code).toBeNull();
    },
    120_000,
  );

  it.each([1, 2])(
    'at a random moment of a creation, a reseed and an ingestion burst (seed %i)',
    async (seed) => {
      const next = random(seed);
      const server = await serve();
      const work = Promise.allSettled([
        post(`${server.base}/preview/projects`, undefined, { size: 'standard' }),
        post(`${server.base}/projects/${preview.project_id}/reseed`, preview.admin_key),
        ingestionBurst(server, 30),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(next() * 1_500)));
      await killed(server);
      await work;
    },
    120_000,
  );

  describe('after a restart (which repairs) and a clean stop', () => {
    let stores: OpenedStores;
    beforeAll(async () => {
      const server = await serve();
      server.running.child.kill('SIGTERM');
      expect((await server.running.exited).code).toBe(0);
      stores = await openStores(loadConfig(env), { command: 'crash suite' });
    }, 180_000);
    afterAll(() => stores?.close());

    it('ClickHouse holds no row of a project Postgres does not have', async () => {
      const projects = new Set((await listProjects(stores.postgres.db)).map((p) => p.id));
      expect((await analyticsProjectIds(stores.analytics)).filter((id) => !projects.has(id))).toEqual([]);
    });

    it("every project's seeded events are of its current generation, and every preview is whole", async () => {
      const generations = await seedGenerationsInEvents(stores.analytics);
      for (const project of await listProjects(stores.postgres.db)) {
        if (!project.isPreview) continue;
        expect(generations.get(project.id)).toEqual([project.seedGeneration]);
        const [postgresUsers] = await selectRows<{ n: number }>(
          stores.postgres.db,
          sql`SELECT count(*)::int AS n FROM users WHERE project_id = ${project.id}`,
        );
        const [mirror] = await stores.analytics.query<{ n: number }>(
          `SELECT count() AS n FROM analytics_internal.users FINAL WHERE project_id = {p:String} AND sync_is_deleted = 0`,
          { p: project.id },
        );
        expect(Number(mirror!.n)).toBe(postgresUsers!.n);
        expect(postgresUsers!.n).toBeGreaterThan(0);
      }
      // The preview reseeded (and killed) four times has exactly one dataset.
      const [events] = await stores.analytics.query<{ n: number }>(
        `SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String}`,
        { p: preview.project_id },
      );
      expect(Number(events!.n)).toBe(preview.seeded.events + preview.seeded.live_events);
    });

    it('every acknowledged event is there exactly once, and no event twice', async () => {
      const rows = await stores.analytics.query<{ path: string; n: number }>(
        `SELECT JSONExtractString(data_text, 'path') AS path, count() AS n FROM analytics_internal.events
         WHERE project_id = {p:String} GROUP BY path`,
        { p: ingest.id },
      );
      const counts = new Map(rows.map((r) => [r.path, Number(r.n)]));
      expect([...acknowledged].filter((p) => counts.get(p) !== 1)).toEqual([]);
      expect(rows.filter((r) => Number(r.n) > 1 || !sent.has(r.path))).toEqual([]);
      expect(acknowledged.size).toBeGreaterThanOrEqual(50);
    });
  });
});
