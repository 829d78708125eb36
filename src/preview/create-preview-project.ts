// The use case behind POST /api/v1/preview/projects and `pulse seed`: a brand-new project whose data is
// generated (pure) and written into both stores before it returns.
import crypto from 'node:crypto';
import type { PreviewParams } from '../db/schema/index.js';
import type { EventRow } from '../events/event-rows.js';
import type { Stores } from '../stores.js';
import { liveCandidates, type LiveCandidate } from './generate/live-candidates.js';
import { loadGenerator } from './generate/load.js';
import { seedSummary, type SeedSummary } from './generate/summary.js';
import type { ProgressCallback } from './writers/analytics.js';
import { writeNewPreview, type WriteTimings } from './writers/both-stores.js';

export const DEFAULT_PREVIEW_SEED = 'pulse-preview';

export interface CreatePreviewInput {
  now: Date;
  params?: Partial<PreviewParams>;
  /** Preview projects expire; a project seeded from the CLI may not. */
  expiresAt: Date | null;
  isPreview: boolean;
  displayName?: string;
  onProgress?: ProgressCallback;
}

export type PreviewTimings = WriteTimings & { generate_ms: number; total_ms: number };

/** A preview project just written, with its keys (shown once). */
export interface PreviewProject {
  projectId: string;
  adminKey: string;
  ingestKey: string;
  createdAt: Date;
  expiresAt: Date | null;
  seeded: SeedSummary;
  timings: PreviewTimings;
  /** For the jobs: the live events written last (a spare writes them again, moved forward, when handed
   *  out) and who the keep-alive may bring online (so it need not regenerate the dataset). */
  live: { events: EventRow[]; candidates: LiveCandidate[] };
}

export async function createPreviewProject(stores: Stores, input: CreatePreviewInput): Promise<PreviewProject> {
  const started = performance.now();
  const params: PreviewParams = { seed: DEFAULT_PREVIEW_SEED, size: 'standard', ...input.params };
  const projectId = crypto.randomUUID();
  const dataset = (await loadGenerator())({ projectId, now: input.now, ...params });
  const generateMs = Math.round(performance.now() - started);
  const written = await writeNewPreview(
    stores,
    dataset,
    {
      displayName: input.displayName ?? 'Preview project',
      isPreview: input.isPreview,
      createdAt: input.now,
      expiresAt: input.expiresAt,
      previewParams: params,
    },
    input.onProgress,
  );
  return {
    projectId,
    adminKey: written.adminKey,
    ingestKey: written.ingestKey,
    createdAt: input.now,
    expiresAt: input.expiresAt,
    seeded: seedSummary(dataset),
    timings: { generate_ms: generateMs, ...written.timings, total_ms: Math.round(performance.now() - started) },
    live: { events: dataset.liveEvents, candidates: liveCandidates(dataset) },
  };
}
