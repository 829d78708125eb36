// Users of a project (admin API and CLI). Every function is scoped by project: a row of another project
// is simply not found. Sync bookkeeping is the triggers' job (0003_sync_capture), never this module's.
import crypto from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import { rethrowDuplicateAuthValue } from './constraint-violation.js';
import { contactChannels, DEFAULT_BRANCH, users } from './schema/index.js';
import type { Db } from './store.js';

export type UserFields = Partial<
  Pick<
    typeof users.$inferInsert,
    | 'displayName'
    | 'profileImageUrl'
    | 'isAnonymous'
    | 'signedUpAt'
    | 'lastActiveAt'
    | 'clientMetadata'
    | 'clientReadOnlyMetadata'
    | 'serverMetadata'
    | 'restrictedByAdmin'
    | 'restrictedByAdminReason'
    | 'restrictedByAdminPrivateDetails'
  >
>;

export interface PrimaryEmailInput {
  /** Omitted: keep the current address (e.g. only mark it verified). */
  value?: string;
  isVerified?: boolean;
}

/** An update asked to change the primary email's flags, but the user has no primary email. */
export class NoPrimaryEmailError extends Error {
  constructor() {
    super('the user has no primary email');
    this.name = 'NoPrimaryEmailError';
  }
}

export type UserRecord = typeof users.$inferSelect & { primaryEmail: string | null; primaryEmailVerified: boolean };

const primaryEmailJoin = (projectId: string) =>
  and(
    eq(contactChannels.projectId, projectId),
    eq(contactChannels.branchId, DEFAULT_BRANCH),
    eq(contactChannels.userId, users.id),
    eq(contactChannels.type, 'EMAIL'),
    eq(contactChannels.isPrimary, true),
  );

const ofProject = (projectId: string) => and(eq(users.projectId, projectId), eq(users.branchId, DEFAULT_BRANCH));

async function selectUsers(
  db: Db,
  projectId: string,
  where: ReturnType<typeof and>,
  limit: number,
): Promise<UserRecord[]> {
  const rows = await db
    .select({ user: users, email: contactChannels.value, verified: contactChannels.isVerified })
    .from(users)
    .leftJoin(contactChannels, primaryEmailJoin(projectId))
    .where(and(ofProject(projectId), where))
    .orderBy(asc(users.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.user, primaryEmail: r.email, primaryEmailVerified: r.verified ?? false }));
}

export async function getUser(db: Db, projectId: string, id: string): Promise<UserRecord | undefined> {
  return (await selectUsers(db, projectId, eq(users.id, id), 1))[0];
}

/** One page in id order; `after` is the previous page's last id (the cursor). */
export async function listUsers(
  db: Db,
  projectId: string,
  { after, limit }: { after?: string; limit: number },
): Promise<UserRecord[]> {
  return selectUsers(db, projectId, after ? gt(users.id, after) : undefined, limit);
}

/** The user and, with an email, its primary auth EMAIL channel: both or neither. */
export async function createUser(
  db: Db,
  projectId: string,
  fields: UserFields,
  primaryEmail?: PrimaryEmailInput,
): Promise<UserRecord> {
  const id = crypto.randomUUID();
  await db
    .transaction(async (tx) => {
      await tx.insert(users).values({ ...fields, projectId, id });
      if (primaryEmail) await setPrimaryEmail(tx as unknown as Db, projectId, id, primaryEmail);
    })
    .catch((error: unknown) => rethrowDuplicateAuthValue(error, primaryEmail?.value));
  return (await getUser(db, projectId, id)) ?? fail(id);
}

/** Undefined when the user does not exist in the project. `primaryEmail: null` removes the primary email. */
export async function updateUser(
  db: Db,
  projectId: string,
  id: string,
  fields: UserFields,
  primaryEmail?: PrimaryEmailInput | null,
): Promise<UserRecord | undefined> {
  const found = await db
    .transaction(async (tx) => {
      const where = and(ofProject(projectId), eq(users.id, id));
      // An empty SET is invalid SQL; a bare re-stamp still tells the sync that the row was touched.
      const updated = await tx
        .update(users)
        .set(Object.keys(fields).length > 0 ? fields : { id })
        .where(where)
        .returning({ id: users.id });
      if (updated.length === 0) return false;
      if (primaryEmail !== undefined) await setPrimaryEmail(tx as unknown as Db, projectId, id, primaryEmail);
      return true;
    })
    .catch((error: unknown) => rethrowDuplicateAuthValue(error, primaryEmail?.value));
  return found ? getUser(db, projectId, id) : undefined;
}

/** Deletes the user; its channels, memberships and auth methods cascade. False when it did not exist. */
export async function removeUser(db: Db, projectId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(users)
    .where(and(ofProject(projectId), eq(users.id, id)))
    .returning({ id: users.id });
  return deleted.length > 0;
}

/** Replaces the value of the user's primary EMAIL channel (creating it as an auth channel), or removes it. */
async function setPrimaryEmail(
  tx: Db,
  projectId: string,
  userId: string,
  email: PrimaryEmailInput | null,
): Promise<void> {
  const primary = and(
    eq(contactChannels.projectId, projectId),
    eq(contactChannels.branchId, DEFAULT_BRANCH),
    eq(contactChannels.userId, userId),
    eq(contactChannels.type, 'EMAIL'),
    eq(contactChannels.isPrimary, true),
  );
  if (email === null) {
    await tx.delete(contactChannels).where(primary);
    return;
  }
  const changes = {
    ...(email.value === undefined ? {} : { value: email.value }),
    ...(email.isVerified === undefined ? {} : { isVerified: email.isVerified }),
  };
  if (Object.keys(changes).length === 0) return;
  const updated = await tx.update(contactChannels).set(changes).where(primary).returning({ id: contactChannels.id });
  if (updated.length > 0) return;
  if (email.value === undefined) throw new NoPrimaryEmailError();
  await tx.insert(contactChannels).values({
    projectId,
    userId,
    id: crypto.randomUUID(),
    type: 'EMAIL',
    value: email.value,
    isPrimary: true,
    usedForAuth: true,
    isVerified: email.isVerified ?? false,
  });
}

function fail(id: string): never {
  throw new Error(`user ${id} vanished right after it was written`);
}
