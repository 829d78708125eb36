// Admin routes for teams: create, list (cursor pages), get, patch, delete. Thin: src/db/teams.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProjectParams } from '../../../../contract/api.js';
import { CreateTeam, PageQuery, Team, TeamPage, TeamParams, UpdateTeam } from '../../../../contract/admin.js';
import { toPage } from '../../../admin/page.js';
import { toTeamJson } from '../../../admin/team-json.js';
import { createTeam, getTeam, listTeams, removeTeam, updateTeam } from '../../../db/teams.js';
import { authorizeProject } from '../../auth.js';
import { notFound } from '../../errors.js';
import { ADMIN_ERRORS, type AdminDeps } from './admin-deps.js';

const tags = ['teams'];
const security = [{ bearer: [] }];

const toFields = (body: z.infer<typeof UpdateTeam>) =>
  Object.fromEntries(
    Object.entries({
      displayName: body.display_name,
      profileImageUrl: body.profile_image_url,
      clientMetadata: body.client_metadata,
      clientReadOnlyMetadata: body.client_read_only_metadata,
      serverMetadata: body.server_metadata,
    }).filter(([, v]) => v !== undefined),
  );

export const teamRoutes =
  ({ db, notifyWrite }: AdminDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/projects/:id/teams',
      {
        schema: {
          tags,
          security,
          summary: 'Create a team',
          params: ProjectParams,
          body: CreateTeam,
          response: { 201: Team, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const team = await createTeam(db, projectId, {
          ...toFields(request.body),
          displayName: request.body.display_name,
        });
        notifyWrite();
        return reply.status(201).send(toTeamJson(team));
      },
    );

    app.get(
      '/projects/:id/teams',
      {
        schema: {
          tags,
          security,
          summary: 'Teams in id order, one page at a time',
          params: ProjectParams,
          querystring: PageQuery,
          response: { 200: TeamPage, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const rows = await listTeams(db, projectId, { after: request.query.cursor, limit: request.query.limit + 1 });
        return toPage(rows.map(toTeamJson), request.query.limit);
      },
    );

    app.get(
      '/projects/:id/teams/:team_id',
      {
        schema: { tags, security, summary: 'One team', params: TeamParams, response: { 200: Team, ...ADMIN_ERRORS } },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const team = await getTeam(db, projectId, request.params.team_id);
        if (!team) throw notFound('Team');
        return toTeamJson(team);
      },
    );

    app.patch(
      '/projects/:id/teams/:team_id',
      {
        schema: {
          tags,
          security,
          summary: 'Update a team',
          params: TeamParams,
          body: UpdateTeam,
          response: { 200: Team, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const team = await updateTeam(db, projectId, request.params.team_id, toFields(request.body));
        if (!team) throw notFound('Team');
        notifyWrite();
        return toTeamJson(team);
      },
    );

    app.delete(
      '/projects/:id/teams/:team_id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a team and its memberships',
          params: TeamParams,
          response: { 204: z.null(), ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        if (!(await removeTeam(db, projectId, request.params.team_id))) throw notFound('Team');
        notifyWrite();
        return reply.status(204).send(null);
      },
    );
  };
