// The admin API's view of a team, shared by both front doors (HTTP responses, `pulse teams … --json`).
import type { z } from 'zod';
import type { Team } from '../../contract/admin.js';
import type { TeamRecord } from '../db/teams.js';
import { iso } from './iso.js';

export function toTeamJson(t: TeamRecord): z.infer<typeof Team> {
  return {
    id: t.id,
    display_name: t.displayName,
    profile_image_url: t.profileImageUrl,
    created_at: iso(t.createdAt),
    client_metadata: t.clientMetadata,
    client_read_only_metadata: t.clientReadOnlyMetadata,
    server_metadata: t.serverMetadata,
  };
}
