// A project's API keys after creation: revoking them and issuing a replacement. A revoked key stays as a
// row (revoked_at set), so a leaked secret keeps resolving to nothing instead of becoming reusable.
import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, type ApiKeyKind } from './schema/index.js';
import type { NewApiKey } from './projects.js';
import type { Db } from './store.js';

/** Revokes every active key of this kind; returns how many were active. */
export async function revokeKeys(db: Db, projectId: string, kind: ApiKeyKind, now: Date): Promise<number> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.projectId, projectId), eq(apiKeys.kind, kind), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length;
}

/** Revokes the active keys of the new key's kind and adds it, in one transaction: never two, never none. */
export async function replaceKey(db: Db, projectId: string, key: NewApiKey, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const revoked = await revokeKeys(tx as unknown as Db, projectId, key.kind, now);
    await tx.insert(apiKeys).values({ ...key, projectId, createdAt: now });
    return revoked;
  });
}
