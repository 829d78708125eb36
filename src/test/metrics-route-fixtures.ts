// The small project the metrics route tests read exactly (src/http/routes/metrics.test.ts): three users
// (one anonymous), their events around NOW, and a row of each Postgres figure's table. Test-only.
import crypto from 'node:crypto';
import { authMethods, emailOutbox, invoices, sessionReplays, subscriptions, users } from '../db/schema/index.js';
import type { Db } from '../db/store.js';
import type { Stores } from '../stores.js';
import { at, click, insertAnalytics, located, pageView, refresh, secondsBefore, uid } from './metric-fixtures.js';

/** The same small project for A and B; B gets more of everything, under the same user ids. */
export async function populate(db: Db, t: Pick<Stores, 'analytics'>, projectId: string, copies: number) {
  const s = { projectId, branchId: 'main' };
  const [u1, u2, u3] = [uid(1), uid(2), uid(3)];
  await insertAnalytics(t.analytics, s, {
    users: [
      {
        id: u1,
        name: copies > 1 ? 'B one' : 'Ada',
        email: 'ada@example.com',
        signedUpAt: at('2026-06-14T09:00:00.000Z'),
      },
      { id: u2, name: 'Grace', email: 'grace@example.com', signedUpAt: at('2026-05-01T09:00:00.000Z') },
      { id: u3, name: null, email: null, signedUpAt: at('2026-06-15T09:00:00.000Z'), isAnonymous: true },
      ...Array.from({ length: copies - 1 }, (_, i) => ({
        id: uid(50 + i),
        signedUpAt: at('2026-06-01T09:00:00.000Z'),
      })),
    ],
    emails: [{ id: uid(101), userId: u1, verified: true }],
    teams: Array.from({ length: copies }, (_, i) => ({ id: uid(200 + i) })),
    events: Array.from({ length: copies }, () => [
      refresh(s, u1, at('2026-06-14T10:00:00.000Z'), located('US', 'CA')),
      refresh(s, u1, secondsBefore(30), located('US', 'CA')),
      refresh(s, u2, at('2026-06-15T08:00:00.000Z'), located('GB', 'ENG')),
      refresh(s, u3, secondsBefore(10), located('FR', 'IDF'), { anonymous: true }),
      pageView(s, u1, at('2026-06-14T10:00:01.000Z'), 'https://google.com/'),
      pageView(s, u2, at('2026-06-15T08:00:01.000Z'), ''),
      click(s, u1, at('2026-06-14T10:00:02.000Z')),
      ...(copies > 1
        ? [
            refresh(s, uid(50), secondsBefore(5), located('JP')),
            pageView(s, uid(50), secondsBefore(5), 'https://b.example/'),
          ]
        : []),
    ]).flat(),
  });
  const p = { projectId, branchId: 'main' };
  await db.insert(users).values([u1, u2, u3].map((id) => ({ ...p, id, isAnonymous: id === u3 })));
  await db.insert(authMethods).values([
    {
      ...p,
      id: crypto.randomUUID(),
      userId: u1,
      kind: 'oauth',
      oauthProvider: copies > 1 ? 'github' : 'google',
      createdAt: at('2026-06-14T09:00:00.000Z'),
    },
    { ...p, id: crypto.randomUUID(), userId: u2, kind: 'password', createdAt: at('2026-05-01T09:00:00.000Z') },
  ]);
  const sent = at('2026-06-14T09:00:00.000Z');
  await db.insert(emailOutbox).values(
    Array.from({ length: copies }, () => ({
      ...p,
      id: crypto.randomUUID(),
      userId: u1,
      toAddress: 'ada@example.com',
      subject: 'Welcome',
      status: 'ok' as const,
      createdAt: sent,
      sentAt: sent,
      deliveredAt: sent,
    })),
  );
  const subscriptionId = crypto.randomUUID();
  await db.insert(subscriptions).values({
    ...p,
    id: subscriptionId,
    customerType: 'user',
    customerId: u1,
    productId: 'pro',
    status: 'active',
    currentPeriodStart: sent,
    currentPeriodEnd: sent,
    createdAt: sent,
  });
  await db.insert(invoices).values({
    ...p,
    id: crypto.randomUUID(),
    subscriptionId,
    status: 'paid',
    amountCents: 1200 * copies,
    createdAt: sent,
  });
  await db.insert(sessionReplays).values({
    ...p,
    id: crypto.randomUUID(),
    userId: u1,
    refreshTokenId: crypto.randomUUID(),
    startedAt: sent,
    lastEventAt: at('2026-06-14T09:02:00.000Z'),
  });
}
