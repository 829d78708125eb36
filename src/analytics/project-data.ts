// Statements over one project's ClickHouse rows: removing them (preview rollback, reseed, expiry, deletion,
// crash repair), which projects and seed generations ClickHouse holds (crash repair) and who is live now
// (the preview keep-alive).
import { LIVE_SECONDS } from '../../contract/metrics.js';
import { EVENTS_TABLE } from './insert-events.js';
import type { AnalyticsReader, AnalyticsStore } from './store.js';

/** The four mirrors of Postgres tables, as the sync and the preview seeder write them. */
export const MIRROR_TABLES = {
  users: 'analytics_internal.users',
  contactChannels: 'analytics_internal.contact_channels',
  teams: 'analytics_internal.teams',
  teamMembers: 'analytics_internal.team_members',
} as const;

/**
 * The activity rollups (migrations 0006 and 0008), kept by materialized views on inserts into the events
 * table. A DELETE does not reach them, so every delete of events repeats itself on each.
 */
export const ROLLUP_TABLES = [
  'analytics_internal.user_activity',
  'analytics_internal.user_places',
  'analytics_internal.user_referrers',
  'analytics_internal.daily_users',
] as const;

/**
 * The users mirror's rows by user number (migration 0008), and the users numbered in the last day
 * (0010): kept by views on the mirror and on the numbers.
 */
const NUMBERED_TABLES = ['analytics_internal.user_states', 'analytics_internal.recently_numbered'] as const;

/**
 * The user numbers of migration 0008 (Join tables keyed by 'project_id:user_id' and by project): kept by
 * views on the users mirror, and deleted only with their project, so a re-created user keeps a number.
 */
const NUMBER_TABLES = [
  { table: 'analytics_internal.user_numbers', project: "splitByChar(':', k)[1]" },
  { table: 'analytics_internal.user_number_tops', project: 'project_id' },
] as const;

/** The events table and its rollups: where a delete of events applies. */
const EVENT_TABLES = [EVENTS_TABLE, ...ROLLUP_TABLES];

/** One seed generation's events (`seeded` = generation): a failed or crashed reseed's partial new ones. */
export async function deleteSeedGeneration(
  store: Pick<AnalyticsStore, 'command'>,
  projectId: string,
  generation: number,
): Promise<void> {
  for (const table of EVENT_TABLES)
    await store.command(`DELETE FROM ${table} WHERE project_id = {projectId:String} AND seeded = {generation:UInt8}`, {
      projectId,
      generation,
    });
}

/** Every seeded event but the current generation's (real events, seeded = 0, stay): after a reseed's switch. */
export async function deleteOtherSeedGenerations(
  store: Pick<AnalyticsStore, 'command'>,
  projectId: string,
  current: number,
): Promise<void> {
  for (const table of EVENT_TABLES)
    await store.command(
      `DELETE FROM ${table} WHERE project_id = {projectId:String} AND seeded NOT IN (0, {current:UInt8})`,
      { projectId, current },
    );
}

/** Every project id ClickHouse holds a row of, in events or a mirror. */
export async function analyticsProjectIds(store: AnalyticsReader): Promise<string[]> {
  const tables = [...EVENT_TABLES, ...Object.values(MIRROR_TABLES), ...NUMBERED_TABLES];
  const selects = [
    ...tables.map((t) => `SELECT DISTINCT project_id FROM ${t}`),
    ...NUMBER_TABLES.map(({ table, project }) => `SELECT DISTINCT ${project} AS project_id FROM ${table}`),
  ];
  const rows = await store.query<{ project_id: string }>(
    `SELECT DISTINCT project_id FROM (${selects.join(' UNION ALL ')})`,
  );
  return rows.map((r) => r.project_id);
}

/** Per project, the seed generations its events carry (seeded ≠ 0); more than one only mid-reseed or after a crash. */
export async function seedGenerationsInEvents(store: AnalyticsReader): Promise<Map<string, number[]>> {
  const rows = await store.query<{ project_id: string; generations: number[] }>(
    `SELECT project_id, groupUniqArray(seeded) AS generations FROM ${EVENTS_TABLE} WHERE seeded != 0 GROUP BY project_id`,
  );
  return new Map(rows.map((r) => [r.project_id, r.generations.map(Number)]));
}

/**
 * Everything of some projects in ClickHouse: rollback of a failed creation, and preview expiry.
 * One DELETE per table for all of them: each DELETE is a mutation, costly whatever its size.
 */
export async function deleteProjectData(
  store: Pick<AnalyticsStore, 'command'>,
  projectIds: readonly string[],
): Promise<void> {
  if (projectIds.length === 0) return;
  for (const table of [...EVENT_TABLES, ...Object.values(MIRROR_TABLES), ...NUMBERED_TABLES]) {
    await store.command(`DELETE FROM ${table} WHERE project_id IN {ids:Array(String)}`, { ids: projectIds });
  }
  // A Join table takes no lightweight DELETE; its mutation rewrites it in memory, at once.
  for (const { table, project } of NUMBER_TABLES)
    await store.command(`ALTER TABLE ${table} DELETE WHERE ${project} IN {ids:Array(String)}`, { ids: projectIds });
}

/** Users with a `$token-refresh` in the live interval (now − 120 s, now], deleted or not. */
export async function liveUserIds(store: AnalyticsReader, projectId: string, now: Date): Promise<Set<string>> {
  const rows = await store.query<{ user_id: string }>(
    `SELECT DISTINCT user_id FROM ${EVENTS_TABLE}
     WHERE project_id = {projectId:String} AND event_type = '$token-refresh' AND user_id IS NOT NULL
       AND event_at > {now:DateTime64(3, 'UTC')} - INTERVAL {liveSeconds:UInt32} SECOND AND event_at <= {now:DateTime64(3, 'UTC')}`,
    { projectId, now: now.getTime() / 1000, liveSeconds: LIVE_SECONDS },
  );
  return new Set(rows.map((r) => r.user_id));
}
