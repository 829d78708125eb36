// Preview projects expire (PULSE_PREVIEW_TTL). Pruning deletes an expired project from ClickHouse first,
// then from Postgres (cascading to every row it owns): if ClickHouse fails, the project stays and the
// next run retries, so nothing is orphaned in ClickHouse. A project whose lock a write holds (a reseed still
// writing) waits for the next run. Its first run in `serve` repairs what a crash left first
// (repair-projects.ts).
import type { Logger } from 'pino';
import { deleteProjectData } from '../../analytics/project-data.js';
import { projectsNotLocked } from '../../db/project-lock.js';
import { deleteProjects, expiredPreviewIds } from '../../db/projects.js';
import { startPeriodicJob } from '../../periodic-job.js';
import type { Stores } from '../../stores.js';
import { repairProjects } from './repair-projects.js';

const PRUNE_BATCH = 100;
export const PREVIEW_EXPIRY_INTERVAL_MS = 60_000;

export async function prunePreviews(stores: Stores, now: Date): Promise<string[]> {
  const ids = await expiredPreviewIds(stores.postgres.db, now, PRUNE_BATCH);
  if (ids.length === 0) return ids;
  // Only the projects no write holds now; a write that starts later refuses an expired preview (reseed).
  const free = await projectsNotLocked(stores.postgres.db, ids);
  // Not under the locks' transaction: embedded Postgres has one connection, which would wait for ClickHouse's deletes.
  await deleteProjectData(stores.analytics, free);
  await deleteProjects(stores.postgres.db, free);
  return free;
}

/** The cleanup job inside `serve`: repairs what a crash left, then prunes every minute until stopped. */
export function startPreviewExpiry(
  stores: Stores,
  logger: Logger,
  intervalMs = PREVIEW_EXPIRY_INTERVAL_MS,
): () => Promise<void> {
  const repaired = repairProjects(stores).then(
    ({ orphans, staleGenerations }) =>
      (orphans.length > 0 || staleGenerations.length > 0) &&
      logger.warn(
        { orphans: orphans.length, stale_generations: staleGenerations.length },
        'repaired what a crash left: ClickHouse rows of projects Postgres does not have, events of an unfinished reseed',
      ),
    (error: unknown) => logger.error({ err: error }, 'crash repair failed; `pulse previews prune` retries it'),
  );
  return startPeriodicJob(
    () =>
      prunePreviews(stores, new Date()).then(
        (ids) => ids.length > 0 && logger.info({ count: ids.length }, 'expired preview projects deleted'),
        (error: unknown) => logger.error({ err: error }, 'preview cleanup failed; will retry'),
      ),
    intervalMs,
    repaired,
  );
}
