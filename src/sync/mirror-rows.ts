// Generated rows → ClickHouse mirror rows (docs/product.md §3). Pure. The preview seeder mirrors with
// sequence 0. The sync has Postgres write the same rows (src/sync/mappings.ts); the contract in
// src/test/contract/mirror-shape.ts keeps the two column for column.
import { formatEventAt as toDateTime64 } from '../events/event-rows.js';
import type { ContactChannelRow, TeamMemberRow, TeamRow, UserRow } from '../db/rows.js';

// The builders take what they read and nothing more, with metadata as any JSON value.
type Metadata = 'clientMetadata' | 'clientReadOnlyMetadata' | 'serverMetadata';
type WithAnyMetadata<T> = Omit<T, Metadata> & Record<Metadata, unknown>;
export type MirroredUser = WithAnyMetadata<Omit<UserRow, 'lastActiveAt'>>;
export type MirroredTeam = WithAnyMetadata<TeamRow>;

export interface MirrorBookkeeping {
  sequence: number;
  deleted?: boolean;
}

const json = (value: unknown) => JSON.stringify(value ?? {});
const sync = ({ sequence, deleted = false }: MirrorBookkeeping) => ({
  sync_sequence_id: sequence,
  sync_is_deleted: deleted ? 1 : 0,
});

export interface PrimaryEmail {
  value: string;
  isVerified: boolean;
}

export function userMirrorRow(user: MirroredUser, primaryEmail: PrimaryEmail | null, book: MirrorBookkeeping) {
  return {
    project_id: user.projectId,
    branch_id: user.branchId,
    id: user.id,
    display_name: user.displayName,
    profile_image_url: user.profileImageUrl,
    primary_email: primaryEmail?.value ?? null,
    primary_email_verified: primaryEmail?.isVerified ? 1 : 0,
    signed_up_at: toDateTime64(user.signedUpAt),
    client_metadata: json(user.clientMetadata),
    client_read_only_metadata: json(user.clientReadOnlyMetadata),
    server_metadata: json(user.serverMetadata),
    is_anonymous: user.isAnonymous ? 1 : 0,
    restricted_by_admin: user.restrictedByAdmin ? 1 : 0,
    restricted_by_admin_reason: user.restrictedByAdminReason,
    restricted_by_admin_private_details: user.restrictedByAdminPrivateDetails,
    ...sync(book),
  };
}

export function contactChannelMirrorRow(channel: ContactChannelRow, book: MirrorBookkeeping) {
  return {
    project_id: channel.projectId,
    branch_id: channel.branchId,
    id: channel.id,
    user_id: channel.userId,
    type: channel.type,
    value: channel.value,
    is_primary: channel.isPrimary ? 1 : 0,
    is_verified: channel.isVerified ? 1 : 0,
    used_for_auth: channel.usedForAuth ? 1 : 0,
    created_at: toDateTime64(channel.createdAt),
    ...sync(book),
  };
}

export function teamMirrorRow(team: MirroredTeam, book: MirrorBookkeeping) {
  return {
    project_id: team.projectId,
    branch_id: team.branchId,
    id: team.id,
    display_name: team.displayName,
    profile_image_url: team.profileImageUrl,
    created_at: toDateTime64(team.createdAt),
    client_metadata: json(team.clientMetadata),
    client_read_only_metadata: json(team.clientReadOnlyMetadata),
    server_metadata: json(team.serverMetadata),
    ...sync(book),
  };
}

export function teamMemberMirrorRow(member: TeamMemberRow, book: MirrorBookkeeping) {
  return {
    project_id: member.projectId,
    branch_id: member.branchId,
    team_id: member.teamId,
    user_id: member.userId,
    display_name: member.displayName,
    created_at: toDateTime64(member.createdAt),
    ...sync(book),
  };
}

/** The primary EMAIL channel of each user, for the users mirror's primary_email columns. */
export function primaryEmails(
  channels: readonly Pick<ContactChannelRow, 'type' | 'isPrimary' | 'userId' | 'value' | 'isVerified'>[],
): Map<string, PrimaryEmail> {
  const byUser = new Map<string, PrimaryEmail>();
  for (const c of channels)
    if (c.type === 'EMAIL' && c.isPrimary) byUser.set(c.userId, { value: c.value, isVerified: c.isVerified });
  return byUser;
}
