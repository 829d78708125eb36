// Which Postgres table feeds which ClickHouse mirror, as data (PRODUCT.md §5). Each mapping turns a
// captured change (a live row or a tombstone's old row, both as jsonb) into a mirror row with the
// shared builders of mirror-rows.ts. Adding a mirror = one entry here + its triggers (0003_sync_capture).
// :TRICKY: the inputs are plain literals, no `...spread`: spreading then adding fields made V8 build slow
// dictionary-mode objects, and the backfill spent 5× longer here than in the builders themselves.
import type { SyncedTable } from '../db/schema/index.js';
import { jsonRow as r, type JsonRow } from './json-row.js';
import { contactChannelMirrorRow, teamMemberMirrorRow, teamMirrorRow, userMirrorRow, type MirrorBookkeeping } from './mirror-rows.js';

export interface SyncMapping {
  /** The source table, and the mapping's key in analytics_internal.sync_state. */
  name: SyncedTable;
  mirrorTable: string;
  toMirrorRow(row: JsonRow, book: MirrorBookkeeping): object;
}


export const SYNC_MAPPINGS: readonly SyncMapping[] = [
  {
    name: 'users',
    mirrorTable: 'analytics_internal.users',
    // A tombstone's old row has no primary_email: the mirror of a deleted user keeps none.
    toMirrorRow: (row, book) =>
      userMirrorRow(
        {
          projectId: r.text(row, 'project_id'),
          branchId: r.text(row, 'branch_id'),
          id: r.text(row, 'id'),
          displayName: r.nullableText(row, 'display_name'),
          profileImageUrl: r.nullableText(row, 'profile_image_url'),
          isAnonymous: r.bool(row, 'is_anonymous'),
          signedUpAt: r.instant(row, 'signed_up_at'),
          clientMetadata: r.json(row, 'client_metadata'),
          clientReadOnlyMetadata: r.json(row, 'client_read_only_metadata'),
          serverMetadata: r.json(row, 'server_metadata'),
          restrictedByAdmin: r.bool(row, 'restricted_by_admin'),
          restrictedByAdminReason: r.nullableText(row, 'restricted_by_admin_reason'),
          restrictedByAdminPrivateDetails: r.nullableText(row, 'restricted_by_admin_private_details'),
        },
        r.primaryEmail(row),
        book,
      ),
  },
  {
    name: 'contact_channels',
    mirrorTable: 'analytics_internal.contact_channels',
    toMirrorRow: (row, book) => {
      const type = r.text(row, 'type');
      if (type !== 'EMAIL' && type !== 'PHONE') throw new Error(`sync: contact channel type ${type} is neither EMAIL nor PHONE`);
      return contactChannelMirrorRow(
        {
          projectId: r.text(row, 'project_id'),
          branchId: r.text(row, 'branch_id'),
          id: r.text(row, 'id'),
          userId: r.text(row, 'user_id'),
          type,
          value: r.text(row, 'value'),
          isPrimary: r.bool(row, 'is_primary'),
          isVerified: r.bool(row, 'is_verified'),
          usedForAuth: r.bool(row, 'used_for_auth'),
          createdAt: r.instant(row, 'created_at'),
        },
        book,
      );
    },
  },
  {
    name: 'teams',
    mirrorTable: 'analytics_internal.teams',
    toMirrorRow: (row, book) =>
      teamMirrorRow(
        {
          projectId: r.text(row, 'project_id'),
          branchId: r.text(row, 'branch_id'),
          id: r.text(row, 'id'),
          displayName: r.text(row, 'display_name'),
          profileImageUrl: r.nullableText(row, 'profile_image_url'),
          createdAt: r.instant(row, 'created_at'),
          clientMetadata: r.json(row, 'client_metadata'),
          clientReadOnlyMetadata: r.json(row, 'client_read_only_metadata'),
          serverMetadata: r.json(row, 'server_metadata'),
        },
        book,
      ),
  },
  {
    name: 'team_members',
    mirrorTable: 'analytics_internal.team_members',
    toMirrorRow: (row, book) =>
      teamMemberMirrorRow(
        {
          projectId: r.text(row, 'project_id'),
          branchId: r.text(row, 'branch_id'),
          teamId: r.text(row, 'team_id'),
          userId: r.text(row, 'user_id'),
          displayName: r.nullableText(row, 'display_name'),
          createdAt: r.instant(row, 'created_at'),
        },
        book,
      ),
  },
];
