// Activity figures from analytics_internal.events: DAU and its split, window and live edges, page views,
// clicks, visitors and referrers. Each describe writes its own project, so their rows never mix.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBothWays } from '../test/run-both-ways.js';
import {
  at,
  click,
  insertAnalytics,
  located,
  NOW,
  openMetricStores,
  pageView,
  refresh,
  secondsBefore,
  series,
  uid,
  type OpenedMetricStores,
  defaultScope,
} from '../test/metric-fixtures.js';
import { conclusive, LATEST_REFRESHES } from './recently-active.js';
import type { MetricScope } from './types.js';

let stores: OpenedMetricStores;
beforeAll(async () => (stores = await openMetricStores()));
afterAll(() => stores?.close());

const newScope = (): MetricScope => defaultScope(crypto.randomUUID());
const users = (...ns: number[]) => ns.map((n) => ({ id: uid(n) }));
const splitPoints = (values: Record<string, [number, number, number]>) =>
  series().map(({ date }) => {
    const [n, retained, reactivated] = values[date] ?? [0, 0, 0];
    return { date, new: n, retained, reactivated };
  });

describe('daily active users and the new / retained / reactivated split', () => {
  const scope = newScope();
  const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(uid) as [string, string, string, string, string];
  beforeAll(() =>
    insertAnalytics(stores.analytics, scope, {
      users: users(1, 2, 3, 4, 5),
      events: [
        // a: active long before the window, back on 06-10 → reactivated, not new.
        refresh(scope, a, at('2026-04-01T10:00:00.000Z')),
        refresh(scope, a, at('2026-06-10T08:00:00.000Z')),
        // b: first ever on 06-10 (new), 06-11 (retained), 06-13 (reactivated).
        refresh(scope, b, at('2026-06-10T09:00:00.000Z')),
        refresh(scope, b, at('2026-06-11T09:00:00.000Z')),
        refresh(scope, b, at('2026-06-13T09:00:00.000Z')),
        // c: twice on its first day: one new user.
        refresh(scope, c, at('2026-06-10T10:00:00.000Z')),
        refresh(scope, c, at('2026-06-10T11:00:00.000Z')),
        // d: 06-09 new, 06-10 retained.
        refresh(scope, d, at('2026-06-09T23:59:59.999Z')),
        refresh(scope, d, at('2026-06-10T00:00:00.000Z')),
        // e: the last millisecond before the window and its first: retained on the window's first day.
        refresh(scope, e, at('2026-05-15T23:59:59.999Z')),
        refresh(scope, e, at('2026-05-16T00:00:00.000Z')),
      ],
    }),
  );

  it('splits each day exactly; new + retained + reactivated = DAU', async () => {
    const m = await runBothWays(['daily_active_users', 'daily_active_users_split', 'mau'], stores, scope, NOW);
    expect(m.daily_active_users).toEqual(
      series({ '2026-05-16': 1, '2026-06-09': 1, '2026-06-10': 4, '2026-06-11': 1, '2026-06-13': 1 }),
    );
    expect(m.daily_active_users_split).toEqual(
      splitPoints({
        '2026-05-16': [0, 1, 0],
        '2026-06-09': [1, 0, 0],
        '2026-06-10': [2, 1, 1],
        '2026-06-11': [0, 1, 0],
        '2026-06-13': [0, 0, 1],
      }),
    );
    expect(m.mau).toBe(5);
  });

  it('recently_active orders users by their latest refresh in the window', async () => {
    const { recently_active } = await runBothWays(['recently_active'], stores, scope, NOW);
    expect(recently_active.map((u) => [u.id, u.last_active_at])).toEqual([
      [b, '2026-06-13T09:00:00.000Z'],
      [c, '2026-06-10T11:00:00.000Z'],
      [a, '2026-06-10T08:00:00.000Z'],
      [d, '2026-06-10T00:00:00.000Z'],
      [e, '2026-05-16T00:00:00.000Z'],
    ]);
  });
});

