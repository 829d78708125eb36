// How an event row is stored in analytics_internal.events (migration 0004): `data` as JSON text, plus
// typed copies of the paths the overview reads. Every writer of events goes through toStoredEvent, so
// the copies always agree with the text (the table's DEFAULTs derive the same values, and a CHECK
// rejects a row without `data_text`). Pure: no I/O.
import type { EventRow } from './event-rows.js';

export interface StoredEvent extends Omit<EventRow, 'data'> {
  data_text: string;
  data_is_anonymous: 0 | 1;
  data_country_code: string | null;
  data_region_code: string | null;
  data_referrer: string | null;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  const { data, ...columns } = row;
  const ipInfo = 'ip_info' in data ? data.ip_info : null;
  return {
    ...columns,
    data_text: JSON.stringify(data),
    data_is_anonymous: data.is_anonymous ? 1 : 0,
    data_country_code: ipInfo?.country_code ?? null,
    data_region_code: ipInfo?.region_code ?? null,
    data_referrer: 'referrer' in data && typeof data.referrer === 'string' ? data.referrer : null,
  };
}

export const toStoredEvents = (rows: readonly EventRow[]): StoredEvent[] => rows.map(toStoredEvent);
