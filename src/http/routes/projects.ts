// /projects/:id with the project's admin key: read it, rotate or revoke its keys, delete it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, KeyParams, Project, ProjectParams, RevokedKeys, RotatedKey } from '../../../contract/api.js';
import { getProject } from '../../db/projects.js';
import { deleteProject } from '../../projects/delete-project.js';
import { revokeKey, rotateKey } from '../../projects/manage-keys.js';
import type { Stores } from '../../stores.js';
import { authorizeProject } from '../auth.js';
import { notFound } from '../errors.js';
import { toProjectJson } from '../../admin/project-json.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const projectRoutes =
  (stores: Stores): FastifyPluginAsyncZod =>
  async (app) => {
    const db = stores.postgres.db;
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

    app.post(
      '/projects/:id/keys/:kind/rotate',
      {
        schema: {
          tags: ['projects'],
          summary:
            'Issue a new admin or ingest key (shown once); the earlier key of that kind gets 401 from now on. Rotating the admin key with itself ends its own access.',
          security: [{ bearer: [] }],
          params: KeyParams,
          response: { 200: RotatedKey, ...errors, 503: ErrorBody },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const { kind } = request.params;
        const rotated = await rotateKey(db, projectId, kind);
        return { project_id: projectId, kind, key: rotated.key, revoked: rotated.revoked };
      },
    );

    app.post(
      '/projects/:id/keys/:kind/revoke',
      {
        schema: {
          tags: ['projects'],
          summary:
            'Revoke the admin or ingest key without a replacement (401 from now on); `pulse projects rotate-key` issues a new one',
          security: [{ bearer: [] }],
          params: KeyParams,
          response: { 200: RevokedKeys, ...errors, 503: ErrorBody },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const { kind } = request.params;
        return { project_id: projectId, kind, revoked: await revokeKey(db, projectId, kind) };
      },
    );

    app.delete(
      '/projects/:id',
      {
        schema: {
          tags: ['projects'],
          summary: 'Delete the project: its ClickHouse events and mirrors first, then every Postgres row and key',
          security: [{ bearer: [] }],
          params: ProjectParams,
          response: { 204: z.null(), ...errors, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        await deleteProject(stores, projectId);
        return reply.status(204).send(null);
      },
    );
  };
