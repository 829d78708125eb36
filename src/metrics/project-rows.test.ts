// Which projects' figures are computed from their rows: a small one's rows come back whole; one with more
// than ROWS_LIMIT rows in a read gets its figures queried (and the same answers), and is remembered as large.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultScope,
  insertAnalytics,
  located,
  NOW,
  openMetricStores,
  refresh,
  secondsBefore,
  uid,
  type OpenedMetricStores,
} from '../test/metric-fixtures.js';
import { OVERVIEW_METRICS, runMetrics } from './index.js';
import { mayBeSmall, readProjectRows, ROWS_LIMIT } from './project-rows.js';

let stores: OpenedMetricStores;
const small = defaultScope(crypto.randomUUID());
const large = defaultScope(crypto.randomUUID());

beforeAll(async () => {
  stores = await openMetricStores();
  await insertAnalytics(stores.analytics, small, {
    users: [{ id: uid(1) }, { id: uid(2), isAnonymous: true }],
    events: [refresh(small, uid(1), secondsBefore(30), located('DE'))],
  });
  await insertAnalytics(stores.analytics, large, {
    users: Array.from({ length: ROWS_LIMIT + 1 }, (_, i) => ({ id: uid(i + 1) })),
    events: [refresh(large, uid(1), secondsBefore(30), located('FR'))],
  });
}, 60_000);
afterAll(() => stores?.close());

describe('a project’s rows', () => {
  it('reads a small project whole: its users (tombstones and anonymous ones too), rollups and live refreshes', async () => {
    const rows = await readProjectRows(stores.analytics, small, NOW);
    expect(rows?.users.map((u) => [u.id, Number(u.is_anonymous)]).sort()).toEqual([
      [uid(1), 0],
      [uid(2), 1],
    ]);
    expect(rows?.live).toHaveLength(1);
    expect(rows?.activity.map((row) => row.user_id)).toEqual([uid(1)]);
    expect(typeof rows?.activity[0]?.refresh_days).toBe('bigint');
    expect(mayBeSmall(small, NOW)).toBe(true);
  });

  it('gives a project over the limit its queries, with the same answers, and remembers it as large for an hour', async () => {
    expect(await readProjectRows(stores.analytics, large, NOW)).toBeUndefined();
    expect(mayBeSmall(large, NOW)).toBe(false);
    expect(mayBeSmall(large, new Date(NOW.getTime() + 60 * 60_000))).toBe(true);
    const auto = await runMetrics(OVERVIEW_METRICS, stores, large, NOW);
    expect(auto).toEqual(await runMetrics(OVERVIEW_METRICS, stores, large, NOW, { rows: 'never' }));
    expect(auto.total_users).toBe(ROWS_LIMIT + 1);
    expect(auto.live_users_by_country).toMatchObject({ FR: [{ id: uid(1) }] });
  });
});
