// The figures that come from Postgres (those tables exist only there): login methods, emails, payments
// and session replays, with fixed instants around the window's edges and `now`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authMethods,
  emailOutbox,
  invoices,
  oneTimePurchases,
  sessionReplays,
  subscriptions,
  users,
} from '../db/schema/index.js';
import { createProject } from '../projects/create-project.js';
import { runMetrics } from './index.js';
import {
  at,
  NOW,
  openMetricStores,
  series,
  uid,
  type OpenedMetricStores,
  defaultScope,
} from '../test/metric-fixtures.js';
import type { MetricScope } from './types.js';

let stores: OpenedMetricStores;
let scope: MetricScope;
const AFTER_NOW = new Date(NOW.getTime() + 1);

beforeAll(async () => {
  stores = await openMetricStores();
  const { db } = stores.postgres;
  const { project } = await createProject(db, { displayName: 'Payments' });
  scope = defaultScope(project.id);
  const p = { projectId: project.id, branchId: 'main' };
  const [p1, p2, p3] = [uid(1), uid(2), uid(3)];
  await db.insert(users).values([
    { ...p, id: p1, signedUpAt: at('2026-01-01T00:00:00.000Z') },
    { ...p, id: p2, signedUpAt: at('2026-01-01T00:00:00.000Z') },
    { ...p, id: p3, isAnonymous: true, signedUpAt: at('2026-01-01T00:00:00.000Z') },
  ]);
  const method = (
    n: number,
    userId: string,
    kind: 'password' | 'otp' | 'passkey' | 'oauth',
    oauthProvider: string | null = null,
    createdAt = NOW,
  ) => ({ ...p, id: uid(100 + n), userId, kind, oauthProvider, createdAt });
  await db
    .insert(authMethods)
    .values([
      method(1, p1, 'password'),
      method(2, p1, 'oauth', 'google'),
      method(3, p2, 'oauth', 'google'),
      method(4, p2, 'otp'),
      method(5, p3, 'passkey'),
      method(6, p1, 'oauth', 'github', AFTER_NOW),
    ]);
  const email = (
    n: number,
    status: 'ok' | 'error' | 'in_progress',
    createdAt: Date,
    done: { sent?: boolean; delivered?: boolean; bounced?: boolean } = {},
  ) => ({
    ...p,
    id: uid(200 + n),
    userId: p1,
    toAddress: 'p1@example.com',
    subject: `Email ${n}`,
    status,
    createdAt,
    sentAt: done.sent ? createdAt : null,
    deliveredAt: done.delivered ? createdAt : null,
    bouncedAt: done.bounced ? createdAt : null,
  });
  await db
    .insert(emailOutbox)
    .values([
      email(1, 'ok', at('2026-06-15T10:00:00.000Z'), { sent: true, delivered: true }),
      email(2, 'ok', at('2026-06-01T10:00:00.000Z'), { sent: true, delivered: true }),
      email(3, 'error', at('2026-05-16T00:00:00.000Z'), { sent: true, bounced: true }),
      email(4, 'in_progress', at('2026-05-15T23:59:59.999Z')),
      email(5, 'ok', AFTER_NOW, { sent: true, delivered: true }),
    ]);
  const subscription = (
    n: number,
    status: 'active' | 'trialing' | 'paused' | 'canceled',
    createdAt = at('2026-03-01T00:00:00.000Z'),
  ) => ({
    ...p,
    id: uid(300 + n),
    customerType: 'user' as const,
    customerId: p1,
    productId: 'pro',
    status,
    currentPeriodStart: createdAt,
    currentPeriodEnd: createdAt,
    createdAt,
  });
  await db
    .insert(subscriptions)
    .values([
      subscription(1, 'active'),
      subscription(2, 'trialing'),
      subscription(3, 'paused'),
      subscription(4, 'canceled'),
      subscription(5, 'active', AFTER_NOW),
    ]);
  const invoice = (
    n: number,
    status: 'paid' | 'succeeded' | 'open' | 'void',
    amountCents: number,
    createdAt: Date,
  ) => ({ ...p, id: uid(400 + n), subscriptionId: uid(301), status, amountCents, createdAt });
  await db.insert(invoices).values([
    invoice(1, 'paid', 1000, at('2026-06-10T10:00:00.000Z')),
    invoice(2, 'succeeded', 2500, at('2026-06-15T11:00:00.000Z')),
    invoice(3, 'open', 9999, at('2026-06-10T10:00:00.000Z')),
    invoice(4, 'void', 5000, at('2026-06-10T10:00:00.000Z')),
    invoice(5, 'paid', 700, at('2026-04-01T10:00:00.000Z')),
    // In the window (from 05-16 00:00) but more than 30 × 24 h before now (05-16 12:00): revenue, not MRR.
    invoice(6, 'paid', 300, at('2026-05-16T11:00:00.000Z')),
    invoice(7, 'paid', 100, AFTER_NOW),
  ]);
  const purchase = (n: number, createdAt: Date) => ({
    ...p,
    id: uid(500 + n),
    customerType: 'team' as const,
    customerId: uid(9),
    productId: 'seat',
    createdAt,
  });
  await db
    .insert(oneTimePurchases)
    .values([
      purchase(1, at('2026-06-01T00:00:00.000Z')),
      purchase(2, at('2026-02-01T00:00:00.000Z')),
      purchase(3, AFTER_NOW),
    ]);
  const replay = (n: number, userId: string, startedAt: Date, seconds: number) => ({
    ...p,
    id: uid(600 + n),
    userId,
    refreshTokenId: uid(700 + n),
    startedAt,
    lastEventAt: new Date(startedAt.getTime() + seconds * 1000),
  });
  await db
    .insert(sessionReplays)
    .values([
      replay(1, p1, at('2026-06-14T10:00:00.000Z'), 60),
      replay(2, p2, at('2026-05-01T10:00:00.000Z'), 30),
      replay(3, p3, at('2026-06-14T10:00:00.000Z'), 600),
      replay(4, p1, AFTER_NOW, 10),
    ]);
});
afterAll(() => stores?.close());

