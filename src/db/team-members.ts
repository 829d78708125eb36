// Team memberships (admin API). Both the team and the user must belong to the project; adding an
// existing member again updates its display name instead of failing.
import { and, eq } from 'drizzle-orm';
import { DEFAULT_BRANCH, teamMembers, teams, users } from './schema/index.js';
import type { Db } from './store.js';

export type TeamMemberRecord = typeof teamMembers.$inferSelect;

export type AddMemberResult = { member: TeamMemberRecord } | { missing: 'team' | 'user' };

export async function addTeamMember(
  db: Db,
  projectId: string,
  teamId: string,
  userId: string,
  displayName: string | null = null,
): Promise<AddMemberResult> {
  return db.transaction(async (tx) => {
    const scope = { projectId, branchId: DEFAULT_BRANCH };
    // FOR SHARE: a concurrent delete of the team or user waits for this insert instead of racing it.
    const [team] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.projectId, projectId), eq(teams.branchId, DEFAULT_BRANCH), eq(teams.id, teamId)))
      .for('share');
    if (!team) return { missing: 'team' as const };
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.projectId, projectId), eq(users.branchId, DEFAULT_BRANCH), eq(users.id, userId)))
      .for('share');
    if (!user) return { missing: 'user' as const };
    const [member] = await tx
      .insert(teamMembers)
      .values({ ...scope, teamId, userId, displayName })
      .onConflictDoUpdate({
        target: [teamMembers.projectId, teamMembers.branchId, teamMembers.teamId, teamMembers.userId],
        set: { displayName },
      })
      .returning();
    if (!member) throw new Error('INSERT … RETURNING gave no member row');
    return { member };
  });
}

export async function removeTeamMember(db: Db, projectId: string, teamId: string, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(teamMembers)
    .where(
      and(
        eq(teamMembers.projectId, projectId),
        eq(teamMembers.branchId, DEFAULT_BRANCH),
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.userId, userId),
      ),
    )
    .returning({ userId: teamMembers.userId });
  return deleted.length > 0;
}
