// Statements over one project's ClickHouse rows: removing them (preview rollback, reseed, expiry) and
// who is live now (the preview keep-alive).
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

/** Before a reseed: events are append-only, so the seeded ones go first (real events stay). */
export async function deleteSeededEvents(store: Pick<AnalyticsStore, 'command'>, projectId: string): Promise<void> {
  await store.command(`DELETE FROM ${EVENTS_TABLE} WHERE project_id = {projectId:String} AND seeded = 1`, {
    projectId,
  });
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
  for (const table of [EVENTS_TABLE, ...Object.values(MIRROR_TABLES)]) {
    await store.command(`DELETE FROM ${table} WHERE project_id IN {ids:Array(String)}`, { ids: projectIds });
  }
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