describe('recently_active from the latest refreshes, or the rollup when they are not enough', () => {
  // NOW is 2026-06-15T12:00Z. Each case writes more refreshes than LATEST_REFRESHES reads.
  const minute = (m: number) => new Date(Date.parse('2026-06-15T10:00:00.000Z') + m * 60_000);

  it('goes back to the rollup when the latest refreshes hold one user', async () => {
    const scope = newScope();
    const busy = uid(12);
    await insertAnalytics(stores.analytics, scope, {
      users: users(...Array.from({ length: 12 }, (_, i) => i + 1)),
      events: [
        ...Array.from({ length: 11 }, (_, i) =>
          refresh(scope, uid(i + 1), new Date(Date.parse('2026-06-14T00:00:00.000Z') + i * 3_600_000)),
        ),
        ...Array.from({ length: LATEST_REFRESHES }, (_, i) => refresh(scope, busy, new Date(minute(0).getTime() + i))),
      ],
    });
    const { recently_active } = await runBothWays(['recently_active'], stores, scope, NOW);
    expect(recently_active).toHaveLength(10);
    expect(recently_active[0]!.id).toBe(busy);
    expect(recently_active[0]!.last_active_at).toBe(new Date(minute(0).getTime() + LATEST_REFRESHES - 1).toISOString());
  });

  it('does not trust a tie at the oldest refresh read: the lower id of two users refreshing then wins', async () => {
    const scope = newScope();
    const stranger = uid(99); // never mirrored: fills the sample, counts nowhere
    const events = [
      ...Array.from({ length: 9 }, (_, i) => refresh(scope, uid(i + 1), minute(30 + i))),
      ...Array.from({ length: LATEST_REFRESHES - 10 }, (_, i) =>
        refresh(scope, stranger, new Date(minute(1).getTime() + i)),
      ),
      // Both at the same instant, before everything else: the sample holds one of the two.
      refresh(scope, uid(11), minute(0)),
      refresh(scope, uid(10), minute(0)),
    ];
    await insertAnalytics(stores.analytics, scope, {
      users: users(...Array.from({ length: 11 }, (_, i) => i + 1)),
      events,
    });
    const { recently_active } = await runBothWays(['recently_active'], stores, scope, NOW);
    expect(recently_active.map((u) => u.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 10].map(uid));
  });

  it('answers from the latest refreshes when their top is strictly later than the oldest read', () => {
    const row = (last: string) => ({
      id: 'u',
      display_name: null,
      primary_email: null,
      profile_image_url: null,
      last_active_at: last,
      oldest: '2026-06-15 10:00:00.000',
      sampled: LATEST_REFRESHES,
    });
    const ten = (last: string) => [...Array.from({ length: 9 }, () => row('2026-06-15 11:00:00.000')), row(last)];
    expect(conclusive(ten('2026-06-15 10:00:00.001'))).toBe(true);
    expect(conclusive(ten('2026-06-15 10:00:00.000'))).toBe(false);
    expect(conclusive(ten('2026-06-15 10:00:00.001').slice(1))).toBe(false);
    expect(conclusive([{ ...row('2026-06-15 10:00:00.000'), sampled: 5 }])).toBe(true);
    expect(conclusive([])).toBe(false);
  });
});

describe('window edges', () => {
  const scope = newScope();
  beforeAll(() =>
    insertAnalytics(stores.analytics, scope, {
      users: users(1),
      events: [
        pageView(scope, uid(1), at('2026-05-15T23:59:59.999Z')),
        pageView(scope, uid(1), at('2026-05-16T00:00:00.000Z')),
        pageView(scope, uid(1), at('2026-06-01T23:59:59.999Z')),
        pageView(scope, uid(1), at('2026-06-02T00:00:00.000Z')),
        pageView(scope, uid(1), NOW),
        click(scope, uid(1), at('2026-06-15T00:00:00.000Z')),
        // No event is stored after now (ingestion stores a clock a little ahead as now): the window
        // figures count whole days of the rollups, so an event dated after now would be counted.
      ],
    }),
  );

  it('counts 00:00:00.000 in its day, 23:59:59.999 in the day before, and now in today', async () => {
    const m = await runBothWays(['daily_page_views', 'daily_clicks', 'daily_visitors', 'visitors'], stores, scope, NOW);
    expect(m.daily_page_views).toEqual(series({ '2026-05-16': 1, '2026-06-01': 1, '2026-06-02': 1, '2026-06-15': 1 }));
    expect(m.daily_clicks).toEqual(series({ '2026-06-15': 1 }));
    expect(m.daily_visitors).toEqual(series({ '2026-05-16': 1, '2026-06-01': 1, '2026-06-02': 1, '2026-06-15': 1 }));
    expect(m.visitors).toBe(1);
  });
});

