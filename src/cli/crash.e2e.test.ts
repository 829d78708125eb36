// The crash suite: `kill -9` of a real `pulse serve` (embedded stores, one data dir) at named points of
// preview creation and reseed (PULSE_TEST_CRASH_POINT) and at fixed-seed random moments of a preview
// creation, a reseed, an ingestion burst and a sync backfill of new users running together; and of
// `pulse seed` (at its creation's crash point, and at a random moment of a large seed). After the last
// restart the stores open, every acknowledged (202) event is there exactly once, ClickHouse holds no row
// of a project Postgres lacks, every preview has exactly one seed generation of events, and every
// project's mirrored users are its Postgres users once the sync has caught up.
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
let ingest: { id: string; key: string; admin: string };
/** Paths of the page views sent, and of those acknowledged with a 202. */
const sent = new Set<string>();
const acknowledged = new Set<string>();
let burst = 0;
/** Users created with a 201. */
let usersAcknowledged = 0;

/** New users through the admin API: each write wakes the sync, which mirrors them while the kill comes. */
function userBurst(server: Server, users: number): Promise<unknown> {
  return Promise.allSettled(
    Array.from({ length: users }, async (_, i) => {
      const response = await post(`${server.base}/projects/${ingest.id}/users`, ingest.admin, {
        display_name: `crash user ${i}`,
      });
      if (response.status === 201) usersAcknowledged++;
    }),
  );
}

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
  const project = JSON.parse(created.stdout) as { id: string; ingest_key: string; admin_key: string };
  ingest = { id: project.id, key: project.ingest_key, admin: project.admin_key };
  const server = await serve();
  try {
    const response = await post(`${server.base}/preview/projects`, undefined, { size: 'tiny' });
    expect(response.status).toBe(201);
    preview = (await response.json()) as Preview;
    await ingestionBurst(server, 5);
    expect(acknowledged.size).toBe(50);
    await userBurst(server, 5);
    expect(usersAcknowledged).toBe(5);
  } finally {
    server.running.child.kill('SIGTERM');
    await server.running.exited;
  }
}, 180_000);

describe('kill -9 of pulse serve', () => {
  const points: [CrashPoint, (s: Server) => Promise<unknown>][] = [
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

  // create:before-commit, repaired by `pulse previews prune` (the serve starts after each crash repair the rest).
  it('at create:before-commit: the process dies there, and pulse previews prune removes what it left', async () => {
    const server = await serve({ PULSE_TEST_CRASH_POINT: 'create:before-commit' });
    await expect(post(`${server.base}/preview/projects`, undefined, { size: 'tiny' })).rejects.toThrow();
    expect((await server.running.exited).code).toBeNull();
    const pruned = await runPulse(['previews', 'prune'], env);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('removed the ClickHouse rows of 1 project(s) Postgres does not have');
  }, 120_000);

  it.each([1, 2])(
    'at a random moment of a creation, a reseed, an ingestion burst and a sync backfill (seed %i)',
    async (seed) => {
      const next = random(seed);
      const server = await serve();
      const work = Promise.allSettled([
        post(`${server.base}/preview/projects`, undefined, { size: 'standard' }),
        post(`${server.base}/projects/${preview.project_id}/reseed`, preview.admin_key),
        ingestionBurst(server, 30),
        userBurst(server, 40),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(next() * 1_500)));
      await killed(server);
      await work;
    },
    120_000,
  );
});

describe('kill -9 of pulse seed', () => {
  it('at create:before-commit: the command dies there (the restart below repairs what it left)', async () => {
    const seeded = await runPulse(['seed', '--size', 'tiny'], {
      ...env,
      PULSE_TEST_CRASH_POINT: 'create:before-commit',
    });
    expect(seeded.code).toBeNull();
  }, 120_000);

  it('at a random moment of a large seed (seed 3)', async () => {
    const seeding = startPulse(['seed', '--size', 'large'], env);
    await new Promise((resolve) => setTimeout(resolve, 1_500 + Math.floor(random(3)() * 2_500)));
    seeding.child.kill('SIGKILL');
    expect((await seeding.exited).code).toBeNull();
  }, 120_000);
});

describe('after the kills, a restart (which repairs) and a clean stop', () => {
  let stores: OpenedStores;
  beforeAll(async () => {
    const server = await serve();
    // The sync catches up with the users whose mirroring the kills interrupted.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const response = await fetch(`${server.base}/projects/${ingest.id}/sync`, {
        headers: { authorization: `Bearer ${ingest.admin}` },
      });
      const status = (await response.json()) as Record<string, { rows_behind: number }>;
      if (Object.values(status).every((m) => m.rows_behind === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    server.running.child.kill('SIGTERM');
    expect((await server.running.exited).code).toBe(0);
    stores = await openStores(loadConfig(env), { command: 'crash suite' });
  }, 180_000);
  afterAll(() => stores?.close());

  it('ClickHouse holds no row of a project Postgres does not have', async () => {
    const projects = new Set((await listProjects(stores.postgres.db)).map((p) => p.id));
    expect((await analyticsProjectIds(stores.analytics)).filter((id) => !projects.has(id))).toEqual([]);
  });

  it("every preview's seeded events are of its current generation, and every project's users are mirrored", async () => {
    const generations = await seedGenerationsInEvents(stores.analytics);
    for (const project of await listProjects(stores.postgres.db)) {
      if (project.isPreview) expect(generations.get(project.id)).toEqual([project.seedGeneration]);
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
      if (project.id === ingest.id) expect(postgresUsers!.n).toBeGreaterThanOrEqual(usersAcknowledged);
    }
    // The preview reseeded again and again, and killed mid-way, has exactly one dataset.
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
