// POST /api/v1/projects/:id/reseed: regenerate a project's demo data for the current time.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, ProjectParams } from '../../../contract/api.js';
import { Reseeded } from '../../../contract/preview.js';
import { reseedProject } from '../../preview/reseed-project.js';
import type { Stores } from '../../stores.js';
import { authorizeProject } from '../auth.js';

export const reseedRoutes =
  (stores: Stores): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/projects/:id/reseed',
      {
        schema: {
          tags: ['preview'],
          summary:
            "Replace the project's seeded data with a fresh copy dated now (same users and teams; activity rows replaced). One reseed of a project at a time: a second request waits for the first, then reseeds again",
          security: [{ bearer: [] }],
          params: ProjectParams,
          response: { 200: Reseeded, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(stores.postgres.db, request, request.params.id, 'admin');
        const result = await reseedProject(stores, projectId, new Date());
        return { project_id: result.projectId, seeded: result.seeded, timings_ms: result.timings };
      },
    );
  };
