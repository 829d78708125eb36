// The overview of a watched preview stays alive: with polling for 3 (simulated) minutes, live users never
// drop to 0 and stay believable, nothing is dated after now; once polling stops, emission stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { eventsAfter, liveUsersAt } from '../../test/preview-queries.js';
import { createPreviewProject, DEFAULT_PREVIEW_SEED } from '../create-preview-project.js';
import { PreviewKeepAlive, TICK_MS, WATCH_TIMEOUT_MS } from './keep-alive.js';
import { liveCandidates } from '../generate/live-candidates.js';
import { plannedLiveUsers } from './keep-alive-plan.js';
import { loadGenerator } from '../generate/load.js';
import { deleteProjects, setSeedGeneration } from '../../db/projects.js';
import { formatEventAt } from '../../events/event-rows.js';

const POLL_MS = 4_000;
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.close());

/** A tiny preview created at `now`, expiring an hour later. */
const tinyPreview = (now: Date) =>
  createPreviewProject(t, {
    now,
    params: { size: 'tiny' },
    isPreview: true,
    expiresAt: new Date(now.getTime() + 3_600_000),
  });

describe('preview keep-alive', () => {
  it('keeps live users between 1 and 12 while polled, never dated after now, and stops after polling stops', async () => {
    const stores = t;
    let now = new Date(Date.now() - 30 * 60_000);
    const created = await tinyPreview(now);
    const keepAlive = new PreviewKeepAlive(stores, { clock: () => now });
    const live: number[] = [];
    for (let elapsed = 0; elapsed <= 3 * 60_000; elapsed += POLL_MS) {
      now = new Date(created.createdAt.getTime() + elapsed);
      await keepAlive.touch(created.projectId);
      if (elapsed % TICK_MS < POLL_MS) await keepAlive.tick();
      live.push((await liveUsersAt(t.analytics, created.projectId, now)).users);
      expect(await eventsAfter(t.analytics, created.projectId, now)).toBe(0);
    }
    expect(Math.min(...live)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...live)).toBeLessThanOrEqual(12);
    // Past the seeded live events' 120 s, only the keep-alive holds the count up.
    expect(live.at(-1)).toBeGreaterThanOrEqual(3);

    const lastPoll = now.getTime();
    const emittedAfter: number[] = [];
    for (let elapsed = TICK_MS; elapsed <= WATCH_TIMEOUT_MS + 2 * TICK_MS; elapsed += TICK_MS) {
      now = new Date(lastPoll + elapsed);
      emittedAfter.push(await keepAlive.tick());
    }
    expect(emittedAfter.slice(-2)).toEqual([0, 0]);
    expect(keepAlive.watching()).toEqual([]);
  });

  it('uses the candidates handed over at creation, the same the dataset gives, without regenerating it', async () => {
    const stores = t;
    let now = new Date(Date.now() - 10 * 60_000);
    const created = await tinyPreview(now);
    // What prime receives equals what a regeneration from the stored parameters gives.
    const regenerated = liveCandidates(
      (await loadGenerator())({
        projectId: created.projectId,
        now: created.createdAt,
        seed: DEFAULT_PREVIEW_SEED,
        size: 'tiny',
      }),
    );
    expect(created.live.candidates).toEqual(regenerated);
    // Primed with one user only: after the seeded live events have aged out, that user is who comes online.
    const keepAlive = new PreviewKeepAlive(stores, { clock: () => now });
    const [only] = created.live.candidates;
    keepAlive.prime(created.projectId, [only!]);
    now = new Date(created.createdAt.getTime() + 5 * 60_000);
    await keepAlive.touch(created.projectId);
    expect(await keepAlive.tick()).toBe(1);
    expect(await liveUsersAt(t.analytics, created.projectId, now)).toEqual({
      users: 1,
      countries: [only!.ipInfo.country_code],
    });
  });

  it("writes under the project's current seed generation, and nothing more once the project is gone", async () => {
    const stores = t;
    let now = new Date(Date.now() - 10 * 60_000);
    const created = await tinyPreview(now);
    const keepAlive = new PreviewKeepAlive(stores, { clock: () => now });
    keepAlive.prime(created.projectId, created.live.candidates.slice(0, 1));
    now = new Date(created.createdAt.getTime() + 5 * 60_000);
    await keepAlive.touch(created.projectId);
    // A reseed committed since the first poll: its generation is the one the overview counts.
    await setSeedGeneration(t.postgres.db, created.projectId, 2);
    expect(await keepAlive.tick()).toBe(1);
    const written = await t.analytics.query<{ seeded: number }>(
      `SELECT seeded FROM analytics_internal.events WHERE project_id = {p:String} AND event_at > {since:DateTime64(3, 'UTC')}`,
      { p: created.projectId, since: formatEventAt(new Date(now.getTime() - 1)) },
    );
    expect(written).toEqual([{ seeded: 2 }]);

    await deleteProjects(t.postgres.db, [created.projectId]);
    now = new Date(now.getTime() + 3 * 60_000);
    expect(await keepAlive.tick()).toBe(0);
    expect(keepAlive.watching()).not.toContain(created.projectId);
    expect(await eventsAfter(t.analytics, created.projectId, new Date(now.getTime() - 60_000))).toBe(0);
  });

  it('ignores projects that are not previews', async () => {
    const keepAlive = new PreviewKeepAlive(t);
    await keepAlive.touch('00000000-0000-4000-8000-000000000000');
    expect(keepAlive.watching()).toEqual([]);
  });
});

describe('plannedLiveUsers', () => {
  const candidates = ['US', 'US', 'GB', 'DE', 'JP', 'IN', 'BR', 'CA', 'FR', 'AU'].map((cc, i) => ({
    userId: `user-${i}`,
    ipInfo: {
      ip: '1.1.1.1',
      is_trusted: true,
      country_code: cc,
      region_code: null,
      city_name: null,
      latitude: null,
      longitude: null,
      tz_identifier: null,
    },
  }));

  it('is deterministic per project and minute, 4–8 users, over several countries', () => {
    const a = plannedLiveUsers('p1', 100, candidates);
    expect(plannedLiveUsers('p1', 100, candidates)).toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(4);
    expect(a.length).toBeLessThanOrEqual(8);
    expect(new Set(a.map((c) => c.ipInfo.country_code)).size).toBe(a.length);
    const minutes = Array.from({ length: 20 }, (_, m) =>
      plannedLiveUsers('p1', m, candidates)
        .map((c) => c.userId)
        .join(),
    );
    expect(new Set(minutes).size).toBeGreaterThan(1);
  });
});

describe('liveCandidates', () => {
  it("is each non-anonymous user's latest located `$token-refresh` among the dataset's events, in order of first appearance", async () => {
    const d = (await loadGenerator())({
      projectId: 'candidates',
      now: new Date('2026-11-28T17:00:00Z'),
      seed: DEFAULT_PREVIEW_SEED,
      size: 'standard',
    });
    const anonymous = new Set(d.users.filter((u) => u.isAnonymous).map((u) => u.id));
    const fromEvents = new Map<string, unknown>();
    for (const e of [...d.events, ...d.liveEvents]) {
      const ipInfo = (e.data as { ip_info?: unknown }).ip_info;
      if (e.event_type === '$token-refresh' && e.user_id && ipInfo && !anonymous.has(e.user_id))
        fromEvents.set(e.user_id, { userId: e.user_id, ipInfo });
    }
    expect(fromEvents.size).toBeGreaterThan(400);
    expect(liveCandidates(d)).toEqual([...fromEvents.values()]);
  });
});
