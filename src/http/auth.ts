// Bearer keys: a key resolves to exactly one project. A key for another project gets the same 404 as a
// project that does not exist, so a key never reveals which projects exist. A request without a valid key
// gets its 401 before anything of it is parsed or validated (keyFirst), so a stranger learns nothing from 400s.
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { findKeyOwner, type KeyOwner } from '../db/projects.js';
import type { ApiKeyKind } from '../db/schema/index.js';
import type { Db } from '../db/store.js';
import { hashApiKey, looksLikeApiKey } from '../projects/api-key.js';
import { HttpError, notFound } from './errors.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Checks the request's key against the project in the URL; returns the project id it may act on. */
export async function authorizeProject(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  needs: ApiKeyKind,
): Promise<string> {
  return (await authorizeProjectKey(db, request, projectId, needs)).projectId;
}

/** The same check, returning which kind of key it was (ingestion lets only admin keys send `$token-refresh`). */
export async function authorizeProjectKey(
  db: Db,
  request: FastifyRequest,
  projectId: string,
  needs: ApiKeyKind,
): Promise<KeyOwner> {
  const owner = resolvedKeys.get(request) ?? (await resolveKey(db, request));
  if (owner.projectId !== projectId) throw notFound('Project');
  if (needs === 'admin' && owner.kind !== 'admin') {
    throw new HttpError(403, 'forbidden', "This endpoint needs the project's admin key, not its ingest key");
  }
  return owner;
}

const resolvedKeys = new WeakMap<FastifyRequest, KeyOwner>();

/** onRequest hook: a route whose schema lists `security` needs a valid key before its body is even read. */
export function keyFirst(db: Db): onRequestAsyncHookHandler {
  return async (request) => {
    if (!request.routeOptions.schema?.security) return;
    resolvedKeys.set(request, await resolveKey(db, request));
  };
}

/** The project and kind of the request's key; 401 when there is none or it is unknown. */
async function resolveKey(db: Db, request: FastifyRequest): Promise<KeyOwner> {
  const header = request.headers.authorization;
  const secret = header ? BEARER.exec(header)?.[1] : undefined;
  if (!secret) throw new HttpError(401, 'unauthorized', "Send an API key as 'Authorization: Bearer <key>'");
  const owner = looksLikeApiKey(secret) ? await findKeyOwner(db, hashApiKey(secret)) : undefined;
  if (!owner)
    throw new HttpError(401, 'invalid_api_key', 'The API key is not valid (unknown, revoked or of an expired preview)');
  return owner;
}
