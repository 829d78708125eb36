// Admin routes for users: create (with a primary auth email), list (cursor pages), get, patch, delete.
// Parse → authorize → call src/db/users.ts → respond; nothing else lives here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProjectParams } from '../../../../contract/api.js';
import { CreateUser, PageQuery, UpdateUser, User, UserPage, UserParams } from '../../../../contract/admin.js';
import { toPage } from '../../../admin/page.js';
import { toUserJson } from '../../../admin/user-json.js';
import {
  createUser,
  getUser,
  listUsers,
  NoPrimaryEmailError,
  removeUser,
  updateUser,
  type UserFields,
} from '../../../db/users.js';
import { authorizeProject } from '../../auth.js';
import { HttpError, notFound } from '../../errors.js';
import { ADMIN_ERRORS, type AdminDeps } from './admin-deps.js';

const tags = ['users'];
const security = [{ bearer: [] }];

function toFields(body: z.infer<typeof UpdateUser>): UserFields {
  const fields: UserFields = {
    displayName: body.display_name,
    profileImageUrl: body.profile_image_url,
    isAnonymous: body.is_anonymous,
    signedUpAt: body.signed_up_at === undefined ? undefined : new Date(body.signed_up_at),
    clientMetadata: body.client_metadata,
    clientReadOnlyMetadata: body.client_read_only_metadata,
    serverMetadata: body.server_metadata,
    restrictedByAdmin: body.restricted_by_admin,
    restrictedByAdminReason: body.restricted_by_admin_reason,
    restrictedByAdminPrivateDetails: body.restricted_by_admin_private_details,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

export const userRoutes =
  ({ db, notifyWrite }: AdminDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/projects/:id/users',
      {
        schema: {
          tags,
          security,
          summary: 'Create a user; a primary_email becomes its primary auth EMAIL channel',
          params: ProjectParams,
          body: CreateUser,
          response: { 201: User, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const { primary_email: email, primary_email_verified: verified } = request.body;
        const user = await createUser(
          db,
          projectId,
          toFields(request.body),
          email ? { value: email, isVerified: verified } : undefined,
        );
        notifyWrite();
        return reply.status(201).send(toUserJson(user));
      },
    );

    app.get(
      '/projects/:id/users',
      {
        schema: {
          tags,
          security,
          summary: 'Users in id order, one page at a time (next_cursor → ?cursor=)',
          params: ProjectParams,
          querystring: PageQuery,
          response: { 200: UserPage, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const { cursor, limit } = request.query;
        const rows = await listUsers(db, projectId, { after: cursor, limit: limit + 1 });
        return toPage(rows.map(toUserJson), limit);
      },
    );

    app.get(
      '/projects/:id/users/:user_id',
      {
        schema: { tags, security, summary: 'One user', params: UserParams, response: { 200: User, ...ADMIN_ERRORS } },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const user = await getUser(db, projectId, request.params.user_id);
        if (!user) throw notFound('User');
        return toUserJson(user);
      },
    );

    app.patch(
      '/projects/:id/users/:user_id',
      {
        schema: {
          tags,
          security,
          summary: 'Update a user (same fields as create; primary_email: null removes it)',
          params: UserParams,
          body: UpdateUser,
          response: { 200: User, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const { primary_email: email, primary_email_verified: verified } = request.body;
        const emailInput =
          email === null
            ? null
            : email === undefined && verified === undefined
              ? undefined
              : { value: email, isVerified: verified };
        const user = await updateUser(db, projectId, request.params.user_id, toFields(request.body), emailInput).catch(
          (error: unknown) => {
            if (error instanceof NoPrimaryEmailError)
              throw new HttpError(400, 'invalid_request', `body.primary_email_verified: ${error.message}`, {
                issues: [{ field: 'body.primary_email_verified', message: error.message }],
              });
            throw error;
          },
        );
        if (!user) throw notFound('User');
        notifyWrite();
        return toUserJson(user);
      },
    );

    app.delete(
      '/projects/:id/users/:user_id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a user with its channels and memberships',
          params: UserParams,
          response: { 204: z.null(), ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        if (!(await removeUser(db, projectId, request.params.user_id))) throw notFound('User');
        notifyWrite();
        return reply.status(204).send(null);
      },
    );
  };
