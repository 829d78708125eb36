// The use case behind POST /api/v1/projects/:id/reseed and `pulse seed --project`: regenerate the project's
// data for a new `now` with the parameters it was first seeded with, so every id (and count) is the same.
// Crash-safe: the new events are written beside the old under the next seed generation and the switch is
// one Postgres commit, so a crash at any point leaves the old dataset or the new one (crash repair removes
// the other generation at the next start). While a reseed runs, its project's overview can count both.
import { deleteOtherSeedGenerations } from '../analytics/project-data.js';
import { AnalyticsError } from '../analytics/store.js';
import { crashPoint } from '../crash-point.js';
import { withProjectLock } from '../db/project-lock.js';
import { getProject, isExpired } from '../db/projects.js';
import { DatabaseError } from '../db/store.js';
import { ProjectNotFoundError } from '../projects/errors.js';
import type { Stores } from '../stores.js';
import { DEFAULT_PREVIEW_SEED, type PreviewTimings } from './create-preview-project.js';
import { loadGenerator } from './generate/load.js';
import { seedSummary, type SeedSummary } from './generate/summary.js';
import type { ProgressCallback } from './writers/analytics.js';
import { writeReseed } from './writers/both-stores.js';

export interface Reseeded {
  projectId: string;
  seeded: SeedSummary;
  timings: PreviewTimings;
}

export async function reseedProject(
  stores: Stores,
  projectId: string,
  now: Date,
  onProgress?: ProgressCallback,
): Promise<Reseeded> {
  const started = performance.now();
  try {
    // One reseed of a project at a time, across processes: a second caller waits for the first to finish,
    // then reseeds again, so the project always ends with exactly one dataset.
    const reseeded = await withProjectLock(stores.postgres.db, projectId, async (locked) => {
      const project = await getProject(locked, projectId);
      // Expiry may be deleting an expired preview: nothing starts writing it.
      if (!project || isExpired(project, now)) throw new ProjectNotFoundError(projectId);
      // A project that was never seeded gets the default dataset on its first reseed.
      const params = project.previewParams ?? { seed: DEFAULT_PREVIEW_SEED, size: 'standard' as const };
      const dataset = (await loadGenerator())({ projectId, now, ...params });
      const generateMs = Math.round(performance.now() - started);
      const timings = await writeReseed(stores, locked, dataset, project.seedGeneration, onProgress);
      return { projectId, seeded: seedSummary(dataset), generateMs, timings };
    });
    crashPoint('reseed:after-commit');
    await removeOldGenerations(stores, projectId);
    const { generateMs, timings, ...result } = reseeded;
    return {
      ...result,
      timings: { generate_ms: generateMs, ...timings, total_ms: Math.round(performance.now() - started) },
    };
  } catch (error) {
    // Taking the lock itself can fail (Postgres gone): a 503 like any other failed write, not a 500.
    if (error instanceof ProjectNotFoundError || error instanceof AnalyticsError || error instanceof DatabaseError)
      throw error;
    throw new DatabaseError(error);
  }
}

/**
 * Every seeded event but the project's current generation's, under the lock (a reseed that started since
 * keeps its new events). Also crash repair's step for a project caught mid-reseed.
 */
export async function removeOldGenerations(stores: Stores, projectId: string): Promise<void> {
  await withProjectLock(stores.postgres.db, projectId, async (locked) => {
    const project = await getProject(locked, projectId);
    if (project) await deleteOtherSeedGenerations(stores.analytics, projectId, project.seedGeneration);
  });
}
