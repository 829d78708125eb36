// The use cases behind key rotation and revocation (admin API and `pulse projects rotate-key|revoke-key`):
// a leaked key is replaced or switched off; from then on it gets 401 like any unknown key.
import crypto from 'node:crypto';
import { replaceKey, revokeKeys } from '../db/api-keys.js';
import { getProject } from '../db/projects.js';
import type { ApiKeyKind } from '../db/schema/index.js';
import type { Db } from '../db/store.js';
import { generateApiKey, hashApiKey } from './api-key.js';
import { ProjectNotFoundError } from './errors.js';

export interface RotatedKey {
  /** The new secret, shown once. */
  key: string;
  /** Keys of this kind revoked by the rotation (1, or 0 when the kind had been revoked already). */
  revoked: number;
}

/** A new key of this kind; every earlier one of the kind stops working in the same transaction. */
export async function rotateKey(db: Db, projectId: string, kind: ApiKeyKind, now = new Date()): Promise<RotatedKey> {
  if (!(await getProject(db, projectId))) throw new ProjectNotFoundError(projectId);
  const key = generateApiKey(kind);
  const revoked = await replaceKey(db, projectId, { id: crypto.randomUUID(), kind, hash: hashApiKey(key) }, now);
  return { key, revoked };
}

/** Switches off every key of this kind, leaving none (a later rotation issues a new one). */
export async function revokeKey(db: Db, projectId: string, kind: ApiKeyKind, now = new Date()): Promise<number> {
  if (!(await getProject(db, projectId))) throw new ProjectNotFoundError(projectId);
  return revokeKeys(db, projectId, kind, now);
}
