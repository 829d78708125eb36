// buildApp(deps): plugins, routes, error handler. No listen(): tests use app.inject(), serve listens.
import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Stores } from '../stores.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { projectRoutes } from './routes/projects.js';
import { metricRoutes } from './routes/metrics.js';
import { previewProjectRoutes, type PreviewOptions } from './routes/preview-projects.js';
import { reseedRoutes } from './routes/reseed.js';
import type { EventBuffer } from '../ingest/buffer.js';
import { userRoutes } from './routes/admin/users.js';
import { contactChannelRoutes } from './routes/admin/contact-channels.js';
import { teamRoutes } from './routes/admin/teams.js';
import { teamMemberRoutes } from './routes/admin/team-members.js';
import { syncStatusRoutes } from './routes/sync-status.js';
import { eventRoutes } from './routes/events.js';
import { infoRoutes } from './routes/info.js';
import { dashboardRoutes, sendDashboardIndex, wantsDashboard } from './dashboard.js';
import { keyFirst } from './auth.js';
import { securityHeaders } from './security-headers.js';
import { acceptEmptyJsonBodies } from './empty-json-body.js';
import type { DiskGuard } from '../disk-guard.js';
import { writeGuards } from './write-guards.js';

export interface AppDeps {
  stores: Stores;
  logger?: Logger;
  version?: string;
  preview?: PreviewOptions;
  /** The built dashboard to serve at `/`; omitted in API-only tests. */
  dashboardDir?: string;
  /** Told about every successful poll of a project's live metrics (keeps watched previews alive). */
  onLivePoll?: (projectId: string) => Promise<void>;
  /** Wakes the sync worker after an admin write (serve wires it); without it the worker's timer catches up. */
  notifyWrite?: () => void;
  /** The buffered event writer serve flushes on stop; without it the events route owns one. */
  eventBuffer?: EventBuffer;
  /** How old an ingested event_at may be (PULSE_EVENT_MAX_AGE); the contract's default without it. */
  eventMaxAgeMs?: number;
  /** Refuses writes (503 disk_low) while a store's disk is below its floor; /readyz reports it. */
  diskGuard?: DiskGuard;
  /** How long a write request may take before it is answered 503 store_timeout (write-guards.ts). */
  writeDeadlineMs?: number;
}

const DEFAULT_PREVIEW: PreviewOptions = { enabled: true, ttlMs: 24 * 3_600_000, ratePerMinute: 10 };

const BODY_LIMIT_BYTES = 1024 * 1024;

export type App = Awaited<ReturnType<typeof buildApp>>;

export async function buildApp({
  stores,
  logger,
  version = '0.1.0',
  preview = DEFAULT_PREVIEW,
  dashboardDir,
  onLivePoll,
  notifyWrite = () => {},
  eventBuffer,
  eventMaxAgeMs,
  diskGuard,
  writeDeadlineMs,
}: AppDeps) {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Errors the router raises before any route (a path segment over 100 characters, a malformed URL):
    // the same error body as every other answer instead of Fastify's own.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  acceptEmptyJsonBodies(app);
  app.addHook('onRequest', keyFirst(stores.postgres.db));
  const guards = writeGuards({ diskGuard, deadlineMs: writeDeadlineMs });
  app.addHook('onRequest', guards.onRequest);
  app.addHook('preHandler', guards.preHandler);
  app.addHook('onResponse', guards.onResponse);
  await app.register(helmet, securityHeaders(dashboardDir));
  app.setNotFoundHandler((request, reply) =>
    wantsDashboard(request, dashboardDir)
      ? sendDashboardIndex(reply, dashboardDir, { previewMode: preview.enabled })
      : notFoundHandler(request, reply),
  );

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Pulse API',
        version,
        description: 'User analytics for auth platforms. Errors: { error: { code, message, details? } }.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'pulse_admin_… or pulse_ingest_…' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes(stores, diskGuard));
  await app.register(infoRoutes({ version, previewMode: preview.enabled }), { prefix: '/api/v1' });
  await app.register(projectRoutes(stores), { prefix: '/api/v1' });
  await app.register(metricRoutes(stores), { prefix: '/api/v1' });
  await app.register(previewProjectRoutes(stores, preview), { prefix: '/api/v1' });
  await app.register(reseedRoutes(stores), { prefix: '/api/v1' });
  const admin = { db: stores.postgres.db, notifyWrite };
  await app.register(userRoutes(admin), { prefix: '/api/v1' });
  await app.register(contactChannelRoutes(admin), { prefix: '/api/v1' });
  await app.register(teamRoutes(admin), { prefix: '/api/v1' });
  await app.register(teamMemberRoutes(admin), { prefix: '/api/v1' });
  await app.register(syncStatusRoutes(stores), { prefix: '/api/v1' });
  await app.register(eventRoutes({ ...stores, buffer: eventBuffer, maxAgeMs: eventMaxAgeMs }), { prefix: '/api/v1' });
  if (onLivePoll) {
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode === 200 && request.routeOptions.url === '/api/v1/projects/:id/metrics/live') {
        await onLivePoll((request.params as { id: string }).id).catch((error: unknown) =>
          request.log.warn({ err: error }, 'keep-alive failed'),
        );
      }
    });
  }
  if (dashboardDir) await app.register(dashboardRoutes(dashboardDir, { previewMode: preview.enabled }));
  return app;
}
