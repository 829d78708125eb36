// Admin routes for team membership: add (idempotent) and remove. Thin: src/db/team-members.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AddTeamMember, MemberParams, TeamMember, TeamParams } from '../../../../contract/admin.js';
import { addTeamMember, removeTeamMember } from '../../../db/team-members.js';
import { authorizeProject } from '../../auth.js';
import { notFound } from '../../errors.js';
import { iso } from '../../../admin/iso.js';
import { ADMIN_ERRORS, type AdminDeps } from './admin-deps.js';

const tags = ['teams'];
const security = [{ bearer: [] }];

export const teamMemberRoutes =
  ({ db, notifyWrite }: AdminDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/projects/:id/teams/:team_id/members',
      {
        schema: {
          tags,
          security,
          summary: 'Add a user of the project to the team',
          params: TeamParams,
          body: AddTeamMember,
          response: { 201: TeamMember, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const result = await addTeamMember(
          db,
          projectId,
          request.params.team_id,
          request.body.user_id,
          request.body.display_name ?? null,
        );
        if ('missing' in result) throw notFound(result.missing === 'team' ? 'Team' : 'User');
        notifyWrite();
        const m = result.member;
        return reply
          .status(201)
          .send({ team_id: m.teamId, user_id: m.userId, display_name: m.displayName, created_at: iso(m.createdAt) });
      },
    );

    app.delete(
      '/projects/:id/teams/:team_id/members/:user_id',
      {
        schema: {
          tags,
          security,
          summary: 'Remove a user from the team',
          params: MemberParams,
          response: { 204: z.null(), ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        if (!(await removeTeamMember(db, projectId, request.params.team_id, request.params.user_id)))
          throw notFound('Team member');
        notifyWrite();
        return reply.status(204).send(null);
      },
    );
  };
