// Do the emails, payments and replays of a preview look like those of a live product at its size (issue
// 17)? Statistics of the generated `standard` and `large` datasets, each bound stated in its test and
// computed the way the overview reads the rows (revenue = paid and succeeded invoices only).
import { describe, expect, it } from 'vitest';
import { metricWindow } from '../../metrics/window.js';
import { generatePreviewDataset } from './index.js';
import type { InvoiceRow, PreviewDataset, PreviewSize } from './types.js';

const DAY_MS = 86_400_000;
const MONTH_MS = 30 * DAY_MS;
const TRIAL_MS = 14 * DAY_MS;
const NOW = new Date('2026-03-18T15:42:07.123Z');
const nowMs = NOW.getTime();

const isRevenue = (i: InvoiceRow): boolean => i.status === 'paid' || i.status === 'succeeded';
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** When each customer (user or team) came to exist. */
function customerSince(d: PreviewDataset): Map<string, number> {
  return new Map([
    ...d.users.map((u) => [u.id, u.signedUpAt.getTime()] as const),
    ...d.teams.map((t) => [t.id, t.createdAt.getTime()] as const),
  ]);
}

const datasets = new Map<PreviewSize, PreviewDataset>();
const dataset = (size: PreviewSize): PreviewDataset => {
  let d = datasets.get(size);
  if (!d)
    datasets.set(
      size,
      (d = generatePreviewDataset({
        projectId: '0c9e6f2a-51d3-4b7e-8a10-6d2f4c8b9e31',
        seed: 'business',
        now: NOW,
        size,
      })),
    );
  return d;
};

