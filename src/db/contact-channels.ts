// Contact channels of a user (admin API). Scoped by project and user: another project's channel, or
// another user's, is not found. Making a channel primary demotes the user's previous primary of that type
// in the same transaction (one primary per user and type is a unique index).
import crypto from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import { rethrowDuplicateAuthValue } from './constraint-violation.js';
import { contactChannels, DEFAULT_BRANCH, users } from './schema/index.js';
import type { Db } from './store.js';

export type ContactChannelRecord = typeof contactChannels.$inferSelect;

export type ContactChannelFields = Pick<
  typeof contactChannels.$inferInsert,
  'type' | 'value' | 'isPrimary' | 'isVerified' | 'usedForAuth'
>;

const ofUser = (projectId: string, userId: string) =>
  and(
    eq(contactChannels.projectId, projectId),
    eq(contactChannels.branchId, DEFAULT_BRANCH),
    eq(contactChannels.userId, userId),
  );

async function userExists(db: Db, projectId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.projectId, projectId), eq(users.branchId, DEFAULT_BRANCH), eq(users.id, userId)))
    .limit(1);
  return row !== undefined;
}

/** Undefined when the user does not exist in the project. */
export async function listContactChannels(
  db: Db,
  projectId: string,
  userId: string,
): Promise<ContactChannelRecord[] | undefined> {
  if (!(await userExists(db, projectId, userId))) return undefined;
  return db
    .select()
    .from(contactChannels)
    .where(ofUser(projectId, userId))
    .orderBy(asc(contactChannels.createdAt), asc(contactChannels.id));
}

export async function getContactChannel(
  db: Db,
  projectId: string,
  userId: string,
  id: string,
  { forUpdate = false } = {},
): Promise<ContactChannelRecord | undefined> {
  const query = db
    .select()
    .from(contactChannels)
    .where(and(ofUser(projectId, userId), eq(contactChannels.id, id)))
    .limit(1);
  const [row] = await (forUpdate ? query.for('update') : query);
  return row;
}

/** Undefined when the user does not exist in the project. */
export async function createContactChannel(
  db: Db,
  projectId: string,
  userId: string,
  fields: ContactChannelFields,
): Promise<ContactChannelRecord | undefined> {
  return db
    .transaction(async (tx) => {
      const t = tx as unknown as Db;
      if (!(await userExists(t, projectId, userId))) return undefined;
      const id = crypto.randomUUID();
      if (fields.isPrimary) await demotePrimary(t, projectId, userId, fields.type, id);
      const [row] = await tx
        .insert(contactChannels)
        .values({ ...fields, projectId, userId, id })
        .returning();
      return row;
    })
    .catch((error: unknown) => rethrowDuplicateAuthValue(error, fields.value));
}

/**
 * Undefined when the channel does not exist for this user of the project. `changes` sees the current row
 * inside the transaction (so a check against its type cannot race another update) and may throw to refuse.
 */
export async function updateContactChannel(
  db: Db,
  projectId: string,
  userId: string,
  id: string,
  changes: (current: ContactChannelRecord) => Partial<ContactChannelFields>,
): Promise<ContactChannelRecord | undefined> {
  let value: string | undefined;
  return db
    .transaction(async (tx) => {
      const t = tx as unknown as Db;
      const current = await getContactChannel(t, projectId, userId, id, { forUpdate: true });
      if (!current) return undefined;
      const fields = changes(current);
      value = fields.value ?? current.value;
      if (fields.isPrimary) await demotePrimary(t, projectId, userId, fields.type ?? current.type, id);
      const [row] = await tx
        .update(contactChannels)
        .set(Object.keys(fields).length > 0 ? fields : { id })
        .where(and(ofUser(projectId, userId), eq(contactChannels.id, id)))
        .returning();
      return row;
    })
    .catch((error: unknown) => rethrowDuplicateAuthValue(error, value));
}

export async function removeContactChannel(db: Db, projectId: string, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(contactChannels)
    .where(and(ofUser(projectId, userId), eq(contactChannels.id, id)))
    .returning({ id: contactChannels.id });
  return deleted.length > 0;
}

async function demotePrimary(
  tx: Db,
  projectId: string,
  userId: string,
  type: ContactChannelRecord['type'],
  except: string,
): Promise<void> {
  await tx
    .update(contactChannels)
    .set({ isPrimary: false })
    .where(
      and(
        ofUser(projectId, userId),
        eq(contactChannels.type, type),
        eq(contactChannels.isPrimary, true),
        ne(contactChannels.id, except),
      ),
    );
}
