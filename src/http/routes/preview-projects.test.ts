// A fresh preview through HTTP on embedded stores: what docs/product.md §8 promises, checked in both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';
import { analyticsCounts, eventsAfter, liveUsersAt, postgresCounts } from '../../test/preview-queries.js';
import { prunePreviews } from '../../preview/jobs/expiry.js';

const LIVE_COUNTRIES = ['AU', 'BR', 'CA', 'DE', 'GB', 'IN', 'JP', 'US'];

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ preview: { enabled: true, ttlMs: 3_600_000, ratePerMinute: 1_000 } });
});
afterAll(() => t?.close());

const create = (payload?: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', ...(payload && { payload }) });

describe('POST /api/v1/preview/projects', () => {
  let body: {
    project_id: string;
    admin_key: string;
    created_at: string;
    expires_at: string;
    seeded: Record<string, number>;
  };

  it('answers 201 with keys, expiry, counts and timings', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    body = res.json();
    expect(body.admin_key).toMatch(/^pulse_admin_/);
    expect(new Date(body.expires_at).getTime() - new Date(body.created_at).getTime()).toBe(3_600_000);
    expect(body.seeded).toMatchObject({ users: 586, teams: 8, contact_channels: 586, live_events: 8 });
    const project = await t.app.inject({
      method: 'GET',
      url: `/api/v1/projects/${body.project_id}`,
      headers: { authorization: `Bearer ${body.admin_key}` },
    });
    expect(project.json()).toMatchObject({ is_preview: true, expires_at: body.expires_at });
  });

  it('mirrors 586 users (584 non-anonymous), 8 teams and 586 channels into ClickHouse, all with sequence 0', async () => {
    expect(await analyticsCounts(t.analytics, body.project_id)).toMatchObject({
      users: 586,
      non_anonymous_users: 584,
      teams: 8,
      contact_channels: 586,
      team_members: body.seeded.team_members,
      max_sequence: 0,
    });
    expect(await postgresCounts(t.postgres.db, body.project_id)).toMatchObject({
      projects: 1,
      users: 586,
      teams: 8,
      contact_channels: 586,
      api_keys: 2,
    });
  });

  it('has exactly 8 live users in 8 countries, and no event after its creation', async () => {
    const createdAt = new Date(body.created_at);
    expect(await liveUsersAt(t.analytics, body.project_id, createdAt)).toEqual({ users: 8, countries: LIVE_COUNTRIES });
    expect(await eventsAfter(t.analytics, body.project_id, createdAt)).toBe(0);
  });

  it('reseeding twice keeps the people, duplicates nothing, leaves nothing stale, and renews the live users', async () => {
    const before = await analyticsCounts(t.analytics, body.project_id);
    const pgBefore = await postgresCounts(t.postgres.db, body.project_id);
    // Users, teams and their rows keep their ids and counts; emails, replays and payments follow the
    // activity up to the new `now`, and events their number with the time of day `now` cuts the last day at.
    const people = ['users', 'teams', 'team_members', 'contact_channels', 'auth_methods'] as const;
    let last: Record<string, number> = {};
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/projects/${body.project_id}/reseed`,
        headers: { authorization: `Bearer ${body.admin_key}` },
      });
      expect(res.statusCode).toBe(200);
      last = res.json().seeded;
      for (const key of people) expect(last[key], key).toBe(body.seeded[key]);
    }
    // Exactly the last reseed's rows are there, none left over from earlier seeds.
    const { events, ...mirrors } = await analyticsCounts(t.analytics, body.project_id);
    expect(events).toBe(last.events! + last.live_events!);
    const { events: _before, ...mirrorsBefore } = before;
    expect(mirrors).toEqual(mirrorsBefore);
    const pg = await postgresCounts(t.postgres.db, body.project_id);
    const { emails, session_replays, subscriptions, invoices, one_time_purchases, ...peopleRows } = pg;
    const {
      emails: _e,
      session_replays: _r,
      subscriptions: _s,
      invoices: _i,
      one_time_purchases: _o,
      ...peopleBefore
    } = pgBefore;
    expect(peopleRows).toEqual(peopleBefore);
    expect({ emails, session_replays, subscriptions, invoices, one_time_purchases }).toEqual({
      emails: last.emails,
      session_replays: last.session_replays,
      subscriptions: last.subscriptions,
      invoices: last.invoices,
      one_time_purchases: last.one_time_purchases,
    });
    expect((await liveUsersAt(t.analytics, body.project_id, new Date())).users).toBe(8);
  });

  it('creates 10 previews concurrently, all complete and distinct', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => create({ size: 'tiny' })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const ids = results.map((r) => r.json().project_id as string);
    expect(new Set(ids).size).toBe(10);
    for (const id of ids) expect((await liveUsersAt(t.analytics, id, new Date())).users).toBe(8);
  });

  it('rejects an unknown size with a 400 naming body.size, and writes nothing', async () => {
    const before = (await postgresCounts(t.postgres.db, body.project_id)).projects;
    const res = await create({ size: 'huge' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('body.size');
    expect((await postgresCounts(t.postgres.db, body.project_id)).projects).toBe(before);
  });

  it("reseed needs the project's admin key", async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/projects/${body.project_id}/reseed` });
    expect(res.statusCode).toBe(401);
  });

  it('expired previews are deleted from both stores', async () => {
    const pruned = await prunePreviews(t, new Date(Date.now() + 3_600_001));
    expect(pruned).toContain(body.project_id);
    expect(await postgresCounts(t.postgres.db, body.project_id)).toMatchObject({ projects: 0, users: 0, api_keys: 0 });
    expect(await analyticsCounts(t.analytics, body.project_id)).toMatchObject({
      users: 0,
      teams: 0,
      contact_channels: 0,
      events: 0,
    });
  });
});

describe('preview mode and rate limit', () => {
  it('is 403 when preview mode is off', async () => {
    const app = await buildApp({
      stores: { postgres: t.postgres, analytics: t.analytics },
      preview: { enabled: false, ttlMs: 1, ratePerMinute: 10 },
    });
    const res = await app.inject({ method: 'POST', url: '/api/v1/preview/projects' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('preview_disabled');
    await app.close();
  });

  it('answers 429 with Retry-After past the per-IP limit', async () => {
    const app = await buildApp({
      stores: { postgres: t.postgres, analytics: t.analytics },
      preview: { enabled: true, ttlMs: 60_000, ratePerMinute: 2 },
    });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 3; i++) {
      last = await app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'tiny' } });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([201, 201, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.json().error.code).toBe('rate_limited');
    // The limit per minute, and how long until the next one is allowed (not the time left as a period).
    expect(last!.json().error.message).toMatch(
      /^Too many preview projects from this address: at most 2 a minute; retry in \d+ s$/,
    );
    await app.close();
  });
});
