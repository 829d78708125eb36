// The one writer of event rows built by src/events/event-rows.ts (ingestion, live and keep-alive events,
// test fixtures), in the stored shape (src/events/stored-event.ts). `seeded` marks rows the preview seeder
// owns with their project's seed generation (0: a real event), so a reseed replaces exactly them. A preview's history goes through its visits instead
// (src/preview/writers/visit-events.ts).
import type { EventRow } from '../events/event-rows.js';
import { toStoredEvent } from '../events/stored-event.js';
import type { AnalyticsStore, InsertOptions } from './store.js';

export const EVENTS_TABLE = 'analytics_internal.events';

export async function insertEvents(
  store: Pick<AnalyticsStore, 'insert'>,
  rows: readonly EventRow[],
  { seeded = 0, onProgress }: { seeded?: number } & InsertOptions = {},
): Promise<void> {
  const stored = seeded ? rows.map((row) => ({ ...toStoredEvent(row), seeded })) : rows.map(toStoredEvent);
  await store.insert(EVENTS_TABLE, stored, { onProgress });
}
