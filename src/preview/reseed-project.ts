// The use case behind POST /api/v1/projects/:id/reseed and `pulse seed --project`: regenerate the project's
// data for a new `now` with the parameters it was first seeded with, so every id (and count) is the same.
import { getProject } from '../db/projects.js';
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
  const project = await getProject(stores.postgres.db, projectId);
  if (!project) throw new ProjectNotFoundError(projectId);
  // A project that was never seeded gets the default dataset on its first reseed.
  const params = project.previewParams ?? { seed: DEFAULT_PREVIEW_SEED, size: 'standard' as const };
  const dataset = (await loadGenerator())({ projectId, now, ...params });
  const generateMs = Math.round(performance.now() - started);
  const timings = await writeReseed(stores, dataset, onProgress);
  return {
    projectId,
    seeded: seedSummary(dataset),
    timings: { generate_ms: generateMs, ...timings, total_ms: Math.round(performance.now() - started) },
  };
}
