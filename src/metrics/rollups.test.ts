// The rollup queries equal the raw-events definitions (src/test/raw-metrics.ts) on randomised fixtures:
// late events, deleted and re-created users, anonymous users and events, users who move, events on day
// edges and on both sides of 64-day blocks, events of unknown users, two projects and two branches side
// by side, written in several INSERTs (unmerged rows), one project's users mirrored only after its first
// events. Every rolled metric, several windows, both ways of counting anonymous users.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClickHouseHttp } from '../analytics/clickhouse-http.js';
import { insertEvents } from '../analytics/insert-events.js';
import type { AnalyticsStore } from '../analytics/store.js';
import type { EventRow, EventScope } from '../events/event-rows.js';
import {
  click,
  insertAnalytics,
  located,
  NOW,
  openMetricStores,
  pageView,
  refresh,
  uid,
  type MirrorUser,
  type OpenedMetricStores,
} from '../test/metric-fixtures.js';
import { RAW_METRICS } from '../test/raw-metrics.js';
import { skipReason, testTargets } from '../test/targets.js';
import { runMetrics } from './index.js';
import { readProjectRows } from './project-rows.js';
import type { MetricScope } from './types.js';
import type { DayRange } from './window.js';
import { FIRST_SEED_GENERATION } from '../db/projects.js';

const DAY = 86_400_000;
const USERS = 60;
const COUNTRIES = ['US', 'DE', 'BR', 'JP'];
const REFERRERS = ['', 'https://google.com', 'https://news.ycombinator.com', 'https://x.com'];

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Fixture {
  users: MirrorUser[];
  batches: EventRow[][];
}

/** Users in every state and ~1,500 events over 400 days up to NOW, in three INSERTs (the last one late). */
function fixture(scope: EventScope, seed: number): Fixture {
  const r = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const users: MirrorUser[] = [];
  for (let n = 1; n <= USERS; n++) {
    const id = uid(n);
    const state = r();
    users.push({ id, isAnonymous: r() < 0.12 });
    if (state < 0.1) users.push({ id, sequence: 1, deleted: true });
    else if (state < 0.16) users.push({ id, sequence: 1, deleted: true }, { id, sequence: 2 });
  }
  const used = new Set<string>();
  const when = (userId: string): Date => {
    const daysAgo = Math.floor(r() ** 2 * 400);
    const edge = r();
    const midnight = Math.floor(NOW.getTime() / DAY) * DAY - daysAgo * DAY;
    let t = edge < 0.15 ? midnight : edge < 0.3 ? midnight + DAY - 1 : midnight + Math.floor(r() * DAY);
    // A user's events have distinct instants: "latest" is then one event, in both definitions.
    while (t > NOW.getTime() || used.has(`${userId}:${t}`)) t = t > NOW.getTime() ? NOW.getTime() - 1 : t - 1;
    used.add(`${userId}:${t}`);
    return new Date(t);
  };
  const events: EventRow[] = [];
  for (let i = 0; i < 1_500; i++) {
    // Now and then a user the mirror never held.
    const userId = r() < 0.05 ? uid(1000 + Math.floor(r() * 5)) : uid(1 + Math.floor(r() * USERS));
    const anonymous = r() < 0.1;
    const kind = r();
    const at = when(userId);
    if (kind < 0.45) {
      const place = r() < 0.2 ? null : located(pick(COUNTRIES), r() < 0.3 ? null : pick(['R1', 'R2']));
      events.push(refresh(scope, userId, at, place, { anonymous }));
    } else if (kind < 0.8) events.push(pageView(scope, userId, at, pick(REFERRERS), { anonymous }));
    else events.push(click(scope, userId, at, { anonymous }));
  }
  // Refreshes on both sides of the last two 64-day block edges before NOW (inside the default and the
  // 90-day windows): the day before a block's first day is the previous block's last bit.
  const blockStart = Math.floor(NOW.getTime() / DAY / 64) * 64;
  for (const edge of [blockStart, blockStart - 64])
    for (const n of [2, 3, 4])
      for (const day of [edge - 1, edge]) {
        const at = day * DAY + DAY / 2 + n;
        if (!used.has(`${uid(n)}:${at}`)) events.push(refresh(scope, uid(n), new Date(at), located('DE')));
      }
  // Now and then a refresh exactly at NOW: today counts up to now, included.
  events.push(refresh(scope, uid(1), NOW, located('US')));
  return { users, batches: [events.slice(0, 600), events.slice(600, 1_200), events.slice(1_200)] };
}

