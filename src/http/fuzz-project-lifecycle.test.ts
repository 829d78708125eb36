// Fuzz (fast-check, fixed seeds, bounded runs) over key rotation, revocation and project deletion on the
// real engines: ids that are not the key's project, kinds that do not exist, keys that are not its admin
// key, hostile bodies. Never a 5xx; a 400 names its fields; a refused request writes nothing in either store.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createProject } from '../projects/create-project.js';
import { segment, storeWatcher } from '../test/fuzz/expect-clean.js';
import { hostileId, hostileJson, hostileString } from '../test/fuzz/hostile.js';
import { openTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let project: string;
let admin: string;
let ingest: string;
let watch: ReturnType<typeof storeWatcher>;

beforeAll(async () => {
  t = await openTestApp();
  watch = storeWatcher(t.postgres, t.analytics);
  const created = await createProject(t.postgres.db, { displayName: 'Fuzz keys' });
  [project, admin, ingest] = [created.project.id, created.adminKey, created.ingestKey];
});
afterAll(() => t?.close());

const request = (method: 'POST' | 'DELETE', url: string, key: string | undefined, payload: string | undefined) =>
  t.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json', ...(key && { authorization: `Bearer ${key}` }) },
    ...(payload !== undefined && { payload }),
  });

const notAdmin = () => fc.constantFrom<string | undefined>(ingest, undefined, 'pulse_admin_x', 'Bearer');

describe('key rotation, revocation and project deletion under fuzz', () => {
  it('POST /projects/:id/keys/:kind/rotate|revoke with a kind that does not exist (the real admin key)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('rotate', 'revoke'),
        hostileString.filter((kind) => kind !== 'admin' && kind !== 'ingest'),
        hostileJson,
        async (action, kind, body) => {
          const before = await watch.before();
          const url = `/api/v1/projects/${project}/keys/${segment(kind)}/${action}`;
          const res = await request('POST', url, admin, JSON.stringify(body));
          await watch.expectClean(`${action} ${kind}`, res, before);
        },
      ),
      { seed: 1_800, numRuns: 30 },
    );
  });

  it('POST /projects/:id/keys/:kind/rotate|revoke with ids and keys that are not a project and its admin key', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('rotate', 'revoke'),
        hostileId([project]),
        fc.oneof(fc.constantFrom('admin', 'ingest'), hostileString),
        notAdmin(),
        async (action, id, kind, key) => {
          const before = await watch.before();
          const url = `/api/v1/projects/${segment(id)}/keys/${segment(kind)}/${action}`;
          const res = await request('POST', url, key, undefined);
          await watch.expectClean(`${action} ${id} ${kind} with ${key}`, res, before);
        },
      ),
      { seed: 1_801, numRuns: 30 },
    );
  });

  it('DELETE /projects/:id with ids and keys that are not a project and its admin key', async () => {
    await fc.assert(
      fc.asyncProperty(hostileId([project]), notAdmin(), async (id, key) => {
        const before = await watch.before();
        const res = await request('DELETE', `/api/v1/projects/${segment(id)}`, key, undefined);
        await watch.expectClean(`delete ${id} with ${key}`, res, before);
      }),
      { seed: 1_802, numRuns: 30 },
    );
  });
});
