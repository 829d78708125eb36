// Writes a preview dataset's ClickHouse rows: historic events from its visits (marked seeded = the seed
// generation, so a reseed can replace exactly them) and mirror rows with sync_sequence_id = 0 (any real sync supersedes
// them). I/O only: everything it writes was computed by the generator.
import { MIRROR_TABLES } from '../../analytics/project-data.js';
import type { AnalyticsStore } from '../../analytics/store.js';
import {
  contactChannelMirrorRow,
  primaryEmails,
  teamMemberMirrorRow,
  teamMirrorRow,
  userMirrorRow,
} from '../../sync/mirror-rows.js';
import type { PreviewDataset } from '../generate/types.js';
import { visitEventCount } from '../generate/visit-events.js';
import { writeVisitEvents } from './visit-events.js';

const SEEDED = { sequence: 0 };

export type ProgressCallback = (written: number, total: number) => void;

/** Mirrors and historic events (not the live ones). */
export async function writePreviewAnalytics(
  store: AnalyticsStore,
  d: PreviewDataset,
  generation: number,
  onProgress?: ProgressCallback,
): Promise<void> {
  const emails = primaryEmails(d.contactChannels);
  const total = visitEventCount(d.visits);
  // Users first: their mirror rows number them (ClickHouse migration 0008), so the events' views find the
  // numbers at once instead of backfilling them (on a server, inserts sent together run concurrently).
  await store.insert(
    MIRROR_TABLES.users,
    d.users.map((u) => userMirrorRow(u, emails.get(u.id) ?? null, SEEDED)),
  );
  await Promise.all([
    store.insert(
      MIRROR_TABLES.contactChannels,
      d.contactChannels.map((c) => contactChannelMirrorRow(c, SEEDED)),
    ),
    store.insert(
      MIRROR_TABLES.teams,
      d.teams.map((t) => teamMirrorRow(t, SEEDED)),
    ),
    store.insert(
      MIRROR_TABLES.teamMembers,
      d.teamMembers.map((m) => teamMemberMirrorRow(m, SEEDED)),
    ),
    writeVisitEvents(store, { projectId: d.projectId, branchId: d.branchId, seeded: generation }, d.visits, (visits) =>
      onProgress?.(Math.round((visits / d.visits.length) * total), total),
    ),
  ]);
}
