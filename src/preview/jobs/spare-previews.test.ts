// Spare previews through HTTP on embedded stores: a spare is as complete as a preview seeded on request
// (same counts, 8 live users in 8 countries now, nothing dated after the hand-out), is kept live while it
// waits (so its hand-out writes nothing), is retired once old, goes to exactly one visitor, and is never
// handed out once it is about to expire.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getProject } from '../../db/projects.js';
import { formatEventAt, parseEventAt, tokenRefreshEvent } from '../../events/event-rows.js';
import type { PreviewOptions } from '../../http/routes/preview-projects.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { analyticsCounts, eventsAfter, liveUsersAt, postgresCounts } from '../../test/preview-queries.js';
import {
  createSparePreviews,
  movedForward,
  REFRESH_EVERY_MS,
  STILL_LIVE_MS,
  type SparePreviewOptions,
  type SparePreviews,
} from './spare-previews.js';

const LIVE_COUNTRIES = ['AU', 'BR', 'CA', 'DE', 'GB', 'IN', 'JP', 'US'];
const TTL_MS = 3_600_000;

let t: TestApp;
const preview: PreviewOptions = { enabled: true, ttlMs: TTL_MS, ratePerMinute: 1_000 };
beforeAll(async () => {
  t = await openTestApp({ preview });
});
afterAll(async () => {
  await preview.spares?.stop();
  await t?.close();
});

const stores = () => t;
const create = () => t.app.inject({ method: 'POST', url: '/api/v1/preview/projects' });

// The spares' clock: the test moves it forward instead of waiting.
let shiftMs = 0;
const clock = () => new Date(Date.now() + shiftMs);

/** Spares on the test's clock, a wait for `count` of them told by their own log (no polling), and the
 *  ids the log says were seeded and retired. */
function spares(options: Omit<SparePreviewOptions, 'logger' | 'clock'>): {
  spares: SparePreviews;
  filled: (count: number) => Promise<void>;
  seeded: string[];
  retired: string[];
} {
  const waiting: { count: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  const seeded: string[] = [];
  const retired: string[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { level: number; msg: string; ready?: number; projectId?: string };
        if (entry.msg === 'spare preview retired') retired.push(entry.projectId!);
        if (entry.msg === 'spare preview ready') {
          seeded.push(entry.projectId!);
          for (const w of waiting.filter((w) => entry.ready! >= w.count)) w.resolve();
        } else if (entry.level >= 40) for (const w of waiting) w.reject(new Error(entry.msg));
      },
    },
  );
  const created = createSparePreviews(stores(), { ...options, logger, clock });
  return {
    spares: created,
    seeded,
    retired,
    filled: (count) => {
      const ready = new Promise<void>((resolve, reject) => waiting.push({ count, resolve, reject }));
      created.start();
      return created.ready() >= count ? Promise.resolve() : ready;
    },
  };
}

