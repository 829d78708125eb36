// Key rotation, revocation and project deletion through the admin API (app.inject() on embedded stores):
// a replaced or revoked key gets 401, and a deleted project leaves no row in either store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProject } from '../../db/projects.js';
import { createPreviewProject } from '../../preview/create-preview-project.js';
import { createProject } from '../../projects/create-project.js';
import { rowsPerTable } from '../../test/preview-queries.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'DELETE', projectId: string, path: string, key: string) =>
  t.app.inject({ method, url: `/api/v1/projects/${projectId}${path}`, headers: { authorization: `Bearer ${key}` } });
const ingest = (projectId: string, key: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/events`,
    headers: { authorization: `Bearer ${key}` },
    payload: { events: [{ event_type: '$page-view', user_id: null, data: { path: '/', referrer: '' } }] },
  });

async function newProject() {
  const created = await createProject(t.postgres.db, { displayName: 'Keys' });
  return { id: created.project.id, admin: created.adminKey, ingest: created.ingestKey };
}

describe('POST /projects/:id/keys/:kind/rotate', () => {
  it('issues a working ingest key; the old one gets 401 from then on', async () => {
    const p = await newProject();
    expect((await ingest(p.id, p.ingest)).statusCode).toBe(202);
    const rotated = await call('POST', p.id, '/keys/ingest/rotate', p.admin);
    expect(rotated.statusCode).toBe(200);
    const body = rotated.json<{ project_id: string; kind: string; key: string; revoked: number }>();
    expect(body).toMatchObject({ project_id: p.id, kind: 'ingest', revoked: 1 });
    expect(body.key).toMatch(/^pulse_ingest_/);
    expect((await ingest(p.id, p.ingest)).statusCode).toBe(401);
    expect((await ingest(p.id, body.key)).statusCode).toBe(202);
    // The admin key is untouched.
    expect((await call('GET', p.id, '', p.admin)).statusCode).toBe(200);
  });

  it('rotating the admin key with itself ends its own access; the new admin key works', async () => {
    const p = await newProject();
    const rotated = await call('POST', p.id, '/keys/admin/rotate', p.admin);
    expect(rotated.statusCode).toBe(200);
    const { key } = rotated.json<{ key: string }>();
    expect((await call('GET', p.id, '', p.admin)).statusCode).toBe(401);
    expect((await call('GET', p.id, '', key)).statusCode).toBe(200);
    expect((await ingest(p.id, p.ingest)).statusCode).toBe(202);
  });

  it('needs the admin key (403 for the ingest key), of this project (404 otherwise), and a known kind (400)', async () => {
    const p = await newProject();
    const other = await newProject();
    expect((await call('POST', p.id, '/keys/ingest/rotate', p.ingest)).statusCode).toBe(403);
    expect((await call('POST', p.id, '/keys/ingest/rotate', other.admin)).statusCode).toBe(404);
    const bad = await call('POST', p.id, '/keys/owner/rotate', p.admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: { issues: [{ field: 'params.kind' }] } } });
    expect((await ingest(p.id, p.ingest)).statusCode).toBe(202);
  });

  it("a path segment over the router's 100 characters gets the one error body too (found by the fuzz suite)", async () => {
    const p = await newProject();
    const long = await call('POST', p.id, `/keys/${'x'.repeat(101)}/rotate`, p.admin);
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ error: { code: 'max_param_length' } });
  });
});

describe('POST /projects/:id/keys/:kind/revoke', () => {
  it('revokes the ingest key without a replacement: 401 afterwards, 0 on a second revocation', async () => {
    const p = await newProject();
    const revoked = await call('POST', p.id, '/keys/ingest/revoke', p.admin);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ project_id: p.id, kind: 'ingest', revoked: 1 });
    expect((await ingest(p.id, p.ingest)).statusCode).toBe(401);
    expect((await call('POST', p.id, '/keys/ingest/revoke', p.admin)).json()).toMatchObject({ revoked: 0 });
    const rotated = await call('POST', p.id, '/keys/ingest/rotate', p.admin);
    expect(rotated.json()).toMatchObject({ revoked: 0 });
    expect((await ingest(p.id, rotated.json<{ key: string }>().key)).statusCode).toBe(202);
  });
});

describe('DELETE /projects/:id', () => {
  it('removes every ClickHouse row of the project, then the project and its keys (401 afterwards)', async () => {
    const preview = await createPreviewProject(t, {
      now: new Date(),
      params: { seed: 'delete-me', size: 'tiny' },
      expiresAt: null,
      isPreview: false,
    });
    const keep = await createPreviewProject(t, {
      now: new Date(),
      params: { seed: 'keep-me', size: 'tiny' },
      expiresAt: null,
      isPreview: false,
    });
    const before = await rowsPerTable(t.analytics, preview.projectId);
    expect(before.events).toBeGreaterThan(0);
    expect(before.users).toBeGreaterThan(0);
    const kept = await rowsPerTable(t.analytics, keep.projectId);

    const deleted = await call('DELETE', preview.projectId, '', preview.adminKey);
    expect(deleted.statusCode).toBe(204);
    expect(await rowsPerTable(t.analytics, preview.projectId)).toEqual({
      events: 0,
      users: 0,
      contact_channels: 0,
      teams: 0,
      team_members: 0,
    });
    expect(await getProject(t.postgres.db, preview.projectId)).toBeUndefined();
    expect((await call('GET', preview.projectId, '', preview.adminKey)).statusCode).toBe(401);
    expect((await ingest(preview.projectId, preview.ingestKey)).statusCode).toBe(401);
    // Another project is untouched.
    expect(await rowsPerTable(t.analytics, keep.projectId)).toEqual(kept);
  });

  it('needs the admin key: the ingest key gets 403 and deletes nothing', async () => {
    const p = await newProject();
    expect((await call('DELETE', p.id, '', p.ingest)).statusCode).toBe(403);
    expect(await getProject(t.postgres.db, p.id)).toBeDefined();
  });
});

describe('OpenAPI', () => {
  it('documents rotation, revocation and deletion with their responses', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    expect(Object.keys(spec.paths['/api/v1/projects/{id}/keys/{kind}/rotate']!.post!.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404']),
    );
    expect(spec.paths['/api/v1/projects/{id}/keys/{kind}/revoke']!.post!.responses).toHaveProperty('200');
    expect(spec.paths['/api/v1/projects/{id}']!.delete!.responses).toHaveProperty('204');
  });
});
