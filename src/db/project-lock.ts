// One writer at a time per project, for the writes that replace or remove a project's data (reseed,
// deletion, orphan repair). A Postgres advisory lock held by the writer's transaction serializes them
// across processes on a shared server and is released by Postgres if the process dies; the in-process
// queue in front keeps waiters of one process off the connection pool (and PGlite's single connection).
import { sql } from 'drizzle-orm';
import { selectRows, type Db } from './store.js';

/** Per database handle (one per process in production), so two handles in one test act as two processes. */
const queuesOf = new WeakMap<Db, Map<string, Promise<unknown>>>();

/** Runs `body` in a transaction holding the project's lock; a second caller waits for the first to end. */
export async function withProjectLock<T>(db: Db, projectId: string, body: (tx: Db) => Promise<T>): Promise<T> {
  let queues = queuesOf.get(db);
  if (!queues) queuesOf.set(db, (queues = new Map()));
  const previous = queues.get(projectId) ?? Promise.resolve();
  const run = previous.then(
    () => lockedTransaction(db, projectId, body),
    () => lockedTransaction(db, projectId, body),
  );
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(projectId, settled);
  try {
    return await run;
  } finally {
    if (queues.get(projectId) === settled) queues.delete(projectId);
  }
}

async function lockedTransaction<T>(db: Db, projectId: string, body: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockProject(tx as unknown as Db, projectId);
    return body(tx as unknown as Db);
  });
}

/** Takes the project's lock until the end of the caller's transaction (a creation holds it while it writes). */
export async function lockProject(tx: Db, projectId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${projectLockKey(projectId)})`);
}

/** Takes the project's lock for the caller's transaction if no live transaction holds it; false if one does. */
export async function tryProjectLock(tx: Db, projectId: string): Promise<boolean> {
  const [row] = await selectRows<{ locked: boolean }>(
    tx,
    sql`SELECT pg_try_advisory_xact_lock(${projectLockKey(projectId)}) AS locked`,
  );
  return row?.locked === true;
}

/** A 64-bit key from the project id; a collision only makes two projects wait for each other. */
const projectLockKey = (projectId: string) => sql`hashtextextended(${projectId}, 0)`;

/** Of these projects, the ones no live transaction holds the lock of right now (the locks end at once). */
export async function projectsNotLocked(db: Db, projectIds: readonly string[]): Promise<string[]> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const free: string[] = [];
    for (const id of projectIds) if (await tryProjectLock(tx, id)) free.push(id);
    return free;
  });
}
