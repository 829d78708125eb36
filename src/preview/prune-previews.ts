// Preview projects expire (PULSE_PREVIEW_TTL). Pruning deletes an expired project from ClickHouse first,
// then from Postgres (cascading to every row it owns): if ClickHouse fails, the project stays and the
// next run retries, so nothing is orphaned in ClickHouse.
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { projects } from '../db/schema/index.js';
import type { Logger } from 'pino';
import { deleteProjectAnalytics } from './write-analytics.js';
import type { WriteTarget } from './write-preview.js';

const PRUNE_BATCH = 100;
export const PRUNE_INTERVAL_MS = 60_000;

export async function prunePreviews(stores: WriteTarget, now: Date): Promise<string[]> {
  const expired = await stores.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.isPreview, true), lte(projects.expiresAt, now)))
    .orderBy(asc(projects.expiresAt))
    .limit(PRUNE_BATCH);
  const ids = expired.map((p) => p.id);
  if (ids.length === 0) return ids;
  await deleteProjectAnalytics(stores.analytics, ids);
  await stores.db.delete(projects).where(inArray(projects.id, ids));
  return ids;
}

/** The cleanup job inside `serve`: prunes every minute until stopped. */
export function startPreviewPruning(stores: WriteTarget, logger: Logger, intervalMs = PRUNE_INTERVAL_MS): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = prunePreviews(stores, new Date()).then(
      (ids) => ids.length > 0 && logger.info({ count: ids.length }, 'expired preview projects deleted'),
      (error: unknown) => logger.error({ err: error }, 'preview cleanup failed; will retry'),
    );
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
