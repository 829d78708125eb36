// Writes a preview dataset's ClickHouse rows: events (marked seeded = 1, so a reseed can replace exactly
// them), mirror rows with sync_sequence_id = 0 (any real sync supersedes
// them), and live events last. I/O only: everything it writes was computed by the generator.
import type { EventRow } from '../events/event-rows.js';
import { toStoredEvent } from '../events/stored-event.js';
import { writeVisitEvents } from './write-visit-events.js';
import { visitEventCount } from './generate/visit-events.js';
import { runCommand, type AnalyticsStore } from '../analytics/store.js';
import { bulkInsert, writeBulkBatches } from '../analytics/bulk-insert.js';
import { contactChannelMirrorRow, primaryEmails, teamMemberMirrorRow, teamMirrorRow, userMirrorRow } from '../sync/mirror-rows.js';
import type { PreviewDataset } from './generate/types.js';

const EVENT_BATCH_ROWS = 100_000;
const SEEDED = { sequence: 0 };
const MIRROR_TABLES = ['users', 'contact_channels', 'teams', 'team_members'] as const;

export type ProgressCallback = (written: number, total: number) => void;

/** Mirrors and historic events (not the live ones). */
export async function writePreviewAnalytics(store: AnalyticsStore, d: PreviewDataset, onProgress?: ProgressCallback): Promise<void> {
  const emails = primaryEmails(d.contactChannels);
  await Promise.all([
    bulkInsert(store, 'analytics_internal.users', d.users.map((u) => userMirrorRow(u, emails.get(u.id) ?? null, SEEDED))),
    bulkInsert(store, 'analytics_internal.contact_channels', d.contactChannels.map((c) => contactChannelMirrorRow(c, SEEDED))),
    bulkInsert(store, 'analytics_internal.teams', d.teams.map((t) => teamMirrorRow(t, SEEDED))),
    bulkInsert(store, 'analytics_internal.team_members', d.teamMembers.map((m) => teamMemberMirrorRow(m, SEEDED))),
    writeSeededEvents(store, d, onProgress),
  ]);
}

/** On chDB, ClickHouse builds the rows from the visits (src/preview/write-visit-events.ts); a server
 * over HTTP gets the rows themselves in large batches. */
async function writeSeededEvents(store: AnalyticsStore, d: PreviewDataset, onProgress?: ProgressCallback): Promise<void> {
  if (store.driver === 'chdb') {
    const total = visitEventCount(d.visits);
    await writeVisitEvents(store, { projectId: d.projectId, branchId: d.branchId }, d.visits, (visits) => onProgress?.(Math.round((visits / d.visits.length) * total), total));
    return;
  }
  await writeEventRows(store, d.events, onProgress);
}

async function writeEventRows(store: AnalyticsStore, events: readonly EventRow[], onProgress?: ProgressCallback): Promise<void> {
  await writeBulkBatches(store, 'analytics_internal.events', events, {
    batchRows: EVENT_BATCH_ROWS,
    constants: { seeded: 1 },
    toRow: toStoredEvent,
    onBatch: (written) => onProgress?.(written, events.length),
  });
}

/** Before a reseed: events are append-only, so the seeded ones go first (real events stay). */
export async function deleteSeededEvents(store: AnalyticsStore, projectId: string): Promise<void> {
  await runCommand(store, 'DELETE FROM analytics_internal.events WHERE project_id = {projectId:String} AND seeded = 1', { projectId });
}

/** Everything of some projects in ClickHouse: rollback of a failed creation, and preview expiry.
 * One DELETE per table for all of them: each DELETE is a mutation, costly whatever its size. */
export async function deleteProjectAnalytics(store: AnalyticsStore, projectIds: string | readonly string[]): Promise<void> {
  const ids = typeof projectIds === 'string' ? [projectIds] : [...projectIds];
  if (ids.length === 0) return;
  for (const table of ['events', ...MIRROR_TABLES]) {
    await runCommand(store, `DELETE FROM analytics_internal.${table} WHERE project_id IN {ids:Array(String)}`, { ids });
  }
}
