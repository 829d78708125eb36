// Preview projects and reseeding: request and response schemas.
import { z } from 'zod';

export const PreviewRequestSize = z.enum(['tiny', 'standard']);

/** Optional: an empty POST (Fastify passes `null`) creates a `standard` preview. */
export const CreatePreviewBody = z
  .object({
    size: PreviewRequestSize.default('standard').describe(
      'dataset size; large is CLI-only (`pulse seed --size large`)',
    ),
  })
  .strict()
  .nullish();

export const SeededCounts = z.object({
  users: z.number().int(),
  teams: z.number().int(),
  team_members: z.number().int(),
  contact_channels: z.number().int(),
  auth_methods: z.number().int(),
  emails: z.number().int(),
  session_replays: z.number().int(),
  subscriptions: z.number().int(),
  invoices: z.number().int(),
  one_time_purchases: z.number().int(),
  events: z.number().int(),
  live_events: z.number().int(),
});

export const SeedTimings = z.object({
  generate_ms: z.number(),
  postgres_ms: z.number(),
  clickhouse_ms: z.number(),
  total_ms: z.number(),
});

export const CreatedPreview = z.object({
  project_id: z.uuid(),
  admin_key: z.string(),
  ingest_key: z.string(),
  created_at: z.iso.datetime(),
  expires_at: z.iso.datetime(),
  seeded: SeededCounts,
  /** True when the server handed out a preview it had seeded ahead of time (PULSE_PREVIEW_SPARES). */
  from_spare: z.boolean(),
  timings_ms: SeedTimings,
});
export type CreatedPreview = z.infer<typeof CreatedPreview>;

export const Reseeded = z.object({
  project_id: z.uuid(),
  seeded: SeededCounts,
  timings_ms: SeedTimings,
});
