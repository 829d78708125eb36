// POST /api/v1/preview/projects: a new, fully seeded preview project per visitor (preview mode only),
// rate-limited per client IP.
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../../contract/api.js';
import { CreatePreviewBody, CreatedPreview } from '../../../contract/preview.js';
import { createPreviewProject, type PreviewProject } from '../../preview/create-preview-project.js';
import type { SparePreviews } from '../../preview/jobs/spare-previews.js';
import type { Stores } from '../../stores.js';
import { HttpError } from '../errors.js';

export interface PreviewOptions {
  enabled: boolean;
  ttlMs: number;
  ratePerMinute: number;
  /** Standard previews seeded ahead of time (serve wires them); without it every preview is seeded on request. */
  spares?: SparePreviews;
  /** Told about every preview handed out (serve primes the keep-alive with it). */
  onCreated?: (created: PreviewProject) => void;
}

export const previewProjectRoutes =
  (stores: Stores, options: PreviewOptions): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      // After validation: a refused body creates nothing, so it must not use up the address's allowance.
      hook: 'preHandler',
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          429,
          'rate_limited',
          // `context.after` is the time left in the window, not its length: the window is the minute below.
          `Too many preview projects from this address: at most ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
        ),
    });
    app.post(
      '/preview/projects',
      {
        config: { rateLimit: { max: options.ratePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['preview'],
          summary: 'Create a preview project seeded with realistic demo data in both stores',
          body: CreatePreviewBody,
          response: { 201: CreatedPreview, 400: ErrorBody, 403: ErrorBody, 429: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        if (!options.enabled)
          throw new HttpError(403, 'preview_disabled', 'Preview mode is off on this server (PULSE_PREVIEW=off)');
        const size = request.body?.size ?? 'standard';
        const spare = size === 'standard' ? await options.spares?.take() : undefined;
        const now = new Date();
        const created =
          spare ??
          (await createPreviewProject(stores, {
            now,
            params: { size },
            isPreview: true,
            expiresAt: new Date(now.getTime() + options.ttlMs),
          }));
        options.onCreated?.(created);
        return reply.status(201).send({
          project_id: created.projectId,
          admin_key: created.adminKey,
          ingest_key: created.ingestKey,
          created_at: created.createdAt.toISOString(),
          expires_at: created.expiresAt!.toISOString(),
          seeded: created.seeded,
          from_spare: spare !== undefined,
          timings_ms: created.timings,
        });
      },
    );
  };
