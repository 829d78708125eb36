// Hand-written fixtures for the metric tests: fixed instants, readable builders, rows inserted straight
// into chDB (mirrors with explicit sync bookkeeping, events through src/events/event-rows.ts) and PGlite.
// Test-only: nothing in production imports this file.
import { openChdb } from '../analytics/chdb.js';
import { migrateAnalytics } from '../analytics/migrate.js';
import type { AnalyticsStore } from '../analytics/store.js';
import {
  clickEvent,
  formatEventAt,
  pageViewEvent,
  tokenRefreshEvent,
  type EventRow,
  type EventScope,
  type IpInfo,
} from '../events/event-rows.js';
import { insertEvents } from '../analytics/insert-events.js';
import { openTestPglite } from './targets.js';
import { makeTempDir } from './temp-dir.js';
import type { Stores } from '../stores.js';
import { FIRST_SEED_GENERATION } from '../db/projects.js';
import type { MetricScope } from '../metrics/types.js';

/** The fixed "now" of every metric test: window = 2026-05-16T00:00:00.000Z … now (31 days). */
export const NOW = new Date('2026-06-15T12:00:00.000Z');
export const FIRST_DAY = '2026-05-16';

export const at = (iso: string): Date => new Date(iso);
/** A project's default scope: main branch, no anonymous users, demo events of the first seed generation. */
export const defaultScope = (projectId: string): MetricScope => ({
  projectId,
  branchId: 'main',
  includeAnonymous: false,
  seedGeneration: FIRST_SEED_GENERATION,
});
export const secondsBefore = (seconds: number, now = NOW): Date => new Date(now.getTime() - seconds * 1000);

/** A readable, valid uuid per small number: uid(7) = 00000000-0000-4000-8000-000000000007. */
export const uid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface MirrorUser {
  id: string;
  name?: string | null;
  email?: string | null;
  signedUpAt?: Date;
  isAnonymous?: boolean;
  sequence?: number;
  deleted?: boolean;
}

export function mirrorUserRow(scope: EventScope, u: MirrorUser) {
  const name = u.name === undefined ? `User ${u.id.slice(-2)}` : u.name;
  return {
    project_id: scope.projectId,
    branch_id: scope.branchId,
    id: u.id,
    display_name: name,
    profile_image_url: null,
    primary_email: u.email === undefined ? `${u.id.slice(-4)}@example.com` : u.email,
    primary_email_verified: 0,
    signed_up_at: formatEventAt(u.signedUpAt ?? at('2026-01-01T00:00:00.000Z')),
    client_metadata: '{}',
    client_read_only_metadata: '{}',
    server_metadata: '{}',
    is_anonymous: u.isAnonymous ? 1 : 0,
    restricted_by_admin: 0,
    restricted_by_admin_reason: null,
    restricted_by_admin_private_details: null,
    sync_sequence_id: u.sequence ?? 0,
    sync_is_deleted: u.deleted ? 1 : 0,
  };
}

export function mirrorEmailRow(
  scope: EventScope,
  c: { id: string; userId: string; verified: boolean; sequence?: number; deleted?: boolean },
) {
  return {
    project_id: scope.projectId,
    branch_id: scope.branchId,
    id: c.id,
    user_id: c.userId,
    type: 'EMAIL',
    value: `${c.userId.slice(-4)}@example.com`,
    is_primary: 1,
    is_verified: c.verified ? 1 : 0,
    used_for_auth: 1,
    created_at: '2026-01-01 00:00:00.000',
    sync_sequence_id: c.sequence ?? 0,
    sync_is_deleted: c.deleted ? 1 : 0,
  };
}

export function mirrorTeamRow(scope: EventScope, t: { id: string; sequence?: number; deleted?: boolean }) {
  return {
    project_id: scope.projectId,
    branch_id: scope.branchId,
    id: t.id,
    display_name: `Team ${t.id.slice(-2)}`,
    profile_image_url: null,
    created_at: '2026-01-01 00:00:00.000',
    client_metadata: '{}',
    client_read_only_metadata: '{}',
    server_metadata: '{}',
    sync_sequence_id: t.sequence ?? 0,
    sync_is_deleted: t.deleted ? 1 : 0,
  };
}

/** An IP location in a country (and region); the rest is filler no metric reads. */
export const located = (country: string, region: string | null = null): IpInfo => ({
  ip: '203.0.113.7',
  is_trusted: true,
  country_code: country,
  region_code: region,
  city_name: null,
  latitude: null,
  longitude: null,
  tz_identifier: null,
});

