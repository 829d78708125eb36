// The generator's contract: deterministic by (projectId, seed, now, size), ids namespaced per project,
// sizes and overrides, and a snapshot of totals that changes only when the generator changes on purpose.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEventAt, type EventRow, type TokenRefreshData } from '../../events/event-rows.js';
import { generatePreviewDataset } from './index.js';
import type { PreviewDataset } from './types.js';

const PROJECT = '8a3c1f4e-2b7d-4e91-9c55-0d6f1e2a3b4c';
const OTHER_PROJECT = 'f0e1d2c3-b4a5-4697-8899-aabbccddeeff';
const NOW = new Date('2026-03-18T15:42:07.123Z');

const hashOf = (dataset: PreviewDataset): string => createHash('sha256').update(JSON.stringify(dataset)).digest('hex');

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Every id the dataset mints (not the project id). */
function idsOf(d: PreviewDataset): Set<string> {
  return new Set([
    ...d.users.map((r) => r.id),
    ...d.contactChannels.map((r) => r.id),
    ...d.teams.map((r) => r.id),
    ...d.authMethods.map((r) => r.id),
    ...d.emails.map((r) => r.id),
    ...d.sessionReplays.map((r) => r.id),
    ...d.subscriptions.map((r) => r.id),
    ...d.invoices.map((r) => r.id),
    ...d.oneTimePurchases.map((r) => r.id),
    ...d.events.flatMap((e) => [e.refresh_token_id ?? '', e.session_replay_id ?? '']).filter((id) => id !== ''),
  ]);
}

const standard = generatePreviewDataset({ projectId: PROJECT, seed: 'demo', now: NOW });

describe('generatePreviewDataset: determinism', () => {
  it('returns an identical dataset for identical inputs', () => {
    const again = generatePreviewDataset({
      projectId: PROJECT,
      seed: 'demo',
      now: new Date(NOW.getTime()),
      size: 'standard',
    });
    expect(hashOf(again)).toBe(hashOf(standard));
  });

  it('returns a different dataset for another seed', () => {
    expect(hashOf(generatePreviewDataset({ projectId: PROJECT, seed: 'demo-2', now: NOW }))).not.toBe(hashOf(standard));
  });

  it('shares no id between two projects', () => {
    const other = idsOf(generatePreviewDataset({ projectId: OTHER_PROJECT, seed: 'demo', now: NOW }));
    const mine = idsOf(standard);
    expect(mine.size).toBeGreaterThan(2_000);
    expect([...mine].filter((id) => other.has(id))).toEqual([]);
  });

  it('mints unique v4-shaped UUIDs', () => {
    const ids = [...standard.users, ...standard.contactChannels, ...standard.authMethods].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('generatePreviewDataset: sizes and overrides', () => {
  it('tiny: the 16 hand-written users + 20, 14 days, every kind of row', () => {
    const tiny = generatePreviewDataset({ projectId: PROJECT, seed: 'demo', now: NOW, size: 'tiny' });
    expect(tiny.users).toHaveLength(36);
    const oldest = parseEventAt((tiny.events[0] as EventRow).event_at).getTime();
    expect(oldest).toBeGreaterThanOrEqual(NOW.getTime() - 14 * 86_400_000);
    for (const rows of [
      tiny.teams,
      tiny.teamMembers,
      tiny.emails,
      tiny.sessionReplays,
      tiny.subscriptions,
      tiny.invoices,
      tiny.oneTimePurchases,
    ]) {
      expect(rows.length).toBeGreaterThan(0);
    }
    expect(tiny.liveEvents).toHaveLength(8);
  });

  it('explicit users and days override the size', () => {
    const small = generatePreviewDataset({ projectId: PROJECT, seed: 'demo', now: NOW, users: 0, days: 3 });
    expect(small.users).toHaveLength(16);
    expect(small.liveEvents).toHaveLength(8);
    const oldest = parseEventAt((small.events[0] as EventRow).event_at).getTime();
    expect(oldest).toBeGreaterThanOrEqual(NOW.getTime() - 3 * 86_400_000);
  });

  it('rejects impossible options', () => {
    expect(() => generatePreviewDataset({ projectId: PROJECT, seed: 'x', now: NOW, users: -1 })).toThrow(RangeError);
    expect(() => generatePreviewDataset({ projectId: PROJECT, seed: 'x', now: NOW, days: 0 })).toThrow(RangeError);
    expect(() => generatePreviewDataset({ projectId: PROJECT, seed: 'x', now: new Date('nope') })).toThrow(RangeError);
  });
});

describe('generatePreviewDataset: drift', () => {
  it('keeps its totals for a fixed seed and now', () => {
    const d = standard;
    const perDay = countBy(
      d.events.filter((e) => e.event_type === '$token-refresh'),
      (e) => e.event_at.slice(0, 10),
    );
    expect({
      events: countBy(d.events, (e) => e.event_type),
      users: d.users.length,
      verified: d.contactChannels.filter((c) => c.isVerified).length,
      authMethods: countBy(d.authMethods, (m) => m.oauthProvider ?? m.kind),
      countries: Object.fromEntries(
        Object.entries(countBy(d.users, (u) => homeCountry(d, u.id)))
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5),
      ),
      lastWeekTokenRefreshes: Object.keys(perDay)
        .sort()
        .slice(-7)
        .map((day) => perDay[day]),
      emails: countBy(d.emails, (e) => e.status),
      replays: d.sessionReplays.length,
      subscriptions: countBy(d.subscriptions, (s) => s.status),
      invoices: countBy(d.invoices, (i) => i.status),
      orders: d.oneTimePurchases.length,
      revenueCents: d.invoices
        .filter((i) => i.status === 'paid' || i.status === 'succeeded')
        .reduce((sum, i) => sum + i.amountCents, 0),
    }).toMatchInlineSnapshot(`
      {
        "authMethods": {
          "github": 103,
          "google": 171,
          "microsoft": 35,
          "otp": 88,
          "passkey": 20,
          "password": 224,
        },
        "countries": {
          "CA": 34,
          "DE": 31,
          "GB": 41,
          "IN": 61,
          "US": 214,
        },
        "emails": {
          "error": 21,
          "ok": 963,
        },
        "events": {
          "$click": 2787,
          "$page-view": 15584,
          "$token-refresh": 7035,
        },
        "invoices": {
          "open": 5,
          "paid": 23,
          "succeeded": 6,
          "void": 6,
        },
        "lastWeekTokenRefreshes": [
          209,
          204,
          135,
          134,
          194,
          253,
          109,
        ],
        "orders": 23,
        "replays": 340,
        "revenueCents": 114500,
        "subscriptions": {
          "active": 19,
          "canceled": 7,
          "paused": 1,
          "trialing": 5,
        },
        "users": 586,
        "verified": 432,
      }
    `);
  });
});

const homeCountries = new WeakMap<PreviewDataset, Map<string, string>>();
function homeCountry(d: PreviewDataset, userId: string): string {
  let map = homeCountries.get(d);
  if (!map) {
    map = new Map();
    for (const e of d.events) {
      if (e.event_type === '$token-refresh' && !map.has(e.user_id as string))
        map.set(e.user_id as string, (e.data as TokenRefreshData).ip_info?.country_code ?? '');
    }
    homeCountries.set(d, map);
  }
  return map.get(userId) ?? '';
}
