// The use case behind DELETE /api/v1/projects/:id and `pulse projects delete`: ClickHouse first (events
// and every mirror), then Postgres (the project row; its keys and rows cascade). If ClickHouse fails, the
// project stays whole and the deletion can be retried, so nothing is left in ClickHouse without its project.
import { deleteProjectData } from '../analytics/project-data.js';
import { AnalyticsError } from '../analytics/store.js';
import { deleteProjects, getProject } from '../db/projects.js';
import { withProjectLock } from '../db/project-lock.js';
import { DatabaseError } from '../db/store.js';
import type { Stores } from '../stores.js';
import { ProjectNotFoundError } from './errors.js';

export async function deleteProject(stores: Stores, projectId: string): Promise<void> {
  try {
    // The project lock: a reseed running now finishes first instead of writing into a deleted project.
    await withProjectLock(stores.postgres.db, projectId, async (tx) => {
      if (!(await getProject(tx, projectId))) throw new ProjectNotFoundError(projectId);
      await deleteProjectData(stores.analytics, [projectId]);
      await deleteProjects(tx, [projectId]);
    });
  } catch (error) {
    if (error instanceof ProjectNotFoundError || error instanceof AnalyticsError) throw error;
    throw new DatabaseError(error);
  }
}