export interface EventOptions {
  anonymous?: boolean;
}

export const refresh = (
  scope: EventScope,
  userId: string,
  when: Date,
  where: IpInfo | null = null,
  o: EventOptions = {},
): EventRow =>
  tokenRefreshEvent(scope, {
    at: when,
    userId,
    refreshTokenId: `rt-${userId}`,
    isAnonymous: o.anonymous ?? false,
    ipInfo: where,
  });

export const pageView = (
  scope: EventScope,
  userId: string,
  when: Date,
  referrer = '',
  o: EventOptions = {},
): EventRow =>
  pageViewEvent(scope, { at: when, userId, data: { path: '/', referrer, is_anonymous: o.anonymous ?? false } });

export const click = (scope: EventScope, userId: string, when: Date, o: EventOptions = {}): EventRow =>
  clickEvent(scope, { at: when, userId, data: { selector: '#buy', is_anonymous: o.anonymous ?? false } });

export interface AnalyticsFixture {
  users?: MirrorUser[];
  emails?: Parameters<typeof mirrorEmailRow>[1][];
  teams?: Parameters<typeof mirrorTeamRow>[1][];
  events?: EventRow[];
}

/**
 * Mirror rows go in one INSERT per sync_sequence_id, in order, as the seeder and then the sync worker
 * would write them: a single INSERT would let ReplacingMergeTree collapse versions on insert, and the
 * tests would no longer prove that the queries read with FINAL.
 */
export async function insertAnalytics(store: AnalyticsStore, scope: EventScope, f: AnalyticsFixture): Promise<void> {
  const bySequence = async <Row extends { sync_sequence_id: number }>(table: string, rows: Row[]) => {
    for (const sequence of [...new Set(rows.map((r) => r.sync_sequence_id))].sort((a, b) => a - b)) {
      await store.insert(
        `analytics_internal.${table}`,
        rows.filter((r) => r.sync_sequence_id === sequence),
      );
    }
  };
  await bySequence(
    'users',
    (f.users ?? []).map((u) => mirrorUserRow(scope, u)),
  );
  await bySequence(
    'contact_channels',
    (f.emails ?? []).map((c) => mirrorEmailRow(scope, c)),
  );
  await bySequence(
    'teams',
    (f.teams ?? []).map((t) => mirrorTeamRow(scope, t)),
  );
  await insertEvents(store, f.events ?? []);
}

/** Keeps every inserted part unmerged, so reading without FINAL would see every version (tests only). */
export async function stopMirrorMerges(store: AnalyticsStore): Promise<void> {
  for (const table of ['users', 'contact_channels', 'teams'])
    await store.command(`SYSTEM STOP MERGES analytics_internal.${table}`);
}

/**
 * The expected 31-point series from FIRST_DAY, written independently of src/metrics/window.ts:
 * `series({ '2026-06-15': 2 })` is 30 zeros then 2.
 */
export const series = (values: Record<string, number> = {}) => seriesOver(FIRST_DAY, '2026-06-15', values);

/** The expected series of every day from `first` to `last`, both included; unknown days throw. */
export function seriesOver(
  first: string,
  last: string,
  values: Record<string, number> = {},
): { date: string; activity: number }[] {
  const points: { date: string; activity: number }[] = [];
  for (let t = Date.parse(`${first}T00:00:00.000Z`); t <= Date.parse(`${last}T00:00:00.000Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    points.push({ date, activity: values[date] ?? 0 });
  }
  const unknown = Object.keys(values).filter((day) => !points.some((p) => p.date === day));
  if (unknown.length > 0) throw new Error(`series(): days outside the window: ${unknown.join(', ')}`);
  return points;
}

export interface OpenedMetricStores extends Stores {
  close(): Promise<void>;
}

/**
 * Fresh, migrated PGlite and chDB in temp dirs (one chDB per test file: it binds one dir per process).
 * `openServer` opens a ClickHouse server's store instead (migrated, its merges left alone: it is shared).
 */
export async function openMetricStores(openServer?: () => Promise<AnalyticsStore>): Promise<OpenedMetricStores> {
  const pg = await openTestPglite();
  const chDir = openServer ? undefined : makeTempDir('pulse-chdb-');
  const analytics = chDir ? await openChdb({ dataDir: chDir.dir }) : await openServer!();
  await Promise.all([pg.store.migrate(), migrateAnalytics(analytics)]);
  if (chDir) await stopMirrorMerges(analytics);
  return {
    postgres: pg.store,
    analytics,
    async close() {
      await analytics.close();
      await pg.dispose();
      chDir?.remove();
    },
  };
}