describe('Postgres figures', () => {
  it('login methods: per OAuth provider or kind, non-anonymous users, created up to now', async () => {
    expect((await runMetrics(['login_methods'], stores, scope, NOW)).login_methods).toEqual([
      { method: 'google', count: 2 },
      { method: 'otp', count: 1 },
      { method: 'password', count: 1 },
    ]);
    const withAnonymous = await runMetrics(['login_methods'], stores, { ...scope, includeAnonymous: true }, NOW);
    expect(withAnonymous.login_methods.map((m) => m.method)).toEqual(['google', 'otp', 'passkey', 'password']);
  });

  it('emails: per status, sent, rates of sent, and a daily series; nothing created after now', async () => {
    expect((await runMetrics(['emails'], stores, scope, NOW)).emails).toEqual({
      total: 4,
      by_status: { ok: 2, error: 1, in_progress: 1 },
      sent: 3,
      delivered: 2,
      bounced: 1,
      delivered_rate: 0.6667,
      bounced_rate: 0.3333,
      daily_emails: series({ '2026-05-16': 1, '2026-06-01': 1, '2026-06-15': 1 }),
    });
  });

  it('payments: revenue counts only paid and succeeded invoices', async () => {
    expect((await runMetrics(['payments'], stores, scope, NOW)).payments).toEqual({
      subscriptions_by_status: { active: 1, trialing: 1, paused: 1, canceled: 1 },
      active_subscriptions: 2,
      revenue_cents: 4500,
      mrr_cents: 3500,
      orders: 2,
      daily_revenue_cents: series({ '2026-05-16': 300, '2026-06-10': 1000, '2026-06-15': 2500 }),
    });
  });

  it('replays: total, last 30 days and mean length; anonymous users only when asked', async () => {
    expect((await runMetrics(['replays'], stores, scope, NOW)).replays).toEqual({
      total: 2,
      last_30_days: 1,
      average_session_seconds: 45,
    });
    expect((await runMetrics(['replays'], stores, { ...scope, includeAnonymous: true }, NOW)).replays).toEqual({
      total: 3,
      last_30_days: 2,
      average_session_seconds: 230,
    });
  });
});
