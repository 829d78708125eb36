// GET /api/v1/projects/:id/sync: per mapping, the watermark and how far this project's changes lag.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, ProjectParams } from '../../../contract/api.js';
import { SyncStatus } from '../../../contract/admin.js';
import type { Stores } from '../../stores.js';
import { syncStatus } from '../../sync/sync-status.js';
import { authorizeProject } from '../auth.js';

export const syncStatusRoutes =
  (stores: Stores): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/sync',
      {
        schema: {
          tags: ['sync'],
          summary: 'Postgres → ClickHouse sync per mapping: last synced id, rows and seconds behind',
          security: [{ bearer: [] }],
          params: ProjectParams,
          response: { 200: SyncStatus, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(stores.postgres.db, request, request.params.id, 'admin');
        return syncStatus(stores, projectId, new Date());
      },
    );
  };
