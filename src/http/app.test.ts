import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createProject, type CreatedProject } from '../projects/create-project.js';
import { openTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let mine: CreatedProject;
let theirs: CreatedProject;

beforeAll(async () => {
  t = await openTestApp();
  // Routes a test needs to reach the error paths; registered before the app is ready.
  t.app.get('/test/boom', async () => {
    throw new Error('secret internals: password=hunter2');
  });
  t.app.post(
    '/test/echo',
    { schema: { body: z.object({ name: z.string().min(1), count: z.number().int() }) } },
    async (request) => request.body,
  );
  mine = await createProject(t.postgres.db, { displayName: 'Mine', now: new Date('2026-05-01T12:00:00.000Z') });
  theirs = await createProject(t.postgres.db, { displayName: 'Theirs' });
});
afterAll(() => t?.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const getProject = (id: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1/projects/${id}`, headers });

describe('health', () => {
  it('/healthz answers while the process lives', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks both stores through their drivers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ready',
      checks: { postgres: { ok: true, driver: 'pglite' }, clickhouse: { ok: true, driver: 'chdb' } },
    });
  });
});

describe('GET /api/v1/projects/:id', () => {
  it('returns the project for its admin key', async () => {
    const res = await getProject(mine.project.id, bearer(mine.adminKey));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: mine.project.id,
      display_name: 'Mine',
      is_preview: false,
      created_at: '2026-05-01T12:00:00.000Z',
      expires_at: null,
    });
  });

  it('401 without a key, with a malformed header, and with an unknown key', async () => {
    for (const headers of [
      {},
      { authorization: mine.adminKey },
      bearer('pulse_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    ]) {
      const res = await getProject(mine.project.id, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toMatch(/^(unauthorized|invalid_api_key)$/);
    }
  });

  it("another project's key gets the same 404 as a project that does not exist", async () => {
    const other = await getProject(mine.project.id, bearer(theirs.adminKey));
    const missing = await getProject('00000000-0000-4000-8000-000000000000', bearer(theirs.adminKey));
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
    expect(other.json()).toEqual({ error: { code: 'not_found', message: 'Project not found' } });
  });

  it('403 for the ingest key of the same project', async () => {
    const res = await getProject(mine.project.id, bearer(mine.ingestKey));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('400 naming the field for an id that is not a uuid', async () => {
    const res = await getProject('not-a-uuid', bearer(mine.adminKey));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_request', details: { issues: [{ field: 'params.id' }] } });
    expect(res.json().error.message).toContain('params.id');
  });
});

describe('errors', () => {
  it('a bad body names each bad field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/test/echo', payload: { name: '', count: 1.5 } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields.sort()).toEqual(['body.count', 'body.name']);
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBeTypeOf('string');
  });

  it('a 500 never leaks internals, and carries a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json()).toEqual({
      error: { code: 'internal_error', message: 'Internal server error', details: { request_id: expect.any(String) } },
    });
  });

  it('an unknown route is a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/v1/nope' } });
  });
});

describe('OpenAPI', () => {
  it('serves the generated document and the docs page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/projects/{id}']));
    expect(spec.paths['/api/v1/projects/{id}'].get.responses).toHaveProperty('404');
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('readiness when a store is gone', () => {
  // Last: it closes the ClickHouse client of this file's app.
  it('/readyz is 503 and names the failing store', async () => {
    await t.analytics.close();
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'not_ready',
      checks: { postgres: { ok: true }, clickhouse: { ok: false, error: expect.any(String) } },
    });
  });
});
