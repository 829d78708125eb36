// Windows other than the default: every daily series has one point per day of the range, its edges are
// the range's (a past range ends at the last millisecond of its last day), window figures follow it,
// and figures with their own period (mau, the counts as of now, MRR) do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, invoices, subscriptions } from '../db/schema/index.js';
import { createProject } from '../projects/create-project.js';
import { OVERVIEW_METRICS } from './index.js';
import { runBothWays } from '../test/run-both-ways.js';
import {
  at,
  insertAnalytics,
  located,
  NOW,
  openMetricStores,
  pageView,
  refresh,
  seriesOver,
  uid,
  type OpenedMetricStores,
  defaultScope,
} from '../test/metric-fixtures.js';
import type { MetricScope } from './types.js';
import type { DayRange } from './window.js';

let stores: OpenedMetricStores;
let scope: MetricScope;
const [u1, u2, u3, u4, u5, u6, u7] = [1, 2, 3, 4, 5, 6, 7].map(uid) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

// NOW is 2026-06-15T12:00Z: 7d = 2026-06-08 … 06-15 (8 days), 365d = 2025-06-15 … 2026-06-15 (366 days).
const SEVEN: DayRange = { first: '2026-06-08', last: '2026-06-15' };
const YEAR: DayRange = { first: '2025-06-15', last: '2026-06-15' };
const PAST: DayRange = { first: '2026-02-27', last: '2026-03-01' };

beforeAll(async () => {
  stores = await openMetricStores();
  const { db } = stores.postgres;
  const { project } = await createProject(db, { displayName: 'Ranges' });
  scope = defaultScope(project.id);
  await insertAnalytics(stores.analytics, scope, {
    users: [
      { id: u1, signedUpAt: at('2025-06-15T00:00:00.000Z') },
      { id: u2, signedUpAt: at('2025-06-14T23:59:59.999Z') },
      { id: u3, signedUpAt: at('2026-06-08T00:00:00.000Z') },
      { id: u4, signedUpAt: at('2026-06-07T23:59:59.999Z') },
      { id: u5, signedUpAt: at('2026-03-01T23:59:59.999Z') },
      { id: u6, signedUpAt: at('2026-03-02T00:00:00.000Z') },
      { id: u7, signedUpAt: at('2026-01-01T00:00:00.000Z') },
    ],
    events: [
      // u1: the year window's day before and first day; the 7-day window's day before and first day.
      refresh(scope, u1, at('2025-06-14T23:59:59.999Z')),
      refresh(scope, u1, at('2025-06-15T00:00:00.000Z')),
      refresh(scope, u1, at('2026-06-07T12:00:00.000Z')),
      refresh(scope, u1, at('2026-06-08T00:00:00.000Z')),
      refresh(scope, u2, at('2026-06-15T11:00:00.000Z'), located('JP')),
      // u3: located in DE on the past range's last day, in FR the next day.
      refresh(scope, u3, at('2026-03-01T12:00:00.000Z'), located('DE', 'BE')),
      refresh(scope, u3, at('2026-03-02T10:00:00.000Z'), located('FR', 'IDF')),
      pageView(scope, u1, at('2026-02-28T23:59:59.999Z')),
      pageView(scope, u3, at('2026-03-01T00:00:00.000Z'), 'https://a.example/'),
      pageView(scope, u2, at('2026-03-02T00:00:00.000Z'), 'https://b.example/'),
      pageView(scope, u7, at('2026-02-26T23:59:59.999Z'), 'https://c.example/'),
    ],
  });
  const email = (n: number, createdAt: Date) => ({
    ...scope,
    id: uid(200 + n),
    userId: u1,
    toAddress: 'u1@example.com',
    subject: 'Hi',
    status: 'ok' as const,
    createdAt,
  });
  await db
    .insert(emailOutbox)
    .values([
      email(1, at('2026-03-01T23:59:59.999Z')),
      email(2, at('2026-03-02T00:00:00.000Z')),
      email(3, at('2026-06-08T00:00:00.000Z')),
    ]);
  const created = at('2026-02-01T00:00:00.000Z');
  await db.insert(subscriptions).values({
    ...scope,
    id: uid(300),
    customerType: 'user',
    customerId: u1,
    productId: 'pro',
    status: 'active',
    currentPeriodStart: created,
    currentPeriodEnd: created,
    createdAt: created,
  });
  await db.insert(invoices).values({
    ...scope,
    id: uid(400),
    subscriptionId: uid(300),
    status: 'paid',
    amountCents: 1000,
    createdAt: at('2026-02-27T00:00:00.000Z'),
  });
});
afterAll(() => stores?.close());

type Split = [number, number, number];
const splitOver = ({ first, last }: DayRange, values: Record<string, Split>) =>
  seriesOver(first, last).map(({ date }) => {
    const [n, retained, reactivated] = values[date] ?? [0, 0, 0];
    return { date, new: n, retained, reactivated };
  });

