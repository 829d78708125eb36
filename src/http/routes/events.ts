// POST /api/v1/projects/:id/events: the ingestion front door. Parse the envelope → authorize → run the
// ingestion steps (src/ingest/steps.ts) → hand the rows to the buffered writer → 202 once they are in
// ClickHouse (see src/ingest/buffer.ts for why the route waits for the flush).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, ProjectParams } from '../../../contract/api.js';
import {
  EVENT_AT_DEFAULT_MAX_AGE_MS,
  EVENT_AT_MAX_SKEW_MS,
  IngestAccepted,
  IngestBody,
  MAX_EVENTS_PER_REQUEST,
} from '../../../contract/events.js';
import { DEFAULT_BRANCH } from '../../branch.js';
import { createEventBuffer, type EventBuffer } from '../../ingest/buffer.js';
import { insertEvents } from '../../analytics/insert-events.js';
import { runIngestSteps } from '../../ingest/steps.js';
import type { Stores } from '../../stores.js';
import { authorizeProjectKey } from '../auth.js';
import { HttpError } from '../errors.js';

export interface EventRouteDeps extends Stores {
  /** The process's buffered writer (serve flushes it on stop); without one the route makes its own, flushed on close. */
  buffer?: EventBuffer;
  /** How old an event_at may be (PULSE_EVENT_MAX_AGE). */
  maxAgeMs?: number;
}

export const eventRoutes =
  ({
    postgres,
    analytics,
    buffer: given,
    maxAgeMs = EVENT_AT_DEFAULT_MAX_AGE_MS,
  }: EventRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const buffer = given ?? createEventBuffer({ write: (rows) => insertEvents(analytics, rows) });
    // onClose runs after in-flight requests finished: nothing is left waiting in the buffer.
    if (!given) app.addHook('onClose', () => buffer.close());
    app.post(
      '/projects/:id/events',
      {
        schema: {
          tags: ['events'],
          summary: `Ingest 1–${MAX_EVENTS_PER_REQUEST} events ($page-view, $click; $token-refresh with the admin key). event_at defaults to now and may be at most ${EVENT_AT_MAX_SKEW_MS / 1000} s in the future and at most PULSE_EVENT_MAX_AGE (default ${EVENT_AT_DEFAULT_MAX_AGE_MS / 86_400_000} days) old. All or nothing: one invalid event rejects the batch.`,
          security: [{ bearer: [] }],
          params: ProjectParams,
          body: IngestBody,
          response: {
            202: IngestAccepted,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            503: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const owner = await authorizeProjectKey(postgres.db, request, request.params.id, 'ingest');
        const result = runIngestSteps(request.body.events, {
          scope: { projectId: owner.projectId, branchId: DEFAULT_BRANCH },
          now: new Date(),
          keyKind: owner.kind,
          maxAgeMs,
        });
        if (!result.ok) {
          const { status, field, message } = result.rejection;
          throw new HttpError(
            status,
            status === 403 ? 'forbidden' : 'invalid_request',
            `Invalid request — ${field}: ${message}`,
            { issues: [{ field, message }] },
          );
        }
        await buffer.add(result.value);
        return reply.status(202).send({ accepted: result.value.length });
      },
    );
  };
