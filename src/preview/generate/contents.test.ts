// What a standard preview contains (docs/product.md §4, §8): exact counts where the spec fixes them, tight
// ranges where it says "about".
import { describe, expect, it } from 'vitest';
import { parseEventAt, type EventRow, type TokenRefreshData } from '../../events/event-rows.js';
import { generatePreviewDataset } from './index.js';

const PROJECT = '8a3c1f4e-2b7d-4e91-9c55-0d6f1e2a3b4c';
const NOW = new Date('2026-03-18T15:42:07.123Z');

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const standard = generatePreviewDataset({ projectId: PROJECT, seed: 'demo', now: NOW });
const byId = new Map(standard.users.map((u) => [u.id, u]));

describe('generatePreviewDataset: standard counts', () => {
  it('has 586 users, 584 of them non-anonymous, and 8 teams (one with a very long name)', () => {
    expect(standard.users).toHaveLength(586);
    expect(standard.users.filter((u) => !u.isAnonymous)).toHaveLength(584);
    expect(standard.teams).toHaveLength(8);
    expect(standard.teams.filter((t) => t.displayName.length > 80)).toHaveLength(1);
    expect(standard.users.every((u) => u.projectId === PROJECT && u.branchId === 'main')).toBe(true);
  });

  it('gives every user exactly one primary auth EMAIL channel, ~75 % verified, unique addresses', () => {
    const channels = standard.contactChannels;
    expect(channels).toHaveLength(586);
    expect(channels.every((c) => c.type === 'EMAIL' && c.isPrimary && c.usedForAuth)).toBe(true);
    expect(new Set(channels.map((c) => c.userId)).size).toBe(586);
    expect(new Set(channels.map((c) => c.value)).size).toBe(586);
    const verifiedShare = channels.filter((c) => c.isVerified).length / channels.length;
    expect(verifiedShare).toBeGreaterThanOrEqual(0.7);
    expect(verifiedShare).toBeLessThanOrEqual(0.8);
    expect(channels.filter((c) => byId.get(c.userId)?.isAnonymous && c.isVerified)).toEqual([]);
  });

  it('has 25–33 memberships of existing users in existing teams, every team with members', () => {
    const teamIds = new Set(standard.teams.map((t) => t.id));
    expect(standard.teamMembers.length).toBeGreaterThanOrEqual(25);
    expect(standard.teamMembers.length).toBeLessThanOrEqual(33);
    expect(standard.teamMembers.every((m) => teamIds.has(m.teamId) && byId.has(m.userId))).toBe(true);
    expect(new Set(standard.teamMembers.map((m) => m.teamId)).size).toBe(8);
  });

  it('has password, otp and oauth logins; a provider exactly on oauth ones', () => {
    const methods = standard.authMethods;
    expect(methods.every((m) => (m.kind === 'oauth') === (m.oauthProvider !== null))).toBe(true);
    expect(new Set(methods.map((m) => m.oauthProvider ?? m.kind))).toEqual(
      new Set(['password', 'otp', 'passkey', 'google', 'github', 'microsoft']),
    );
    expect(methods.every((m) => byId.get(m.userId)?.isAnonymous === false)).toBe(true);
  });

  it('records 4–6 % of visits as session replays, over the whole history, each 10 s – 20 min', () => {
    const replays = standard.sessionReplays;
    expect(replays.length / standard.visits.length).toBeGreaterThanOrEqual(0.04);
    expect(replays.length / standard.visits.length).toBeLessThanOrEqual(0.06);
    expect(Math.min(...replays.map((r) => r.startedAt.getTime()))).toBeLessThan(NOW.getTime() - 50 * 86_400_000);
    for (const r of replays) {
      const seconds = (r.lastEventAt.getTime() - r.startedAt.getTime()) / 1000;
      expect(seconds).toBeGreaterThanOrEqual(10);
      expect(seconds).toBeLessThanOrEqual(20 * 60);
    }
    // Their page views carry the replay id, inside the recording.
    const replayOf = new Map(replays.map((r) => [r.id, r]));
    const tagged = standard.events.filter((e) => e.session_replay_id !== null);
    expect(tagged.length).toBeGreaterThanOrEqual(replays.length);
    for (const e of tagged) {
      const r = replayOf.get(e.session_replay_id as string);
      const at = parseEventAt(e.event_at).getTime();
      expect(r && at >= r.startedAt.getTime() && at <= r.lastEventAt.getTime() && e.user_id === r.userId).toBe(true);
    }
  });

  it('has subscriptions in all 4 statuses, revenue invoices and one-time purchases', () => {
    expect(new Set(standard.subscriptions.map((s) => s.status))).toEqual(
      new Set(['active', 'canceled', 'paused', 'trialing']),
    );
    const statuses = new Set(standard.invoices.map((i) => i.status));
    for (const status of ['paid', 'succeeded', 'open'] as const) expect(statuses.has(status)).toBe(true);
    expect(standard.invoices.every((i) => i.amountCents > 0)).toBe(true);
    const subscriptionIds = new Set(standard.subscriptions.map((s) => s.id));
    expect(standard.invoices.every((i) => subscriptionIds.has(i.subscriptionId))).toBe(true);
    expect(standard.oneTimePurchases.length).toBeGreaterThan(0);
  });

  it('has about a thousand emails, ok and error, with timestamps that fit their status', () => {
    const emails = standard.emails;
    expect(emails.length).toBeGreaterThanOrEqual(700);
    expect(emails.length).toBeLessThanOrEqual(1_500);
    expect(new Set(emails.map((e) => e.status))).toEqual(new Set(['ok', 'error']));
    for (const e of emails) {
      const created = e.createdAt.getTime();
      if (e.status === 'ok') {
        expect(e.sentAt && e.deliveredAt && e.bouncedAt === null).toBeTruthy();
        expect(created <= (e.sentAt as Date).getTime() && (e.sentAt as Date) <= (e.deliveredAt as Date)).toBe(true);
        if (e.clickedAt) expect(e.clickedAt.getTime()).toBeGreaterThan((e.deliveredAt as Date).getTime());
      } else {
        expect(e.deliveredAt === null && e.clickedAt === null).toBe(true);
        expect((e.sentAt === null) === (e.bouncedAt === null)).toBe(true);
      }
    }
  });

  it('has tens of thousands of events, sorted by event_at, each user starting with a sign-up token refresh', () => {
    const { events } = standard;
    expect(events.length).toBeGreaterThanOrEqual(20_000);
    expect(events.length).toBeLessThanOrEqual(60_000);
    expect(events.every((e, i) => i === 0 || (events[i - 1] as EventRow).event_at <= e.event_at)).toBe(true);
    const first = new Map<string, EventRow>();
    for (const e of events) if (!first.has(e.user_id as string)) first.set(e.user_id as string, e);
    expect(first.size).toBe(586);
    for (const user of standard.users) {
      const e = first.get(user.id) as EventRow;
      expect(e.event_type).toBe('$token-refresh');
      expect(parseEventAt(e.event_at).getTime()).toBe(user.signedUpAt.getTime());
      expect((e.data as TokenRefreshData).is_anonymous).toBe(user.isAnonymous);
    }
  });

  it('uses weighted referrers on ~17 site paths', () => {
    const views = standard.events
      .filter((e) => e.event_type === '$page-view')
      .map((e) => e.data as { path: string; referrer: string });
    expect(new Set(views.map((v) => v.path)).size).toBe(17);
    const referrers = Object.entries(countBy(views, (v) => v.referrer))
      .sort((a, b) => b[1] - a[1])
      .map(([r]) => r);
    expect(referrers).toHaveLength(7);
    expect(referrers.slice(0, 2).sort()).toEqual(['', 'https://www.google.com/']);
  });
});

