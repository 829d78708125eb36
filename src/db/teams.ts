// Teams of a project (admin API). Scoped by project: another project's team is not found. Deleting a
// team cascades to its memberships (and the triggers leave a tombstone for each).
import crypto from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import { DEFAULT_BRANCH, teams } from './schema/index.js';
import type { Db } from './store.js';

export type TeamRecord = typeof teams.$inferSelect;

export type TeamFields = Pick<typeof teams.$inferInsert, 'displayName'> &
  Partial<
    Pick<typeof teams.$inferInsert, 'profileImageUrl' | 'clientMetadata' | 'clientReadOnlyMetadata' | 'serverMetadata'>
  >;

const ofProject = (projectId: string) => and(eq(teams.projectId, projectId), eq(teams.branchId, DEFAULT_BRANCH));

export async function getTeam(db: Db, projectId: string, id: string): Promise<TeamRecord | undefined> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(ofProject(projectId), eq(teams.id, id)))
    .limit(1);
  return row;
}

/** One page in id order; `after` is the previous page's last id. */
export async function listTeams(
  db: Db,
  projectId: string,
  { after, limit }: { after?: string; limit: number },
): Promise<TeamRecord[]> {
  return db
    .select()
    .from(teams)
    .where(and(ofProject(projectId), after ? gt(teams.id, after) : undefined))
    .orderBy(asc(teams.id))
    .limit(limit);
}

export async function createTeam(db: Db, projectId: string, fields: TeamFields): Promise<TeamRecord> {
  const [row] = await db
    .insert(teams)
    .values({ ...fields, projectId, id: crypto.randomUUID() })
    .returning();
  if (!row) throw new Error('INSERT … RETURNING gave no team row');
  return row;
}

export async function updateTeam(
  db: Db,
  projectId: string,
  id: string,
  fields: Partial<TeamFields>,
): Promise<TeamRecord | undefined> {
  const [row] = await db
    .update(teams)
    .set(Object.keys(fields).length > 0 ? fields : { id })
    .where(and(ofProject(projectId), eq(teams.id, id)))
    .returning();
  return row;
}

export async function removeTeam(db: Db, projectId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(teams)
    .where(and(ofProject(projectId), eq(teams.id, id)))
    .returning({ id: teams.id });
  return deleted.length > 0;
}
