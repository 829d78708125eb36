// People → Postgres rows: users, their one primary auth email each, and their login methods. Built last,
// when activity has settled everyone's last-active time.
import type { GenerationContext } from './context.js';
import type { Person } from './person.js';
import type { AuthMethodRow, ContactChannelRow, UserRow } from './types.js';

export interface PeopleRows {
  users: UserRow[];
  contactChannels: ContactChannelRow[];
  authMethods: AuthMethodRow[];
}

export function buildPeopleRows(ctx: GenerationContext, people: readonly Person[]): PeopleRows {
  const { random, ids, scope } = ctx;
  const { projectId, branchId } = scope;
  const users: UserRow[] = [];
  const contactChannels: ContactChannelRow[] = [];
  const authMethods: AuthMethodRow[] = [];
  for (const person of people) {
    const signedUpAt = new Date(person.signedUpAtMs);
    users.push({
      projectId,
      branchId,
      id: person.id,
      displayName: person.displayName,
      profileImageUrl: person.profileImageUrl,
      isAnonymous: person.isAnonymous,
      signedUpAt,
      lastActiveAt: new Date(person.lastActiveAtMs),
      clientMetadata: null,
      clientReadOnlyMetadata: null,
      serverMetadata: person.isAnonymous ? null : { signup_city: person.ipInfo.city_name },
      restrictedByAdmin: false,
      restrictedByAdminReason: null,
      restrictedByAdminPrivateDetails: null,
    });
    contactChannels.push({
      projectId,
      branchId,
      id: ids('contact-channel', person.index),
      userId: person.id,
      type: 'EMAIL',
      value: person.email,
      isPrimary: true,
      isVerified: person.emailVerified,
      usedForAuth: true,
      createdAt: signedUpAt,
    });
    person.authMethods.forEach((method, k) => {
      // The first method is how they signed up; any other was added while they were around.
      const addedAtMs =
        k === 0
          ? person.signedUpAtMs
          : Math.round(random.between(person.signedUpAtMs, lastHistoryActivity(ctx, person)));
      authMethods.push({
        projectId,
        branchId,
        id: ids('auth-method', `${person.index}:${k}`),
        userId: person.id,
        kind: method.kind,
        oauthProvider: method.kind === 'oauth' ? method.oauthProvider : null,
        createdAt: new Date(addedAtMs),
      });
    });
  }
  return { users, contactChannels, authMethods };
}

/** Last activity before the live seconds, so nothing but live events sits right at `now`. */
function lastHistoryActivity(ctx: GenerationContext, person: Person): number {
  return Math.min(person.lastActiveAtMs, ctx.timeline.latestMs);
}