describe.each(['standard', 'large'] as const)('%s: business data at the scale of its users', (size) => {
  it('emails: every user with an email got ≥ 1 (the sign-up verification), and the last 30 days hold ≥ 1 per sign-up', () => {
    const d = dataset(size);
    const withEmail = d.users.filter((u) => !u.isAnonymous);
    const emailsOf = groupBy(
      d.emails.filter((e) => e.userId !== null),
      (e) => e.userId as string,
    );
    expect(withEmail.filter((u) => (emailsOf.get(u.id)?.length ?? 0) < 1)).toEqual([]);
    expect(d.emails.length / withEmail.length).toBeGreaterThanOrEqual(1);
    const recent = (at: Date): boolean => at.getTime() > nowMs - MONTH_MS;
    const signUps = withEmail.filter((u) => recent(u.signedUpAt)).length;
    expect(d.emails.filter((e) => recent(e.createdAt)).length / signUps).toBeGreaterThanOrEqual(1);
    // Every kind an auth platform sends is there.
    expect(new Set(d.emails.map((e) => e.subject)).size).toBe(5);
  });

  it('emails: 1–3 % of sent emails bounced', () => {
    const sent = dataset(size).emails.filter((e) => e.sentAt !== null);
    const share = sent.filter((e) => e.bouncedAt !== null).length / sent.length;
    expect(share).toBeGreaterThanOrEqual(0.01);
    expect(share).toBeLessThanOrEqual(0.03);
  });

  it('payments: 2–6 % of non-anonymous users and teams pay (a paid invoice or a one-time purchase)', () => {
    const d = dataset(size);
    const customerOf = new Map(d.subscriptions.map((s) => [s.id, s.customerId]));
    const paying = new Set([
      ...d.invoices.filter(isRevenue).map((i) => customerOf.get(i.subscriptionId)),
      ...d.oneTimePurchases.map((p) => p.customerId),
    ]);
    const share = paying.size / (d.users.filter((u) => !u.isAnonymous).length + d.teams.length);
    expect(share).toBeGreaterThanOrEqual(0.02);
    expect(share).toBeLessThanOrEqual(0.06);
  });

  it('payments: revenue on at least a third of the 31 days of the overview window', () => {
    const { days } = metricWindow(NOW);
    const revenueDays = new Set(
      dataset(size)
        .invoices.filter(isRevenue)
        .map((i) => i.createdAt.toISOString().slice(0, 10)),
    );
    expect(days.filter((day) => revenueDays.has(day)).length).toBeGreaterThanOrEqual(days.length / 3);
  });

  it('payments: the MRR of the last 30 days is above that of the 30 before', () => {
    const revenue = dataset(size).invoices.filter(isRevenue);
    const between = (fromMs: number, toMs: number): number =>
      sum(
        revenue
          .filter((i) => i.createdAt.getTime() > fromMs && i.createdAt.getTime() <= toMs)
          .map((i) => i.amountCents),
      );
    const previous = between(nowMs - 2 * MONTH_MS, nowMs - MONTH_MS);
    expect(previous).toBeGreaterThan(0);
    expect(between(nowMs - MONTH_MS, nowMs)).toBeGreaterThan(previous);
  });

  it('payments: one invoice per subscription-month, paid or open as the status says', () => {
    const d = dataset(size);
    const invoicesOf = groupBy(d.invoices, (i) => i.subscriptionId);
    for (const s of d.subscriptions) {
      const invoices = (invoicesOf.get(s.id) ?? []).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const times = invoices.map((i) => i.createdAt.getTime());
      const statuses = invoices.map((i) => i.status);
      const createdMs = s.createdAt.getTime();
      const where = `${s.status} subscription ${s.id}: ${statuses.join(',')}`;
      if (s.status === 'trialing') {
        expect(statuses, where).toEqual(['open']);
        expect(times[0], where).toBe(createdMs);
        expect(s.currentPeriodEnd.getTime() - createdMs).toBe(TRIAL_MS);
        continue;
      }
      // Billing starts at once, or when a 14-day trial ends; then one invoice every 30 days, no gap.
      expect([createdMs, createdMs + TRIAL_MS], where).toContain(times[0]);
      times.slice(1).forEach((at, k) => expect(at - (times[k] as number), where).toBe(MONTH_MS));
      if (s.status === 'active') {
        expect(
          statuses.every((st) => st === 'paid' || st === 'succeeded'),
          where,
        ).toBe(true);
        // No month is missing: the next invoice is not due before now.
        expect(times.at(-1), where).toBe(s.currentPeriodStart.getTime());
        expect(s.currentPeriodStart.getTime() + MONTH_MS, where).toBeGreaterThan(nowMs - DAY_MS);
      } else if (s.status === 'paused') {
        expect(
          statuses.every((st) => st === 'paid' || st === 'succeeded'),
          where,
        ).toBe(true);
      } else {
        // Canceled: paid months, then at most a void last attempt (a failed renewal or an unconverted trial).
        expect(
          statuses.slice(0, -1).every((st) => st === 'paid' || st === 'succeeded'),
          where,
        ).toBe(true);
      }
      expect(
        times.every((at) => at <= s.currentPeriodEnd.getTime()),
        where,
      ).toBe(true);
    }
  });

  it('replays: a steady share of visits in both halves of the history', () => {
    const d = dataset(size);
    const midMs = nowMs - 30 * DAY_MS;
    const visits = [
      d.visits.filter((v) => v.startMs < midMs).length,
      d.visits.filter((v) => v.startMs >= midMs).length,
    ];
    const replays = [
      d.sessionReplays.filter((r) => r.startedAt.getTime() < midMs).length,
      d.sessionReplays.filter((r) => r.startedAt.getTime() >= midMs).length,
    ];
    const shares = replays.map((n, half) => n / (visits[half] as number));
    for (const share of shares) {
      expect(share).toBeGreaterThanOrEqual(0.04);
      expect(share).toBeLessThanOrEqual(0.06);
    }
    // In proportion: the two halves' shares differ by less than a fifth.
    expect((shares[1] as number) / (shares[0] as number)).toBeGreaterThan(0.8);
    expect((shares[1] as number) / (shares[0] as number)).toBeLessThan(1.25);
  });

  it("every email, replay, subscription, invoice and purchase is inside its owner's lifetime and not after now", () => {
    const d = dataset(size);
    const since = customerSince(d);
    const subscriptionOf = new Map(d.subscriptions.map((s) => [s.id, s]));
    const rows: { what: string; ownerId: string; at: Date }[] = [
      ...d.emails.flatMap((e) =>
        [e.createdAt, e.sentAt, e.deliveredAt, e.bouncedAt, e.clickedAt].flatMap((at) =>
          at ? [{ what: `email ${e.id}`, ownerId: e.userId as string, at }] : [],
        ),
      ),
      ...d.sessionReplays.flatMap((r) =>
        [r.startedAt, r.lastEventAt].map((at) => ({ what: `replay ${r.id}`, ownerId: r.userId, at })),
      ),
      ...d.subscriptions.flatMap((s) =>
        [s.createdAt, s.currentPeriodStart].map((at) => ({ what: `subscription ${s.id}`, ownerId: s.customerId, at })),
      ),
      ...d.invoices.map((i) => ({
        what: `invoice ${i.id}`,
        ownerId: subscriptionOf.get(i.subscriptionId)?.customerId as string,
        at: i.createdAt,
      })),
      ...d.oneTimePurchases.map((p) => ({ what: `purchase ${p.id}`, ownerId: p.customerId, at: p.createdAt })),
    ];
    const outside = rows.filter(
      ({ ownerId, at }) =>
        !(since.has(ownerId) && at.getTime() >= (since.get(ownerId) as number) && at.getTime() <= nowMs),
    );
    expect(outside.map(({ what, at }) => `${what} at ${at.toISOString()}`)).toEqual([]);
    for (const i of d.invoices)
      expect(i.createdAt.getTime()).toBeGreaterThanOrEqual(
        (subscriptionOf.get(i.subscriptionId) as { createdAt: Date }).createdAt.getTime(),
      );
  });
});

