// The watermark per mapping in analytics_internal.sync_state (ClickHouse migration 0003). It lives next
// to the mirrors it describes: if ClickHouse is wiped, the watermark goes with it and the worker resends.
import type { AnalyticsStore } from '../analytics/store.js';

const TABLE = 'analytics_internal.sync_state';

/**
 * Watermarks only grow, so max() is the latest whatever the merge state; it also avoids relying on
 * ReplacingMergeTree(updated_at) to order two writes within the same millisecond.
 */
export async function readWatermarks(analytics: AnalyticsStore): Promise<Map<string, number>> {
  const rows = await analytics.query<{ mapping: string; last_synced_id: number }>(
    `SELECT mapping, max(last_synced_id) AS last_synced_id FROM ${TABLE} GROUP BY mapping`,
  );
  return new Map(rows.map((row) => [row.mapping, Number(row.last_synced_id)]));
}

export async function readWatermark(analytics: AnalyticsStore, mapping: string): Promise<number> {
  const rows = await analytics.query<{ last_synced_id: number }>(
    `SELECT max(last_synced_id) AS last_synced_id FROM ${TABLE} WHERE mapping = {mapping:String}`,
    { mapping },
  );
  return Number(rows[0]?.last_synced_id ?? 0);
}

export async function writeWatermark(analytics: AnalyticsStore, mapping: string, lastSyncedId: number): Promise<void> {
  await analytics.insert(TABLE, [{ mapping, last_synced_id: lastSyncedId }]);
}
