// User figures from the ClickHouse mirrors (FINAL, tombstones out) and countries from `$token-refresh`.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBothWays } from '../test/run-both-ways.js';
import {
  at,
  insertAnalytics,
  located,
  NOW,
  openMetricStores,
  refresh,
  series,
  uid,
  type OpenedMetricStores,
  defaultScope,
} from '../test/metric-fixtures.js';
import type { MetricScope } from './types.js';

let stores: OpenedMetricStores;
const scope: MetricScope = defaultScope(crypto.randomUUID());
const withAnonymous: MetricScope = { ...scope, includeAnonymous: true };

// u1..u12 sign up one a day from 2026-05-11 (u5 one millisecond before the window, u6 at its first instant).
const signedUp = (n: number) =>
  n === 5
    ? at('2026-05-15T23:59:59.999Z')
    : n === 6
      ? at('2026-05-16T00:00:00.000Z')
      : at(`2026-05-${10 + n}T08:00:00.000Z`);
const user = (n: number, extra: object = {}) => ({ id: uid(n), signedUpAt: signedUp(n), ...extra });

beforeAll(async () => {
  stores = await openMetricStores();
  await insertAnalytics(stores.analytics, scope, {
    users: [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 12].map((n) => user(n)),
      user(9, { isAnonymous: true }),
      // Deleted: the tombstone (sequence 2) supersedes the seeded row.
      user(10),
      user(10, { sequence: 2, deleted: true }),
      // Seeded as anonymous (sequence 0), then really synced as a named, signed-up user (sequence 1).
      user(11, { isAnonymous: true, name: 'Seeded' }),
      user(11, { sequence: 1, name: 'Renamed' }),
    ],
    emails: [
      { id: uid(101), userId: uid(1), verified: true },
      { id: uid(102), userId: uid(2), verified: true },
      { id: uid(103), userId: uid(3), verified: false },
      { id: uid(104), userId: uid(4), verified: true },
      { id: uid(104), userId: uid(4), verified: true, sequence: 1, deleted: true },
      { id: uid(105), userId: uid(5), verified: false },
      { id: uid(105), userId: uid(5), verified: true, sequence: 4 },
      { id: uid(109), userId: uid(9), verified: true },
      { id: uid(110), userId: uid(10), verified: true },
    ],
    teams: [
      { id: uid(201) },
      { id: uid(202) },
      { id: uid(202), sequence: 1, deleted: true },
      { id: uid(203) },
      { id: uid(203), sequence: 3 },
    ],
    events: [
      refresh(scope, uid(1), at('2026-06-10T10:00:00.000Z'), located('US', 'CA')),
      refresh(scope, uid(2), at('2026-06-10T10:00:00.000Z'), located('US', 'NY')),
      refresh(scope, uid(3), at('2026-06-11T10:00:00.000Z'), located('US', 'CA')),
      refresh(scope, uid(4), at('2026-06-11T10:00:00.000Z'), located('GB', 'ENG')),
      refresh(scope, uid(5), at('2026-06-12T10:00:00.000Z'), located('DE', 'BE')),
      refresh(scope, uid(6), at('2026-06-12T10:00:00.000Z'), located('JP', '13')),
      // u7 moves from France to Germany; the later event is inserted first, so only event_at decides.
      refresh(scope, uid(7), at('2026-06-10T09:00:00.000Z'), located('DE', 'BY')),
      refresh(scope, uid(7), at('2026-06-01T09:00:00.000Z'), located('FR', 'IDF')),
      // u7's last refresh has no location: the latest *located* one decides.
      refresh(scope, uid(7), at('2026-06-14T09:00:00.000Z'), null),
      refresh(scope, uid(8), at('2026-06-12T10:00:00.000Z'), null),
      refresh(scope, uid(9), at('2026-06-12T10:00:00.000Z'), located('BR', 'SP')),
      refresh(scope, uid(10), at('2026-06-12T10:00:00.000Z'), located('US', 'CA')),
      refresh(scope, uid(11), at('2026-06-13T10:00:00.000Z'), located('CA', 'ON')),
      // A non-anonymous user whose only refresh says it was anonymous.
      refresh(scope, uid(12), at('2026-06-13T10:00:00.000Z'), located('AU', 'NSW'), { anonymous: true }),
      // A user the mirror does not know (never synced): never counted.
      refresh(scope, uid(99), at('2026-06-13T10:00:00.000Z'), located('US', 'CA')),
      // Before the window: not part of the latest country in the window.
      refresh(scope, uid(1), at('2026-05-15T23:59:59.999Z'), located('MX', 'CMX')),
    ],
  });
});
afterAll(() => stores?.close());

