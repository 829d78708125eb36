// Spare previews through HTTP on embedded stores: a spare is as complete as a preview seeded on request
// (same counts, 8 live users in 8 countries now, nothing dated after the hand-out), goes to exactly one
// visitor, and is never handed out once it is about to expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEventAt, parseEventAt, tokenRefreshEvent } from '../../events/event-rows.js';
import type { PreviewOptions } from '../../http/routes/preview-projects.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { analyticsCounts, eventsAfter, liveUsersAt, postgresCounts } from '../../test/preview-queries.js';
import { createSparePreviews, movedForward, type SparePreviews } from './spare-previews.js';

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

async function filled(spares: SparePreviews, count: number): Promise<void> {
  spares.start();
  for (let waited = 0; spares.ready() < count; waited += 50) {
    if (waited > 60_000) throw new Error('spares were not seeded within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('spare previews', () => {
  it('hands out a complete preview: counts, 8 live users in 8 countries now, nothing after the hand-out', async () => {
    preview.spares = createSparePreviews(stores(), { size: 1, ttlMs: TTL_MS, refillDelayMs: 0 });
    await filled(preview.spares, 1);
    // Let the spare age, so its live events must be moved forward to be live at the hand-out.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = Date.now();
    const res = await create();
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.from_spare).toBe(true);
    expect(body.seeded).toMatchObject({ users: 586, teams: 8, contact_channels: 586, live_events: 8 });
    expect(new Date(body.expires_at).getTime()).toBeGreaterThanOrEqual(before + TTL_MS);
    const handedOut = new Date();
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
    expect(await eventsAfter(t.analytics, body.project_id, handedOut)).toBe(0);
    const project = await t.app.inject({
      method: 'GET',
      url: `/api/v1/projects/${body.project_id}`,
      headers: { authorization: `Bearer ${body.admin_key}` },
    });
    expect(project.json()).toMatchObject({ is_preview: true, expires_at: body.expires_at });
  });

  it('gives one spare to one visitor: concurrent requests get distinct projects, the others seeded on request', async () => {
    await preview.spares!.stop();
    preview.spares = createSparePreviews(stores(), { size: 1, ttlMs: TTL_MS, refillDelayMs: 0 });
    await filled(preview.spares, 1);
    const bodies = (await Promise.all([create(), create(), create()])).map((r) => r.json());
    expect(new Set(bodies.map((b) => b.project_id)).size).toBe(3);
    expect(bodies.filter((b) => b.from_spare)).toHaveLength(1);
  });

  it('does not hand out a spare that is about to expire', async () => {
    await preview.spares!.stop();
    // Seeded with a 30 s life: too close to its expiry to be handed out.
    preview.spares = createSparePreviews(stores(), { size: 1, ttlMs: 30_000, refillDelayMs: 0 });
    await filled(preview.spares, 1);
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
