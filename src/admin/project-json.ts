// The API's view of a project, shared by both front doors.
import type { Project } from '../../contract/api.js';
import type { ProjectRow } from '../db/projects.js';

/** The API's snake_case view of a project row. */
export function toProjectJson(row: ProjectRow): Project {
  return {
    id: row.id,
    display_name: row.displayName,
    is_preview: row.isPreview,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt ? row.expiresAt.toISOString() : null,
  };
}
