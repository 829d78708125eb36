// The use case behind POST /api/v1/preview/projects and `pulse seed`: a brand-new project whose data is
// generated (pure) and written into both stores before it returns.
import type { PreviewParams } from '../db/schema/index.js';
import { seedSummary, type SeedSummary } from './seed-summary.js';
import { newPreviewId, writeNewPreview, type WriteTarget, type WriteTimings } from './write-preview.js';
import type { ProgressCallback } from './write-analytics.js';
import { loadGenerator } from './load-generator.js';
import type { EventRow } from '../events/event-rows.js';
import { liveCandidates, type LiveCandidate } from './keep-alive-plan.js';

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

export interface CreatedPreview {
  projectId: string;
  adminKey: string;
  ingestKey: string;
  createdAt: Date;
  expiresAt: Date | null;
  seeded: SeedSummary;
  /** The live events written last; a spare preview writes them again, moved forward, when handed out. */
  liveEvents: EventRow[];
  /** Handed out from the spares `serve` seeds ahead of time (spare-previews.ts). */
  fromSpare: boolean;
  /** Who the keep-alive may bring online (keep-alive.ts prime), so it need not regenerate the dataset. */
  liveCandidates: LiveCandidate[];
  timings: WriteTimings & { generate_ms: number; total_ms: number };
}

export async function createPreviewProject(stores: WriteTarget, input: CreatePreviewInput): Promise<CreatedPreview> {
  const started = performance.now();
  const params: PreviewParams = { seed: DEFAULT_PREVIEW_SEED, size: 'standard', ...input.params };
  const projectId = newPreviewId();
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
    liveEvents: dataset.liveEvents,
    fromSpare: false,
    liveCandidates: liveCandidates(dataset),
    timings: { generate_ms: generateMs, ...written.timings, total_ms: Math.round(performance.now() - started) },
  };
}
