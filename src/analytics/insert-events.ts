// The one writer of real (non-seeded) product events: rows built by src/events/event-rows.ts, one INSERT.
import type { EventRow } from '../events/event-rows.js';
import { toStoredEvents } from '../events/stored-event.js';
import { insertJsonEachRow, type AnalyticsStore } from './store.js';

export async function insertEvents(store: Pick<AnalyticsStore, 'client' | 'rawInsert'>, rows: readonly EventRow[]): Promise<void> {
  await insertJsonEachRow(store, 'analytics_internal.events', toStoredEvents(rows));
}