describe('generatePreviewDataset: live users', () => {
  const live = standard.liveEvents;

  it('has 8 token refreshes of 8 distinct non-anonymous users in US, GB, DE, JP, AU, IN, BR, CA', () => {
    expect(live).toHaveLength(8);
    expect(live.every((e) => e.event_type === '$token-refresh')).toBe(true);
    expect(new Set(live.map((e) => e.user_id)).size).toBe(8);
    expect(live.every((e) => byId.get(e.user_id as string)?.isAnonymous === false)).toBe(true);
    const countries = live.map((e) => (e.data as TokenRefreshData).ip_info?.country_code).sort();
    expect(countries).toEqual(['AU', 'BR', 'CA', 'DE', 'GB', 'IN', 'JP', 'US']);
  });

  it('are within [now − 5 s, now), at distinct times, a few hundred ms apart', () => {
    const times = live.map((e) => parseEventAt(e.event_at).getTime());
    expect(new Set(times).size).toBe(8);
    for (const at of times) {
      expect(at).toBeGreaterThanOrEqual(NOW.getTime() - 5_000);
      expect(at).toBeLessThan(NOW.getTime());
    }
    const sorted = [...times].sort((a, b) => a - b);
    expect(sorted.slice(1).map((at, i) => at - (sorted[i] as number))).toEqual(Array(7).fill(400));
  });

  it("mark each live user's last activity", () => {
    for (const e of live)
      expect(byId.get(e.user_id as string)?.lastActiveAt?.getTime()).toBe(parseEventAt(e.event_at).getTime());
  });
});