describe('live users', () => {
  const scope = newScope();
  const brazilians = [21, 22, 23, 24, 25, 26, 27, 28, 29];
  beforeAll(() =>
    insertAnalytics(stores.analytics, scope, {
      // u9 is live but deleted (tombstone, sequence 1): never live.
      users: [...users(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...brazilians), { id: uid(9), sequence: 1, deleted: true }],
      events: [
        refresh(scope, uid(1), secondsBefore(119), located('US')),
        refresh(scope, uid(2), secondsBefore(121), located('GB')),
        refresh(scope, uid(3), secondsBefore(-30), located('DE')),
        refresh(scope, uid(4), NOW, located('JP')),
        refresh(scope, uid(5), secondsBefore(120), located('FR')),
        refresh(scope, uid(6), secondsBefore(1), null),
        refresh(scope, uid(7), secondsBefore(100), located('GB')),
        refresh(scope, uid(7), secondsBefore(10), located('US')),
        refresh(scope, uid(8), secondsBefore(5), located('AU'), { anonymous: true }),
        refresh(scope, uid(9), secondsBefore(3), located('JP')),
        // u10's latest live refresh was not located: placed by the located one before it, ordered by it.
        refresh(scope, uid(10), secondsBefore(50), located('US')),
        refresh(scope, uid(10), secondsBefore(2), null),
        ...brazilians.map((n, i) => refresh(scope, uid(n), secondsBefore(51 + i), located('BR'))),
      ],
    }),
  );

  it('live = (now − 120 s, now]: 119 s and now are live; 120 s, 121 s and the future are not', async () => {
    const m = await runBothWays(['live_users', 'live_users_by_country'], stores, scope, NOW);
    expect(m.live_users).toBe(14);
    expect(m.live_users_by_country).toEqual({
      // Latest first; u7 moved from GB to US within the live window. At most 8 per country.
      BR: brazilians.slice(0, 8).map((n) => ({
        id: uid(n),
        display_name: `User ${n}`,
        primary_email: `00${n}@example.com`,
        profile_image_url: null,
      })),
      JP: [{ id: uid(4), display_name: 'User 04', primary_email: '0004@example.com', profile_image_url: null }],
      US: [
        { id: uid(7), display_name: 'User 07', primary_email: '0007@example.com', profile_image_url: null },
        { id: uid(10), display_name: 'User 10', primary_email: '0010@example.com', profile_image_url: null },
        { id: uid(1), display_name: 'User 01', primary_email: '0001@example.com', profile_image_url: null },
      ],
    });
  });

  it('an anonymous refresh is live only when anonymous users are asked for', async () => {
    const m = await runBothWays(
      ['live_users', 'live_users_by_country'],
      stores,
      { ...scope, includeAnonymous: true },
      NOW,
    );
    expect(m.live_users).toBe(15);
    expect(m.live_users_by_country.AU).toEqual([
      { id: uid(8), display_name: 'User 08', primary_email: '0008@example.com', profile_image_url: null },
    ]);
  });
});

describe('page views, clicks and referrers', () => {
  const scope = newScope();
  const day = at('2026-06-14T10:00:00.000Z');
  beforeAll(() =>
    insertAnalytics(stores.analytics, scope, {
      users: [...users(1, 2, 3, 4, 5), { id: uid(6), isAnonymous: true }],
      events: [
        pageView(scope, uid(1), day, ''),
        pageView(scope, uid(1), day, ''),
        pageView(scope, uid(1), day, 'https://google.com/'),
        pageView(scope, uid(1), day, 'https://google.com/'),
        pageView(scope, uid(2), day, 'https://google.com/'),
        pageView(scope, uid(3), day, 'https://github.com/'),
        pageView(scope, uid(4), day, ''),
        pageView(scope, uid(5), day, 'https://google.com/', { anonymous: true }),
        pageView(scope, uid(6), day, 'https://news.ycombinator.com/'),
        click(scope, uid(1), day),
        click(scope, uid(5), day, { anonymous: true }),
      ],
    }),
  );

  it("ranks referrers by distinct visitors ('' = direct), ties by name; anonymous events and users left out", async () => {
    const m = await runBothWays(
      ['top_referrers', 'visitors', 'daily_page_views', 'daily_clicks', 'daily_visitors'],
      stores,
      scope,
      NOW,
    );
    expect(m.top_referrers).toEqual([
      { referrer: '', visitors: 2 },
      { referrer: 'https://google.com/', visitors: 2 },
      { referrer: 'https://github.com/', visitors: 1 },
    ]);
    expect(m.visitors).toBe(4);
    expect(m.daily_page_views).toEqual(series({ '2026-06-14': 7 }));
    expect(m.daily_clicks).toEqual(series({ '2026-06-14': 1 }));
    expect(m.daily_visitors).toEqual(series({ '2026-06-14': 4 }));
  });

  it('counts anonymous page views and clicks when asked', async () => {
    const m = await runBothWays(
      ['top_referrers', 'visitors', 'daily_page_views', 'daily_clicks'],
      stores,
      { ...scope, includeAnonymous: true },
      NOW,
    );
    expect(m.top_referrers).toEqual([
      { referrer: 'https://google.com/', visitors: 3 },
      { referrer: '', visitors: 2 },
      { referrer: 'https://github.com/', visitors: 1 },
      { referrer: 'https://news.ycombinator.com/', visitors: 1 },
    ]);
    expect(m.visitors).toBe(6);
    expect(m.daily_page_views).toEqual(series({ '2026-06-14': 9 }));
    expect(m.daily_clicks).toEqual(series({ '2026-06-14': 2 }));
  });
});
