// Project rows and their keys: creating, finding, expiring and deleting them.
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { apiKeys, projects, type ApiKeyKind, type PreviewParams } from './schema/index.js';
import type { Db } from './store.js';

export type ProjectRow = typeof projects.$inferSelect;

/** An expired preview is gone for every caller (as its keys are), whether or not it was pruned yet. */
export const isExpired = (project: Pick<ProjectRow, 'expiresAt'>, now: Date): boolean =>
  project.expiresAt !== null && project.expiresAt.getTime() <= now.getTime();

export interface NewProject {
  id: string;
  displayName: string;
  isPreview: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  previewParams?: PreviewParams | null;
}

export interface NewApiKey {
  id: string;
  kind: ApiKeyKind;
  hash: string;
}

/** Inserts a project and its keys in one transaction: never a project without keys. */
export async function createProjectRow(db: Db, project: NewProject, keys: NewApiKey[]): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(projects).values(project).returning();
    if (keys.length > 0) {
      await tx
        .insert(apiKeys)
        .values(keys.map((key) => ({ ...key, projectId: project.id, createdAt: project.createdAt })));
    }
    if (!row) throw new Error('INSERT … RETURNING gave no project row');
    return row;
  });
}

/** Moves a project's expiry; false when the project is gone. */
export async function setProjectExpiry(db: Db, id: string, expiresAt: Date): Promise<boolean> {
  const rows = await db.update(projects).set({ expiresAt }).where(eq(projects.id, id)).returning({ id: projects.id });
  return rows.length === 1;
}

export async function getProject(db: Db, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  return row;
}

export async function listProjects(db: Db): Promise<ProjectRow[]> {
  return db.select().from(projects).orderBy(asc(projects.createdAt), asc(projects.id));
}

export interface KeyOwner {
  projectId: string;
  kind: ApiKeyKind;
  /** The project's current seed generation: which of its demo events the overview counts. */
  seedGeneration: number;
}

/**
 * Resolves a key hash to exactly one project (the hash column is unique). Revoked keys, and the keys of an
 * expired preview not yet pruned, resolve to nothing: such a key gets what it gets once the preview is gone.
 */
export async function findKeyOwner(db: Db, hash: string): Promise<KeyOwner | undefined> {
  const [row] = await db
    .select({ projectId: apiKeys.projectId, kind: apiKeys.kind, seedGeneration: projects.seedGeneration })
    .from(apiKeys)
    .innerJoin(projects, eq(projects.id, apiKeys.projectId))
    .where(
      and(
        eq(apiKeys.hash, hash),
        isNull(apiKeys.revokedAt),
        or(isNull(projects.expiresAt), gt(projects.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  return row;
}

/** Preview projects expired at `now`, oldest first, at most `limit`. */
export async function expiredPreviewIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.isPreview, true), lte(projects.expiresAt, now)))
    .orderBy(asc(projects.expiresAt))
    .limit(limit);
  return rows.map((p) => p.id);
}

/** Deletes projects; every row they own goes with them (foreign keys cascade). */
export async function deleteProjects(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.delete(projects).where(inArray(projects.id, [...ids]));
}

/** The `seeded` value of a new project's demo events; a reseed moves on to the next (1 and 2 alternate). */
export const FIRST_SEED_GENERATION = 1;
export const nextSeedGeneration = (current: number): number => (current === 1 ? 2 : 1);

/** Switches a project to its new demo events; called in the reseed's transaction, so commit is the switch. */
export async function setSeedGeneration(db: Db, id: string, generation: number): Promise<void> {
  await db.update(projects).set({ seedGeneration: generation }).where(eq(projects.id, id));
}

/** The current seed generation of each of these projects that exists. */
export async function seedGenerations(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: projects.id, generation: projects.seedGeneration })
    .from(projects)
    .where(inArray(projects.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.generation]));
}
