import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, Project, ProjectParams } from '../../../contract/api.js';
import { getProject } from '../../db/projects.js';
import type { Db } from '../../db/store.js';
import { authorizeProject } from '../auth.js';
import { notFound } from '../errors.js';
import { toProjectJson } from '../../admin/project-json.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const projectRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id',
      {
        schema: {
          tags: ['projects'],
          summary: 'The project of this admin key',
          security: [{ bearer: [] }],
          params: ProjectParams,
          response: { 200: Project, ...errors },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const project = await getProject(db, projectId);
        if (!project) throw notFound('Project');
        return toProjectJson(project);
      },
    );
  };
