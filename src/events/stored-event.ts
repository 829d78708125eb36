// How an event row is sent to analytics_internal.events (migration 0004): the table stores `data` as
// JSON text in `data_text` (readable as JSON through the `data` ALIAS) and derives typed copies of the
// paths the overview reads. Writers send the data object under `data_text`; ClickHouse keeps the
// object's text as it arrives (`input_format_json_read_objects_as_strings`, on by default), so no
// writer stringifies it twice. Every writer of events goes through toStoredEvent. Pure: no I/O.
import type { EventRow } from './event-rows.js';

export interface StoredEvent extends Omit<EventRow, 'data'> {
  /** The event's data object; it arrives in ClickHouse as JSON and is stored as that text. */
  data_text: EventRow['data'];
}

/** A rename, field by field, with no stringify: stringifying `data` here dominated a preview's conversion. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    event_type: row.event_type,
    event_at: row.event_at,
    project_id: row.project_id,
    branch_id: row.branch_id,
    user_id: row.user_id,
    team_id: row.team_id,
    refresh_token_id: row.refresh_token_id,
    session_replay_id: row.session_replay_id,
    data_text: row.data,
  };
}

export const toStoredEvents = (rows: readonly EventRow[]): StoredEvent[] => rows.map(toStoredEvent);
