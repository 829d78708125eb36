// How far behind each mirror is for one project: GET /api/v1/projects/:id/sync. The watermark is global
// per mapping; rows and seconds behind count only this project's pending changes.
import { getSyncBacklog } from '../db/sync-backlog.js';
import type { SyncedTable } from '../db/schema/index.js';
import type { Stores } from '../stores.js';
import { SYNC_MAPPINGS } from './mappings.js';
import { readWatermarks } from './sync-state.js';

export interface MappingStatus {
  last_synced_id: number;
  rows_behind: number;
  /** Age of the oldest change not mirrored yet; 0 when caught up. */
  seconds_behind: number;
}

export async function syncStatus(
  stores: Stores,
  projectId: string,
  now: Date,
): Promise<Record<SyncedTable, MappingStatus>> {
  const watermarks = await readWatermarks(stores.analytics);
  const entries: [SyncedTable, MappingStatus][] = [];
  for (const mapping of SYNC_MAPPINGS) {
    const lastSyncedId = watermarks.get(mapping.name) ?? 0;
    const backlog = await getSyncBacklog(stores.postgres.db, projectId, mapping.name, lastSyncedId);
    const seconds = backlog.oldestChangeAt ? Math.max(0, (now.getTime() - backlog.oldestChangeAt.getTime()) / 1000) : 0;
    entries.push([
      mapping.name,
      { last_synced_id: lastSyncedId, rows_behind: backlog.rows, seconds_behind: Math.round(seconds * 1000) / 1000 },
    ]);
  }
  return Object.fromEntries(entries) as Record<SyncedTable, MappingStatus>;
}