describe('spare previews', () => {
  it('hands out a complete preview: counts, 8 live users in 8 countries now, nothing after the hand-out', async () => {
    const made = spares({ size: 1, ttlMs: TTL_MS, refillDelayMs: 0 });
    preview.spares = made.spares;
    await made.filled(1);
    // The spare waits 90 s, so its live events must be moved forward to be live at the hand-out.
    shiftMs += 90_000;
    const before = clock().getTime();
    const res = await create();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.from_spare).toBe(true);
    expect(body.seeded).toMatchObject({ users: 586, teams: 8, contact_channels: 586, live_events: 8 });
    expect(new Date(body.expires_at).getTime()).toBeGreaterThanOrEqual(before + TTL_MS);
    const handedOut = clock();
    expect(await analyticsCounts(t.analytics, body.project_id)).toMatchObject({
      users: 586,
      non_anonymous_users: 584,
      teams: 8,
      contact_channels: 586,
      max_sequence: 0,
    });
    expect(await postgresCounts(t.postgres.db, body.project_id)).toMatchObject({
      projects: 1,
      users: 586,
      api_keys: 2,
    });
    expect(await liveUsersAt(t.analytics, body.project_id, handedOut)).toEqual({ users: 8, countries: LIVE_COUNTRIES });
    // Still live a minute on: the seeded ones (90 s old then) would not be, the moved ones are.
    expect(await liveUsersAt(t.analytics, body.project_id, new Date(handedOut.getTime() + 60_000))).toEqual({
      users: 8,
      countries: LIVE_COUNTRIES,
    });
    expect(await eventsAfter(t.analytics, body.project_id, handedOut)).toBe(0);
    const project = await t.app.inject({
      method: 'GET',
      url: `/api/v1/projects/${body.project_id}`,
      headers: { authorization: `Bearer ${body.admin_key}` },
    });
    expect(project.json()).toMatchObject({ is_preview: true, expires_at: body.expires_at });
  });

  it('keeps the live events of a spare handed out within a minute: live now and a minute on, not written twice', async () => {
    await preview.spares!.stop();
    const made = spares({ size: 1, ttlMs: TTL_MS, refillDelayMs: 0 });
    preview.spares = made.spares;
    await made.filled(1);
    shiftMs += STILL_LIVE_MS / 2;
    const body = (await create()).json();
    expect(body.from_spare).toBe(true);
    const handedOut = clock();
    for (const at of [handedOut, new Date(handedOut.getTime() + 60_000)])
      expect(await liveUsersAt(t.analytics, body.project_id, at)).toEqual({ users: 8, countries: LIVE_COUNTRIES });
    const [refreshes] = await t.analytics.query<{ n: number }>(
      `SELECT count() AS n FROM analytics_internal.events
       WHERE project_id = {p:String} AND event_type = '$token-refresh' AND event_at > {since:DateTime64(3, 'UTC')}`,
      { p: body.project_id, since: (handedOut.getTime() - 120_000) / 1000 },
    );
    expect(Number(refreshes!.n)).toBe(8);
  });

  it('keeps a waiting spare live: refreshed in the background, handed out after 90 s with nothing to write', async () => {
    await preview.spares!.stop();
    const made = spares({ size: 1, ttlMs: TTL_MS, refillDelayMs: 0 });
    preview.spares = made.spares;
    await made.filled(1);
    shiftMs += REFRESH_EVERY_MS + 5_000;
    await made.spares.refresh();
    const refreshedAt = clock();
    shiftMs += 90_000 - (REFRESH_EVERY_MS + 5_000);
    const body = (await create()).json();
    expect(body.from_spare).toBe(true);
    const handedOut = clock();
    for (const at of [handedOut, new Date(handedOut.getTime() + 60_000)])
      expect(await liveUsersAt(t.analytics, body.project_id, at)).toEqual({ users: 8, countries: LIVE_COUNTRIES });
    const refreshesBetween = async (from: Date, to: Date) =>
      Number(
        (
          await t.analytics.query<{ n: number }>(
            `SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String}
             AND event_type = '$token-refresh' AND event_at > {from:DateTime64(3, 'UTC')} AND event_at <= {to:DateTime64(3, 'UTC')}`,
            { p: body.project_id, from: from.getTime() / 1000, to: to.getTime() / 1000 },
          )
        )[0]!.n,
      );
    // The refresh wrote the 8 (dated up to 4 s before it); the hand-out, 40 s later, wrote none.
    expect(await refreshesBetween(new Date(refreshedAt.getTime() - 10_000), refreshedAt)).toBe(8);
    expect(await refreshesBetween(refreshedAt, handedOut)).toBe(0);
  });

  it('refreshes on its own timer once started', async () => {
    await preview.spares!.stop();
    const made = spares({ size: 1, ttlMs: TTL_MS, refillDelayMs: 0, refreshEveryMs: 100 });
    preview.spares = made.spares;
    await made.filled(1);
    const [id] = made.seeded;
    shiftMs += 90_000;
    const since = clock();
    // The timer's next round writes the spare's live events, dated up to 4 s before it.
    await vi.waitFor(
      async () =>
        expect(await liveUsersAt(t.analytics, id!, new Date(since.getTime() + 110_000))).toEqual({
          users: 8,
          countries: LIVE_COUNTRIES,
        }),
      { timeout: 5_000, interval: 100 },
    );
  });

  it('retires a spare older than its maximum age: it expires now, and another is seeded and handed out', async () => {
    await preview.spares!.stop();
    const made = spares({ size: 1, ttlMs: TTL_MS, refillDelayMs: 0, maxAgeMs: 10 * 60_000 });
    preview.spares = made.spares;
    await made.filled(1);
    const [old] = made.seeded;
    shiftMs += 10 * 60_000 + 1_000;
    await made.spares.refresh();
    expect(made.retired).toEqual([old]);
    expect((await getProject(t.postgres.db, old!))!.expiresAt!.getTime()).toBeLessThanOrEqual(clock().getTime());
    await made.filled(1);
    const body = (await create()).json();
    expect(body.from_spare).toBe(true);
    expect(body.project_id).toBe(made.seeded[1]);
    expect(body.project_id).not.toBe(old);
  });

  it('gives one spare to one visitor: concurrent requests get distinct projects, the others seeded on request', async () => {
    await preview.spares!.stop();
    const made = spares({ size: 1, ttlMs: TTL_MS, refillDelayMs: 0 });
    preview.spares = made.spares;
    await made.filled(1);
    const bodies = (await Promise.all([create(), create(), create()])).map((r) => r.json());
    expect(new Set(bodies.map((b) => b.project_id)).size).toBe(3);
    expect(bodies.filter((b) => b.from_spare)).toHaveLength(1);
  });

  it('does not hand out a spare that is about to expire', async () => {
    await preview.spares!.stop();
    const made = spares({ size: 1, ttlMs: TTL_MS, refillDelayMs: 0 });
    preview.spares = made.spares;
    await made.filled(1);
    // The spare has waited until 30 s before its expiry: too close to be handed out.
    shiftMs += TTL_MS - 30_000;
    expect(await preview.spares.take()).toBeUndefined();
  });
});

describe('movedForward', () => {
  it('moves live events by the time the spare waited, and never backwards', () => {
    const at = new Date('2026-11-28T10:00:00.000Z');
    const [event] = [
      tokenRefreshEvent(
        { projectId: 'p', branchId: 'main' },
        { at, userId: 'u', refreshTokenId: 'r', isAnonymous: false, ipInfo: null },
      ),
    ];
    expect(parseEventAt(movedForward([event!], 90_000)[0]!.event_at)).toEqual(new Date('2026-11-28T10:01:30.000Z'));
    expect(movedForward([event!], -5_000)[0]!.event_at).toBe(formatEventAt(at));
  });
});
