// Admin routes for a user's contact channels: list, add, patch, delete. Thin: src/db/contact-channels.ts
// does the work (primary demotion, duplicate auth address → 409).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChannelParams,
  ContactChannel,
  ContactChannelList,
  CreateContactChannel,
  UpdateContactChannel,
  UserParams,
} from '../../../../contract/admin.js';
import {
  createContactChannel,
  listContactChannels,
  removeContactChannel,
  updateContactChannel,
  type ContactChannelRecord,
} from '../../../db/contact-channels.js';
import { authorizeProject } from '../../auth.js';
import { invalidRequest, notFound } from '../../errors.js';
import { contactChannelChanges } from '../../../admin/contact-channel-changes.js';
import { iso } from '../../../admin/iso.js';
import { ADMIN_ERRORS, type AdminDeps } from './admin-deps.js';

const tags = ['contact channels'];
const security = [{ bearer: [] }];

export function toContactChannelJson(c: ContactChannelRecord): z.infer<typeof ContactChannel> {
  return {
    id: c.id,
    user_id: c.userId,
    type: c.type,
    value: c.value,
    is_primary: c.isPrimary,
    is_verified: c.isVerified,
    used_for_auth: c.usedForAuth,
    created_at: iso(c.createdAt),
  };
}

export const contactChannelRoutes =
  ({ db, notifyWrite }: AdminDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/projects/:id/users/:user_id/contact-channels',
      {
        schema: {
          tags,
          security,
          summary: "The user's contact channels",
          params: UserParams,
          response: { 200: ContactChannelList, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const channels = await listContactChannels(db, projectId, request.params.user_id);
        if (!channels) throw notFound('User');
        return { items: channels.map(toContactChannelJson) };
      },
    );

    app.post(
      '/projects/:id/users/:user_id/contact-channels',
      {
        schema: {
          tags,
          security,
          summary: 'Add a contact channel (is_primary demotes the previous primary of that type)',
          params: UserParams,
          body: CreateContactChannel,
          response: { 201: ContactChannel, ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const b = request.body;
        const channel = await createContactChannel(db, projectId, request.params.user_id, {
          type: b.type,
          value: b.value,
          isPrimary: b.is_primary ?? false,
          isVerified: b.is_verified ?? false,
          usedForAuth: b.used_for_auth ?? false,
        });
        if (!channel) throw notFound('User');
        notifyWrite();
        return reply.status(201).send(toContactChannelJson(channel));
      },
    );

    app.patch(
      '/projects/:id/users/:user_id/contact-channels/:channel_id',
      {
        schema: {
          tags,
          security,
          summary: 'Update a contact channel',
          params: ChannelParams,
          body: UpdateContactChannel,
          response: { 200: ContactChannel, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        const channel = await updateContactChannel(
          db,
          projectId,
          request.params.user_id,
          request.params.channel_id,
          (current) => {
            const changes = contactChannelChanges(current, request.body);
            if (!changes.ok) throw invalidRequest(`body.${changes.field}`, changes.message);
            return changes.fields;
          },
        );
        if (!channel) throw notFound('Contact channel');
        notifyWrite();
        return toContactChannelJson(channel);
      },
    );

    app.delete(
      '/projects/:id/users/:user_id/contact-channels/:channel_id',
      {
        schema: {
          tags,
          security,
          summary: 'Delete a contact channel',
          params: ChannelParams,
          response: { 204: z.null(), ...ADMIN_ERRORS },
        },
      },
      async (request, reply) => {
        const projectId = await authorizeProject(db, request, request.params.id, 'admin');
        if (!(await removeContactChannel(db, projectId, request.params.user_id, request.params.channel_id)))
          throw notFound('Contact channel');
        notifyWrite();
        return reply.status(204).send(null);
      },
    );
  };
