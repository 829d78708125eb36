// The metrics routes' failure modes, as buildApp registers them: a bad include_anonymous names the
// field, keys of other projects and of the wrong kind are refused, and a ClickHouse failure is a 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type CreatedProject } from '../../projects/create-project.js';
import { openTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let mine: CreatedProject;
let theirs: CreatedProject;

beforeAll(async () => {
  t = await openTestApp();
  mine = await createProject(t.postgres.db, { displayName: 'Mine' });
  theirs = await createProject(t.postgres.db, { displayName: 'Theirs' });
});
afterAll(() => t?.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const metricsOf = (p: CreatedProject, query = '', key = p.adminKey) =>
  get(`/api/v1/projects/${p.project.id}/metrics${query}`, bearer(key));
const liveOf = (p: CreatedProject, query = '', key = p.adminKey) =>
  get(`/api/v1/projects/${p.project.id}/metrics/live${query}`, bearer(key));

describe('metrics routes: bad requests and keys', () => {
  it('400 naming the field for a bad include_anonymous, on both routes', async () => {
    for (const value of ['yes', '1', '', 'TRUE']) {
      for (const res of [
        await metricsOf(mine, `?include_anonymous=${value}`),
        await liveOf(mine, `?include_anonymous=${value}`),
      ]) {
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'invalid_request',
          details: { issues: [{ field: 'querystring.include_anonymous' }] },
        });
        expect(res.json().error.message).toContain('querystring.include_anonymous');
      }
    }
    expect((await metricsOf(mine, '?include_anonymous=true')).statusCode).toBe(200);
  });

  it("another project's key gets the same 404 as a missing project, on both routes", async () => {
    const missing = await get('/api/v1/projects/00000000-0000-4000-8000-000000000000/metrics', bearer(theirs.adminKey));
    for (const res of [await metricsOf(mine, '', theirs.adminKey), await liveOf(mine, '', theirs.adminKey), missing]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Project not found' } });
    }
  });

  it('403 for the ingest key, 401 without a key', async () => {
    expect((await metricsOf(mine, '', mine.ingestKey)).statusCode).toBe(403);
    expect((await liveOf(mine, '', mine.ingestKey)).statusCode).toBe(403);
    expect((await get(`/api/v1/projects/${mine.project.id}/metrics`, {})).statusCode).toBe(401);
    expect((await get(`/api/v1/projects/${mine.project.id}/metrics/live`, {})).statusCode).toBe(401);
  });

  it('both routes are in the OpenAPI document, with their 503', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/projects/{id}/metrics', '/api/v1/projects/{id}/metrics/live']),
    );
    expect(spec.paths['/api/v1/projects/{id}/metrics'].get.responses).toHaveProperty('503');
    expect(spec.paths['/api/v1/projects/{id}/metrics/live'].get.responses).toHaveProperty('503');
  });
});

describe('when ClickHouse fails', () => {
  // Last: it closes this file's ClickHouse client.
  it('both routes answer 503 analytics_unavailable, never zeros', async () => {
    await t.analytics.close();
    for (const res of [await metricsOf(mine), await liveOf(mine)]) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        error: {
          code: 'analytics_unavailable',
          message: expect.stringContaining('ClickHouse'),
          details: { request_id: expect.any(String) },
        },
      });
    }
  });
});
