// Admin API (admin key): users, their contact channels, teams, members, and the sync status. Request
// and response schemas shared by the server and the dashboard. Unknown body fields are rejected (a typo
// must not be silently ignored).
import { z } from 'zod';
import { HttpUrl as Url, Instant, Metadata, storable, Uuid as uuid } from './safe-input.js';

const Name = storable(z.string().trim().min(1, 'must not be empty').max(1_000, 'must be at most 1000 characters'));
/** Lower case: addresses are compared case-insensitively, so two users never sign in with one. */
const Email = storable(
  z
    .string()
    .trim()
    .toLowerCase()
    .max(320, 'must be at most 320 characters')
    .pipe(z.email({ error: 'must be an email address' })),
);
const Reason = storable(z.string().max(10_000, 'must be at most 10000 characters')).nullable();

export const UserParams = z.object({ id: uuid('project'), user_id: uuid('user') });
export const TeamParams = z.object({ id: uuid('project'), team_id: uuid('team') });
export const ChannelParams = z.object({
  id: uuid('project'),
  user_id: uuid('user'),
  channel_id: uuid('contact channel'),
});
export const MemberParams = z.object({ id: uuid('project'), team_id: uuid('team'), user_id: uuid('user') });

export const PageQuery = z.object({
  cursor: uuid('cursor').optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
});

const userFields = {
  display_name: Name.nullable(),
  profile_image_url: Url.nullable(),
  is_anonymous: z.boolean(),
  signed_up_at: Instant,
  client_metadata: Metadata,
  client_read_only_metadata: Metadata,
  server_metadata: Metadata,
  restricted_by_admin: z.boolean(),
  restricted_by_admin_reason: Reason,
  restricted_by_admin_private_details: Reason,
  primary_email_verified: z.boolean(),
};

export const CreateUser = z.strictObject({ ...userFields, primary_email: Email }).partial();
/** Same fields; `primary_email: null` removes the primary email channel. */
export const UpdateUser = z.strictObject({ ...userFields, primary_email: Email.nullable() }).partial();

export const User = z.object({
  id: z.uuid(),
  display_name: z.string().nullable(),
  profile_image_url: z.string().nullable(),
  primary_email: z.string().nullable(),
  primary_email_verified: z.boolean(),
  is_anonymous: z.boolean(),
  signed_up_at: z.iso.datetime(),
  last_active_at: z.iso.datetime().nullable(),
  client_metadata: z.unknown(),
  client_read_only_metadata: z.unknown(),
  server_metadata: z.unknown(),
  restricted_by_admin: z.boolean(),
  restricted_by_admin_reason: z.string().nullable(),
  restricted_by_admin_private_details: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const UserPage = z.object({ items: z.array(User), next_cursor: z.uuid().nullable() });

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{3,32}$/, 'must be a phone number');
/** A channel's type and value as create accepts them; a patch must leave the channel satisfying it too. */
export const ChannelValue = z.discriminatedUnion('type', [
  z.object({ type: z.literal('EMAIL'), value: Email }),
  z.object({ type: z.literal('PHONE'), value: Phone }),
]);
const channelFlags = { is_primary: z.boolean(), is_verified: z.boolean(), used_for_auth: z.boolean() };

export const CreateContactChannel = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('EMAIL'), value: Email, ...channelFlags })
    .partial({ is_primary: true, is_verified: true, used_for_auth: true }),
  z
    .strictObject({ type: z.literal('PHONE'), value: Phone, ...channelFlags })
    .partial({ is_primary: true, is_verified: true, used_for_auth: true }),
]);

/** Shapes only: the value is checked against the channel's resulting type (ChannelValue) once it is known. */
export const UpdateContactChannel = z
  .strictObject({
    type: z.enum(['EMAIL', 'PHONE']),
    value: storable(z.string().trim().min(1, 'must not be empty').max(320, 'must be at most 320 characters')),
    ...channelFlags,
  })
  .partial();

export const ContactChannel = z.object({
  id: z.uuid(),
  user_id: z.uuid(),
  type: z.enum(['EMAIL', 'PHONE']),
  value: z.string(),
  is_primary: z.boolean(),
  is_verified: z.boolean(),
  used_for_auth: z.boolean(),
  created_at: z.iso.datetime(),
});
export const ContactChannelList = z.object({ items: z.array(ContactChannel) });

const teamFields = {
  display_name: Name,
  profile_image_url: Url.nullable(),
  client_metadata: Metadata,
  client_read_only_metadata: Metadata,
  server_metadata: Metadata,
};
export const CreateTeam = z
  .strictObject(teamFields)
  .partial({ profile_image_url: true, client_metadata: true, client_read_only_metadata: true, server_metadata: true });
export const UpdateTeam = z.strictObject(teamFields).partial();

export const Team = z.object({
  id: z.uuid(),
  display_name: z.string(),
  profile_image_url: z.string().nullable(),
  created_at: z.iso.datetime(),
  client_metadata: z.unknown(),
  client_read_only_metadata: z.unknown(),
  server_metadata: z.unknown(),
});
export const TeamPage = z.object({ items: z.array(Team), next_cursor: z.uuid().nullable() });

export const AddTeamMember = z.strictObject({ user_id: uuid('user'), display_name: Name.nullable().optional() });
export const TeamMember = z.object({
  team_id: z.uuid(),
  user_id: z.uuid(),
  display_name: z.string().nullable(),
  created_at: z.iso.datetime(),
});

export const MappingSyncStatus = z.object({
  last_synced_id: z.number().int(),
  rows_behind: z.number().int(),
  seconds_behind: z.number(),
});
export const SyncStatus = z.object({
  users: MappingSyncStatus,
  contact_channels: MappingSyncStatus,
  teams: MappingSyncStatus,
  team_members: MappingSyncStatus,
});
