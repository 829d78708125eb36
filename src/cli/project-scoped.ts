// What `pulse users` and `pulse teams` share: the list flags, and the project must exist (the same "Project … not found" as
// `pulse seed --project`, exit 1).
import { getProject } from '../db/projects.js';
import type { Db } from '../db/store.js';
import { ProjectNotFoundError } from '../projects/errors.js';

export async function requireProject(db: Db, projectId: string): Promise<void> {
  if (!(await getProject(db, projectId))) throw new ProjectNotFoundError(projectId);
}

/** The flags of `pulse users list` and `pulse teams list`. */
export interface ListOptions {
  project: string;
  limit: string;
  cursor?: string;
  json?: boolean;
}
