// The one writer of event rows built by src/events/event-rows.ts (ingestion, live and keep-alive events,
// test fixtures): one INSERT, in the stored shape (src/events/stored-event.ts). `seeded` marks rows the
// preview seeder owns, so a reseed replaces exactly them. A preview's history goes through its visits
// instead (src/preview/write-visit-events.ts).
import type { EventRow } from '../events/event-rows.js';
import { toStoredEvent } from '../events/stored-event.js';
import { insertJsonEachRow, type AnalyticsStore } from './store.js';

export async function insertEvents(
  store: Pick<AnalyticsStore, 'client' | 'rawInsert'>,
  rows: readonly EventRow[],
  { seeded = false }: { seeded?: boolean } = {},
): Promise<void> {
  const stored = seeded ? rows.map((row) => ({ ...toStoredEvent(row), seeded: 1 })) : rows.map(toStoredEvent);
  await insertJsonEachRow(store, 'analytics_internal.events', stored);
}