describe('user totals from the mirrors', () => {
  it('counts existing non-anonymous users: the tombstone hides u10, the later version of u11 wins', async () => {
    expect(
      await runBothWays(
        ['total_users', 'anonymous_users', 'verified_users', 'unverified_users', 'total_teams', 'mau'],
        stores,
        scope,
        NOW,
      ),
    ).toEqual({
      total_users: 10,
      anonymous_users: 1,
      // u1, u2 and u5 (whose channel was verified by a later version); not u4 (channel deleted) nor u9 (anonymous).
      verified_users: 3,
      unverified_users: 7,
      total_teams: 2,
      // u1..u8 and u11 refreshed in the window; not u10 (deleted), u9 (anonymous), u12 (anonymous event), u99 (unknown).
      mau: 9,
    });
  });

  it('includes anonymous users and events when asked; anonymous_users and the verified split stay the same', async () => {
    expect(
      await runBothWays(
        ['total_users', 'anonymous_users', 'verified_users', 'unverified_users', 'mau'],
        stores,
        withAnonymous,
        NOW,
      ),
    ).toEqual({
      total_users: 11,
      anonymous_users: 1,
      verified_users: 3,
      unverified_users: 7,
      mau: 11,
    });
  });
});

describe('countries', () => {
  it('counts each user once, in their latest located country in the window (u7 moved to DE)', async () => {
    const { users_by_country, top_region } = await runBothWays(['users_by_country', 'top_region'], stores, scope, NOW);
    expect(users_by_country).toEqual({ US: 3, DE: 2, CA: 1, GB: 1, JP: 1 });
    expect(Object.keys(users_by_country)).toEqual(['US', 'DE', 'CA', 'GB', 'JP']);
    expect(top_region).toEqual({ country_code: 'US', region_code: 'CA', users: 2 });
  });

  it('adds anonymous users and anonymous events when asked', async () => {
    const { users_by_country } = await runBothWays(['users_by_country'], stores, withAnonymous, NOW);
    expect(users_by_country).toEqual({ US: 3, DE: 2, AU: 1, BR: 1, CA: 1, GB: 1, JP: 1 });
  });
});

describe('sign-ups', () => {
  it('daily_signups counts from the first instant of the window, existing non-anonymous users only', async () => {
    const { daily_signups } = await runBothWays(['daily_signups'], stores, scope, NOW);
    // u6 at 00:00:00.000 counts, u5 at 23:59:59.999 the day before does not; u9 is anonymous, u10 deleted.
    expect(daily_signups).toEqual(
      series({ '2026-05-16': 1, '2026-05-17': 1, '2026-05-18': 1, '2026-05-21': 1, '2026-05-22': 1 }),
    );
  });

  it('recently_registered lists the newest sign-ups with the latest mirror version of each user', async () => {
    const { recently_registered } = await runBothWays(['recently_registered'], stores, scope, NOW);
    expect(recently_registered.map((u) => [u.id, u.display_name, u.signed_up_at])).toEqual([
      [uid(12), 'User 12', '2026-05-22T08:00:00.000Z'],
      [uid(11), 'Renamed', '2026-05-21T08:00:00.000Z'],
      [uid(8), 'User 08', '2026-05-18T08:00:00.000Z'],
      [uid(7), 'User 07', '2026-05-17T08:00:00.000Z'],
      [uid(6), 'User 06', '2026-05-16T00:00:00.000Z'],
      [uid(5), 'User 05', '2026-05-15T23:59:59.999Z'],
      [uid(4), 'User 04', '2026-05-14T08:00:00.000Z'],
      [uid(3), 'User 03', '2026-05-13T08:00:00.000Z'],
      [uid(2), 'User 02', '2026-05-12T08:00:00.000Z'],
      [uid(1), 'User 01', '2026-05-11T08:00:00.000Z'],
    ]);
    expect(recently_registered[0]).toEqual({
      id: uid(12),
      display_name: 'User 12',
      primary_email: '0012@example.com',
      profile_image_url: null,
      signed_up_at: '2026-05-22T08:00:00.000Z',
    });
  });
});
