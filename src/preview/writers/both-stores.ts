// Writes a whole preview into both stores, all or nothing. Postgres rows go in one transaction while
// ClickHouse is written concurrently; if either side fails, the transaction rolls back and the ClickHouse
// rows of the project are deleted, so no half-seeded project survives. Live events are written last.
import { insertEvents } from '../../analytics/insert-events.js';
import { deleteProjectData, deleteSeededEvents } from '../../analytics/project-data.js';
import { AnalyticsError } from '../../analytics/store.js';
import { createProjectRow, type NewProject } from '../../db/projects.js';
import { deleteActivityRows, markSeedingTransaction, type SeedingMode } from '../../db/seeding.js';
import { DatabaseError, type Db } from '../../db/store.js';
import { newProjectKeys } from '../../projects/create-project.js';
import type { Stores } from '../../stores.js';
import type { PreviewDataset } from '../generate/types.js';
import { writePreviewAnalytics, type ProgressCallback } from './analytics.js';
import { writePreviewPostgres } from './postgres.js';

export interface WriteTimings {
  postgres_ms: number;
  clickhouse_ms: number;
}

/** Fresh fast path: no existence lookups; the project row is created in the same transaction. */
export async function writeNewPreview(
  stores: Stores,
  dataset: PreviewDataset,
  project: Omit<NewProject, 'id'>,
  onProgress?: ProgressCallback,
): Promise<{ adminKey: string; ingestKey: string; timings: WriteTimings }> {
  const keys = newProjectKeys();
  const timings = await writeBoth(stores, dataset, onProgress, 'fresh', async (tx) => {
    await createProjectRow(tx, { ...project, id: dataset.projectId }, keys.rows);
    await writePreviewPostgres(tx, dataset, { upsert: false });
  });
  return { adminKey: keys.adminKey, ingestKey: keys.ingestKey, timings };
}

/** Reseed: seeded events and activity rows are replaced, the other Postgres rows upserted by their deterministic ids, mirrors re-sent. */
export async function writeReseed(
  stores: Stores,
  dataset: PreviewDataset,
  onProgress?: ProgressCallback,
): Promise<WriteTimings> {
  await deleteSeededEvents(stores.analytics, dataset.projectId);
  return writeBoth(
    stores,
    dataset,
    onProgress,
    'reseed',
    async (tx) => {
      await deleteActivityRows(tx, dataset.projectId);
      await writePreviewPostgres(tx, dataset, { upsert: true });
    },
    { rollbackAnalytics: false },
  );
}

/** A failed creation whose ClickHouse rows could not be removed either: both causes, for the log. */
export class PreviewRollbackError extends AnalyticsError {
  constructor(projectId: string, failure: unknown, rollback: unknown) {
    const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
    super(
      `rollback of preview ${projectId} (its ClickHouse rows stay until \`pulse previews prune\`)`,
      new AggregateError([failure, rollback], `${reason(failure)}; then ${reason(rollback)}`),
    );
    this.name = 'PreviewRollbackError';
  }
}

async function writeBoth(
  stores: Stores,
  dataset: PreviewDataset,
  onProgress: ProgressCallback | undefined,
  mode: SeedingMode,
  writePostgres: (tx: Db) => Promise<void>,
  { rollbackAnalytics = true } = {},
): Promise<WriteTimings> {
  const timings: WriteTimings = { postgres_ms: 0, clickhouse_ms: 0 };
  try {
    await stores.postgres.db.transaction(async (tx) => {
      await markSeedingTransaction(tx as unknown as Db, mode);
      const [pg, ch] = await Promise.allSettled([
        timed(
          () => writePostgres(tx as unknown as Db),
          (ms) => (timings.postgres_ms = ms),
        ),
        timed(
          async () => {
            await writePreviewAnalytics(stores.analytics, dataset, onProgress);
            await insertEvents(stores.analytics, dataset.liveEvents, { seeded: true });
          },
          (ms) => (timings.clickhouse_ms = ms),
        ),
      ]);
      // Throwing inside the callback rolls the transaction back.
      if (ch.status === 'rejected') throw ch.reason;
      if (pg.status === 'rejected') throw new DatabaseError(pg.reason);
    });
  } catch (error) {
    const failure =
      error instanceof AnalyticsError || error instanceof DatabaseError ? error : new DatabaseError(error);
    if (!rollbackAnalytics) throw failure;
    const rollback = await deleteProjectData(stores.analytics, [dataset.projectId]).then(
      () => null,
      (e: unknown) => e,
    );
    throw rollback === null ? failure : new PreviewRollbackError(dataset.projectId, failure, rollback);
  }
  return timings;
}

async function timed(work: () => Promise<void>, record: (ms: number) => void): Promise<void> {
  const started = performance.now();
  try {
    await work();
  } finally {
    record(Math.round(performance.now() - started));
  }
}
