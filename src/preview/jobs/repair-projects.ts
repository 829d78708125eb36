// Crash repair, at each `pulse serve` start and in `pulse previews prune`. A creation or reseed killed
// mid-write (kill -9, power loss) never committed in Postgres, but ClickHouse has no transactions: it may
// hold events and mirror rows of a project Postgres does not have (a crashed creation, or ingestion that
// was flushed after a deletion), or a reseed's second generation of events. Both are removed here. Writes
// still running hold their project's lock (src/db/project-lock.ts), so their rows are left alone.
import { analyticsProjectIds, deleteProjectData, seedGenerationsInEvents } from '../../analytics/project-data.js';
import { tryProjectLock } from '../../db/project-lock.js';
import { seedGenerations } from '../../db/projects.js';
import type { Db } from '../../db/store.js';
import type { Stores } from '../../stores.js';
import { removeOldGenerations } from '../reseed-project.js';

export interface Repaired {
  /** Projects whose ClickHouse rows were deleted: Postgres has no such project. */
  orphans: string[];
  /** Projects whose events of another seed generation than their current one were deleted. */
  staleGenerations: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function repairProjects(stores: Stores): Promise<Repaired> {
  const inAnalytics = await analyticsProjectIds(stores.analytics);
  const known = await seedGenerations(
    stores.postgres.db,
    inAnalytics.filter((id) => UUID.test(id)),
  );
  const orphans = await removeOrphans(
    stores,
    inAnalytics.filter((id) => !known.has(id)),
  );
  const staleGenerations: string[] = [];
  for (const [projectId, generations] of await seedGenerationsInEvents(stores.analytics)) {
    const current = known.get(projectId);
    if (current === undefined || generations.every((g) => g === current)) continue;
    // Under the lock: a reseed still running finishes first, and then its old generation is the stale one.
    await removeOldGenerations(stores, projectId);
    staleGenerations.push(projectId);
  }
  return { orphans, staleGenerations };
}

/** Deletes the ClickHouse rows of the candidates that no running write holds and Postgres still lacks. */
async function removeOrphans(stores: Stores, candidates: string[]): Promise<string[]> {
  if (candidates.length === 0) return [];
  // An id that is no uuid can never be a project's.
  const malformed = candidates.filter((id) => !UUID.test(id));
  return stores.postgres.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const free: string[] = [];
    for (const id of candidates.filter((c) => UUID.test(c))) if (await tryProjectLock(tx, id)) free.push(id);
    // A creation may have committed between the first look and its lock.
    const committed = await seedGenerations(tx, free);
    const orphans = [...malformed, ...free.filter((id) => !committed.has(id))];
    await deleteProjectData(stores.analytics, orphans);
    return orphans;
  });
}
