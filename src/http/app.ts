// buildApp(deps): plugins, routes, error handler. No listen(): tests use app.inject(), serve listens.
import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Stores } from '../stores.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { projectRoutes } from './routes/projects.js';

export interface AppDeps {
  stores: Pick<Stores, 'postgres' | 'analytics'>;
  logger?: Logger;
  version?: string;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

export type App = Awaited<ReturnType<typeof buildApp>>;

export async function buildApp({ stores, logger, version = '0.1.0' }: AppDeps) {
  const app = Fastify({ loggerInstance: logger, bodyLimit: BODY_LIMIT_BYTES }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Pulse API', version, description: 'User analytics for auth platforms. Errors: { error: { code, message, details? } }.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'pulse_admin_… or pulse_ingest_…' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes(stores));
  await app.register(projectRoutes(stores.postgres.db), { prefix: '/api/v1' });
  return app;
}
