// Writes a whole preview into both stores, all or nothing. Postgres rows go in one transaction while
// ClickHouse is written concurrently; the transaction commits only once ClickHouse has every row, so a
// committed project always has its events. The transaction holds the project's lock (src/db/project-lock.ts):
// crash repair (src/preview/jobs/repair-projects.ts) leaves the ClickHouse rows of a write still running
// alone, and removes those of a crashed one. Live events are written last.
import { insertEvents } from '../../analytics/insert-events.js';
import { deleteProjectData, deleteSeedGeneration } from '../../analytics/project-data.js';
import { AnalyticsError } from '../../analytics/store.js';
import { crashPoint, type CrashPoint } from '../../crash-point.js';
import { lockProject } from '../../db/project-lock.js';
import {
  createProjectRow,
  FIRST_SEED_GENERATION,
  nextSeedGeneration,
  setSeedGeneration,
  type NewProject,
} from '../../db/projects.js';
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
  const timings = await writeBoth(stores, stores.postgres.db, dataset, onProgress, {
    mode: 'fresh',
    generation: FIRST_SEED_GENERATION,
    beforeCommit: 'create:before-commit',
    writePostgres: async (tx) => {
      await createProjectRow(tx, { ...project, id: dataset.projectId }, keys.rows);
      await writePreviewPostgres(tx, dataset, { upsert: false });
    },
    // Nothing of the project may stay: it was never committed.
    rollback: () => deleteProjectData(stores.analytics, [dataset.projectId]),
  });
  return { adminKey: keys.adminKey, ingestKey: keys.ingestKey, timings };
}

/**
 * Reseed: the new events go in under the next seed generation beside the old ones, activity rows are
 * replaced and the other Postgres rows upserted by their deterministic ids, mirrors re-sent; committing
 * the project's new generation is the switch. The caller then deletes the old generation's events
 * (deleteOtherSeedGenerations). `locked` is the caller's transaction holding the project's lock.
 */
export async function writeReseed(
  stores: Stores,
  locked: Db,
  dataset: PreviewDataset,
  currentGeneration: number,
  onProgress?: ProgressCallback,
): Promise<WriteTimings> {
  const generation = nextSeedGeneration(currentGeneration);
  const { projectId } = dataset;
  // Left by a reseed that crashed before its switch.
  await deleteSeedGeneration(stores.analytics, projectId, generation);
  return writeBoth(stores, locked, dataset, onProgress, {
    mode: 'reseed',
    generation,
    beforeCommit: 'reseed:before-commit',
    writePostgres: async (tx) => {
      await deleteActivityRows(tx, projectId);
      await writePreviewPostgres(tx, dataset, { upsert: true });
      await setSeedGeneration(tx, projectId, generation);
    },
    // The old generation stays the project's: only the new, partial one goes.
    rollback: () => deleteSeedGeneration(stores.analytics, projectId, generation),
  });
}

/** A failed write whose ClickHouse rows could not be removed either: both causes, for the log. */
export class PreviewRollbackError extends AnalyticsError {
  constructor(projectId: string, failure: unknown, rollback: unknown) {
    const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
    super(
      `rollback of preview ${projectId} (its ClickHouse rows stay until the next \`pulse serve\` start or \`pulse previews prune\`)`,
      new AggregateError([failure, rollback], `${reason(failure)}; then ${reason(rollback)}`),
    );
    this.name = 'PreviewRollbackError';
  }
}

interface WritePlan {
  mode: SeedingMode;
  /** The `seeded` value of the events written. */
  generation: number;
  beforeCommit: CrashPoint;
  writePostgres: (tx: Db) => Promise<void>;
  rollback: () => Promise<void>;
}

async function writeBoth(
  stores: Stores,
  db: Db,
  dataset: PreviewDataset,
  onProgress: ProgressCallback | undefined,
  plan: WritePlan,
): Promise<WriteTimings> {
  const timings: WriteTimings = { postgres_ms: 0, clickhouse_ms: 0 };
  try {
    await db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      await lockProject(tx, dataset.projectId);
      await markSeedingTransaction(tx, plan.mode);
      const [pg, ch] = await Promise.allSettled([
        timed(
          () => plan.writePostgres(tx),
          (ms) => (timings.postgres_ms = ms),
        ),
        timed(
          async () => {
            await writePreviewAnalytics(stores.analytics, dataset, plan.generation, onProgress);
            await insertEvents(stores.analytics, dataset.liveEvents, { seeded: plan.generation });
          },
          (ms) => (timings.clickhouse_ms = ms),
        ),
      ]);
      // Throwing inside the callback rolls the transaction back.
      if (ch.status === 'rejected') throw ch.reason;
      if (pg.status === 'rejected') throw new DatabaseError(pg.reason);
      crashPoint(plan.beforeCommit);
    });
  } catch (error) {
    const failure =
      error instanceof AnalyticsError || error instanceof DatabaseError ? error : new DatabaseError(error);
    const rollback = await plan.rollback().then(
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