describe('large: subscription lives', () => {
  it('start across the history, on several products and quantities', () => {
    const subs = dataset('large').subscriptions;
    const starts = subs.map((s) => s.createdAt.getTime());
    expect(starts.filter((at) => at < nowMs - 30 * DAY_MS).length / subs.length).toBeGreaterThanOrEqual(0.1);
    expect(new Set(subs.map((s) => s.productId)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(subs.map((s) => s.quantity)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(subs.map((s) => s.customerType))).toEqual(new Set(['user', 'team']));
  });

  it('10–20 % canceled, a few (≤ 5 %) paused, and 14-day trials converting 35–65 % of the time', () => {
    const d = dataset('large');
    const share = (status: string): number =>
      d.subscriptions.filter((s) => s.status === status).length / d.subscriptions.length;
    expect(share('canceled')).toBeGreaterThanOrEqual(0.1);
    expect(share('canceled')).toBeLessThanOrEqual(0.2);
    expect(share('paused')).toBeGreaterThan(0);
    expect(share('paused')).toBeLessThanOrEqual(0.05);
    // A finished trial's first invoice is dated at its end: paid if it converted, void if it did not.
    const firstInvoice = new Map<string, InvoiceRow>();
    for (const i of [...d.invoices].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()))
      if (!firstInvoice.has(i.subscriptionId)) firstInvoice.set(i.subscriptionId, i);
    const endedTrials = d.subscriptions.filter(
      (s) => firstInvoice.get(s.id)?.createdAt.getTime() === s.createdAt.getTime() + TRIAL_MS,
    );
    const converted = endedTrials.filter((s) => firstInvoice.get(s.id)?.status === 'paid').length / endedTrials.length;
    expect(endedTrials.length).toBeGreaterThanOrEqual(30);
    expect(converted).toBeGreaterThanOrEqual(0.35);
    expect(converted).toBeLessThanOrEqual(0.65);
  });
});

describe('every size scales its business data with its users', () => {
  it.each([
    ['tiny', { size: 'tiny' }],
    ['custom 2,000 users over 30 days', { users: 2_000, days: 30 }],
  ] as const)('%s', (_label, options) => {
    const d = generatePreviewDataset({
      projectId: '0c9e6f2a-51d3-4b7e-8a10-6d2f4c8b9e31',
      seed: 'business',
      now: NOW,
      ...options,
    });
    const withEmail = d.users.filter((u) => !u.isAnonymous).length;
    expect(d.emails.length).toBeGreaterThanOrEqual(withEmail);
    expect(d.sessionReplays.length / d.visits.length).toBeGreaterThan(0.03);
    expect(d.sessionReplays.length / d.visits.length).toBeLessThan(0.07);
    expect(d.invoices.filter(isRevenue).length).toBeGreaterThan(0);
    expect(d.oneTimePurchases.length).toBeGreaterThan(0);
  });
});