const ROLLED = Object.keys(RAW_METRICS) as (keyof typeof RAW_METRICS)[];

// NOW is 2026-06-15T12:00Z. A past window, one across a 64-day block edge, and the named ranges.
const WINDOWS: (DayRange | undefined)[] = [
  undefined,
  { first: '2026-06-08', last: '2026-06-15' },
  { first: '2026-03-17', last: '2026-06-15' },
  { first: '2025-06-15', last: '2026-06-15' },
  { first: '2026-02-27', last: '2026-03-01' },
  { first: '2025-09-01', last: '2026-01-31' },
];

function rolledEqualsRaw(engine: string, openServer?: () => Promise<AnalyticsStore>, skip?: string) {
  describe.skipIf(skip !== undefined)(`every rolled metric equals its raw-events definition (${engine})`, () => {
    let stores: OpenedMetricStores;
    const scopes: EventScope[] = [];

    beforeAll(async () => {
      stores = await openMetricStores(openServer);
      const [p1, p2] = [randomUUID(), randomUUID()];
      scopes.push(
        { projectId: p1, branchId: 'main' },
        { projectId: p1, branchId: 'dev' },
        { projectId: p2, branchId: 'main' },
      );
      const fixtures = scopes.map((scope, i) => ({ scope, ...fixture(scope, 11 + i * 7) }));
      // The last scope's users reach the mirror only after the first batch of events: their earlier days
      // come from the activity rollup when they are numbered (migration 0008), later ones from the events.
      const [late, ...first] = [fixtures.at(-1)!, ...fixtures.slice(0, -1)];
      for (const f of first) await insertAnalytics(stores.analytics, f.scope, { users: f.users });
      for (const batch of [0, 1, 2]) {
        if (batch === 1) await insertAnalytics(stores.analytics, late.scope, { users: late.users });
        await insertEvents(
          stores.analytics,
          fixtures.flatMap((f) => f.batches[batch]!),
        );
      }
    }, 120_000);
    afterAll(() => stores?.close());

    for (const includeAnonymous of [false, true])
      for (const [w, range] of WINDOWS.entries())
        it(`window ${range ? `${range.first}…${range.last}` : 'default'}, include_anonymous=${includeAnonymous}`, async () => {
          for (const scope of scopes) {
            const metricScope: MetricScope = {
              ...scope,
              includeAnonymous,
              range,
              seedGeneration: FIRST_SEED_GENERATION,
            };
            // The fixtures are small: 'auto' computes the figures from the project's rows, 'never' queries them.
            expect(await readProjectRows(stores.analytics, metricScope, NOW)).toBeDefined();
            for (const rows of ['auto', 'never'] as const) {
              const rolled = await runMetrics(ROLLED, stores, metricScope, NOW, { rows });
              for (const name of ROLLED) {
                const raw = await RAW_METRICS[name]({ ...stores }, metricScope, NOW);
                expect(rolled[name], `${name} (${scope.branchId}, window ${w}, rows ${rows})`).toEqual(raw);
              }
            }
          }
        });
  });
}

rolledEqualsRaw('chDB');

rolledEqualsRaw(
  'ClickHouse server, HTTP driver',
  () => openClickHouseHttp({ url: testTargets.clickhouseUrl! }),
  skipReason('PULSE_TEST_CLICKHOUSE_URL'),
);
