// Teams and memberships of the hand-written cast. A team is created by its first listed member shortly
// after they signed up; the others join within the next day and a half.
import type { GenerationContext } from './context.js';
import { HAND_WRITTEN_TEAMS, HAND_WRITTEN_USERS, type TeamKey } from './hand-written.js';
import type { Person } from './person.js';
import { clampToHistory, HOUR_MS, MINUTE_MS } from './timeline.js';
import type { TeamMemberRow, TeamRow } from './types.js';

const CREATED_AFTER_OWNER_SIGN_UP_MS = [10 * MINUTE_MS, 90 * MINUTE_MS] as const;
const JOINED_WITHIN_MS = 36 * HOUR_MS;

export interface TeamsResult {
  teams: TeamRow[];
  teamMembers: TeamMemberRow[];
  /** Team id, creation time and owner (its first member) by key, for payments. */
  byKey: Map<TeamKey, { id: string; createdAtMs: number; owner: Person }>;
}

export function generateTeams(ctx: GenerationContext, people: readonly Person[]): TeamsResult {
  const { random, ids, timeline, scope } = ctx;
  const { projectId, branchId } = scope;
  const teams: TeamRow[] = [];
  const teamMembers: TeamMemberRow[] = [];
  const byKey: TeamsResult['byKey'] = new Map();

  HAND_WRITTEN_TEAMS.forEach((team, teamIndex) => {
    // Hand-written users are people[0..15] in HAND_WRITTEN_USERS order.
    const members = HAND_WRITTEN_USERS.flatMap((user, i) =>
      user.teams.includes(team.key) ? [people[i] as Person] : [],
    );
    const owner = members[0];
    if (!owner) throw new Error(`team ${team.key} has no members`);
    const id = ids('team', teamIndex);
    const createdAtMs = clampToHistory(timeline, owner.signedUpAtMs + random.int(...CREATED_AFTER_OWNER_SIGN_UP_MS));
    byKey.set(team.key, { id, createdAtMs, owner });
    teams.push({
      projectId,
      branchId,
      id,
      displayName: team.displayName,
      profileImageUrl: team.profileImageUrl,
      createdAt: new Date(createdAtMs),
      clientMetadata: team.clientMetadata,
      clientReadOnlyMetadata: null,
      serverMetadata: null,
    });
    for (const member of members) {
      const joinedAtMs =
        member === owner
          ? createdAtMs
          : clampToHistory(
              timeline,
              Math.max(createdAtMs, member.signedUpAtMs) + random.int(MINUTE_MS, JOINED_WITHIN_MS),
            );
      teamMembers.push({
        projectId,
        branchId,
        teamId: id,
        userId: member.id,
        displayName: member.displayName,
        createdAt: new Date(joinedAtMs),
      });
    }
  });
  return { teams, teamMembers, byKey };
}