describe('figures over a range', () => {
  it('7d: eight points per series, from its first day; the day before counts for the split only', async () => {
    const m = await runBothWays(OVERVIEW_METRICS, stores, { ...scope, range: SEVEN }, NOW);
    expect(m.daily_active_users).toEqual(seriesOver(SEVEN.first, SEVEN.last, { '2026-06-08': 1, '2026-06-15': 1 }));
    expect(m.daily_active_users_split).toEqual(splitOver(SEVEN, { '2026-06-08': [0, 1, 0], '2026-06-15': [1, 0, 0] }));
    expect(m.daily_signups).toEqual(seriesOver(SEVEN.first, SEVEN.last, { '2026-06-08': 1 }));
    expect(m.emails.daily_emails).toEqual(seriesOver(SEVEN.first, SEVEN.last, { '2026-06-08': 1 }));
    for (const points of [m.daily_page_views, m.daily_clicks, m.daily_visitors, m.payments.daily_revenue_cents]) {
      expect(points).toEqual(seriesOver(SEVEN.first, SEVEN.last));
    }
    expect(m.users_by_country).toEqual({ JP: 1 });
    expect(m.visitors).toBe(0);
    expect(m.recently_active.map((u) => u.id)).toEqual([u2, u1]);
  });

  it('365d: 366 points, a retained first day from the day before, and days far past 64 into the window', async () => {
    const m = await runBothWays(OVERVIEW_METRICS, stores, { ...scope, range: YEAR }, NOW);
    expect(m.daily_active_users).toHaveLength(366);
    expect(m.daily_active_users).toEqual(
      seriesOver(YEAR.first, YEAR.last, {
        '2025-06-15': 1,
        '2026-03-01': 1,
        '2026-03-02': 1,
        '2026-06-07': 1,
        '2026-06-08': 1,
        '2026-06-15': 1,
      }),
    );
    expect(m.daily_active_users_split).toEqual(
      splitOver(YEAR, {
        '2025-06-15': [0, 1, 0],
        '2026-03-01': [1, 0, 0],
        '2026-03-02': [0, 1, 0],
        '2026-06-07': [0, 0, 1],
        '2026-06-08': [0, 1, 0],
        '2026-06-15': [1, 0, 0],
      }),
    );
    expect(m.daily_signups).toEqual(
      seriesOver(YEAR.first, YEAR.last, {
        '2025-06-15': 1,
        '2026-01-01': 1,
        '2026-03-01': 1,
        '2026-03-02': 1,
        '2026-06-07': 1,
        '2026-06-08': 1,
      }),
    );
    expect(m.daily_page_views).toEqual(
      seriesOver(YEAR.first, YEAR.last, { '2026-02-26': 1, '2026-02-28': 1, '2026-03-01': 1, '2026-03-02': 1 }),
    );
    expect(m.payments.daily_revenue_cents).toEqual(seriesOver(YEAR.first, YEAR.last, { '2026-02-27': 1000 }));
    expect(m.users_by_country).toEqual({ JP: 1, FR: 1 });
    expect(m.visitors).toBe(4);
  });

  it('from/to in the past: ends at 23:59:59.999 of its last day; latest country, referrers and recent activity as of then', async () => {
    const m = await runBothWays(OVERVIEW_METRICS, stores, { ...scope, range: PAST }, NOW);
    expect(m.daily_page_views).toEqual(seriesOver(PAST.first, PAST.last, { '2026-02-28': 1, '2026-03-01': 1 }));
    expect(m.daily_visitors).toEqual(seriesOver(PAST.first, PAST.last, { '2026-02-28': 1, '2026-03-01': 1 }));
    expect(m.daily_signups).toEqual(seriesOver(PAST.first, PAST.last, { '2026-03-01': 1 }));
    expect(m.daily_active_users_split).toEqual(splitOver(PAST, { '2026-03-01': [1, 0, 0] }));
    expect(m.emails.daily_emails).toEqual(seriesOver(PAST.first, PAST.last, { '2026-03-01': 1 }));
    expect(m.payments.daily_revenue_cents).toEqual(seriesOver(PAST.first, PAST.last, { '2026-02-27': 1000 }));
    expect(m.visitors).toBe(2);
    expect(m.top_referrers).toEqual([
      { referrer: '', visitors: 1 },
      { referrer: 'https://a.example/', visitors: 1 },
    ]);
    expect(m.users_by_country).toEqual({ DE: 1 });
    expect(m.top_region).toEqual({ country_code: 'DE', region_code: 'BE', users: 1 });
    expect(m.recently_active.map((u) => [u.id, u.last_active_at])).toEqual([[u3, '2026-03-01T12:00:00.000Z']]);
  });

  it('a window in the first 64-day block (no block before it) answers zeros', async () => {
    const first = { first: '1970-01-01', last: '1970-01-31' };
    const m = await runBothWays(OVERVIEW_METRICS, stores, { ...scope, range: first }, NOW);
    expect(m.daily_active_users_split).toEqual(splitOver(first, {}));
    expect(m.daily_visitors).toEqual(seriesOver(first.first, first.last));
    expect(m.visitors).toBe(0);
  });

  it('mau, the counts as of now and the all-time and 30-day totals are the same whatever the range', async () => {
    const own = ['mau', 'total_users', 'recently_registered', 'login_methods', 'replays', 'live_users'] as const;
    const byDefault = await runBothWays(OVERVIEW_METRICS, stores, scope, NOW);
    expect(byDefault.mau).toBe(2);
    for (const range of [SEVEN, YEAR, PAST]) {
      const m = await runBothWays(OVERVIEW_METRICS, stores, { ...scope, range }, NOW);
      for (const name of own) expect(m[name]).toEqual(byDefault[name]);
      expect({ ...m.emails, daily_emails: [] }).toEqual({ ...byDefault.emails, daily_emails: [] });
      expect({ ...m.payments, daily_revenue_cents: [] }).toEqual({ ...byDefault.payments, daily_revenue_cents: [] });
    }
  });
});
