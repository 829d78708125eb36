// What `pulse users` and `pulse teams` share: the project must exist (the same "Project … not found" as
// `pulse seed --project`, exit 1), and a list comes in the admin API's page shape.
import { getProject } from '../db/projects.js';
import type { Db } from '../db/store.js';
import { ProjectNotFoundError } from '../preview/reseed-project.js';

export async function requireProject(db: Db, projectId: string): Promise<void> {
  if (!(await getProject(db, projectId))) throw new ProjectNotFoundError(projectId);
}

/** `rows` were read with limit + 1: one more than the page tells whether another page exists. */
export function toPage<T extends { id: string }>(rows: readonly T[], limit: number): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, next_cursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
