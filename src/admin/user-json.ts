// The admin API's view of a user, shared by both front doors (HTTP responses, `pulse users … --json`).
import type { User } from '../../contract/admin.js';
import type { UserRecord } from '../db/users.js';
import { iso, isoOrNull } from './iso.js';

export function toUserJson(u: UserRecord): User {
  return {
    id: u.id,
    display_name: u.displayName,
    profile_image_url: u.profileImageUrl,
    primary_email: u.primaryEmail,
    primary_email_verified: u.primaryEmailVerified,
    is_anonymous: u.isAnonymous,
    signed_up_at: iso(u.signedUpAt),
    last_active_at: isoOrNull(u.lastActiveAt),
    client_metadata: u.clientMetadata,
    client_read_only_metadata: u.clientReadOnlyMetadata,
    server_metadata: u.serverMetadata,
    restricted_by_admin: u.restrictedByAdmin,
    restricted_by_admin_reason: u.restrictedByAdminReason,
    restricted_by_admin_private_details: u.restrictedByAdminPrivateDetails,
  };
}
