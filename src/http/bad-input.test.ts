// Bad input gets a 400 naming the field, never a 500 or a half-written row: NUL characters, metadata too
// deep or too large, dates outside 1970…now+1 day, non-http(s) image URLs. And the request's edges: an
// upper-case project id is the same project, a missing key is a 401 before any 400, a bodyless DELETE with a
// JSON content type is fine, and a refused preview request does not use up the rate limit.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METADATA_MAX_BYTES, METADATA_MAX_DEPTH } from '../../contract/safe-input.js';
import { selectRows } from '../db/store.js';
import { createProject } from '../projects/create-project.js';
import { openTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let project: string;
let admin: string;

beforeAll(async () => {
  t = await openTestApp({ preview: { enabled: true, ttlMs: 60_000, ratePerMinute: 1 } });
  const created = await createProject(t.postgres.db, { displayName: 'Bad input' });
  [project, admin] = [created.project.id, created.adminKey];
});
afterAll(() => t?.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, path: string, payload?: object | string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/api/v1/projects/${project}${path}`,
    headers: { authorization: `Bearer ${admin}`, ...headers },
    ...(payload !== undefined && { payload }),
  });
const fields = (res: { json(): { error: { details: { issues: { field: string }[] } } } }) =>
  res.json().error.details.issues.map((issue) => issue.field);
const count = async (table: string) =>
  (await selectRows<{ n: number }>(t.postgres.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0];

describe('strings and JSON bound for Postgres', () => {
  it('refuses a NUL character in every stored string, naming the field, and writes nothing', async () => {
    const user = (await call('POST', '/users', { display_name: 'Ok' })).json() as { id: string };
    const team = (await call('POST', '/teams', { display_name: 'Ok' })).json() as { id: string };
    const before = await Promise.all(['users', 'teams', 'team_members', 'contact_channels'].map(count));
    const cases: [Method, string, object, string][] = [
      ['POST', '/users', { display_name: 'a\u0000b' }, 'body.display_name'],
      ['POST', '/users', { restricted_by_admin_reason: '\u0000' }, 'body.restricted_by_admin_reason'],
      ['POST', '/users', { client_metadata: { note: 'x\u0000' } }, 'body.client_metadata.note'],
      ['POST', '/users', { server_metadata: { list: [1, 'a\u0000'] } }, 'body.server_metadata.list.1'],
      ['POST', '/users', { server_metadata: { 'key\u0000': 1 } }, 'body.server_metadata'],
      ['PATCH', `/users/${user.id}`, { display_name: '\u0000' }, 'body.display_name'],
      ['POST', '/teams', { display_name: 'Team\u0000' }, 'body.display_name'],
      [
        'PATCH',
        `/teams/${team.id}`,
        { client_read_only_metadata: { a: { b: '\u0000' } } },
        'body.client_read_only_metadata.a.b',
      ],
      ['POST', `/teams/${team.id}/members`, { user_id: user.id, display_name: 'm\u0000' }, 'body.display_name'],
      ['POST', `/users/${user.id}/contact-channels`, { type: 'EMAIL', value: 'a\u0000@example.com' }, 'body.value'],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await call(method, path, body);
      expect(res.statusCode, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(fields(res)).toContain(field);
    }
    expect(await Promise.all(['users', 'teams', 'team_members', 'contact_channels'].map(count))).toEqual(before);
  });

  it(`refuses metadata nested deeper than ${METADATA_MAX_DEPTH} levels (5,000 too) or larger than ${METADATA_MAX_BYTES} bytes`, async () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const deep = await call('POST', '/users', `{"client_metadata":${nested(5_000)}}`, {
      'content-type': 'application/json',
    });
    expect(deep.statusCode).toBe(400);
    expect(fields(deep)[0]).toMatch(/^body\.client_metadata(\.a)+$/);
    expect(deep.json().error.message).toContain(`must nest at most ${METADATA_MAX_DEPTH} levels deep`);
    const limit = await call('POST', '/users', `{"client_metadata":${nested(METADATA_MAX_DEPTH)}}`, {
      'content-type': 'application/json',
    });
    expect(limit.statusCode).toBe(201);
    const big = await call('POST', '/teams', {
      display_name: 'Big',
      server_metadata: { blob: 'x'.repeat(METADATA_MAX_BYTES) },
    });
    expect(big.statusCode).toBe(400);
    expect(fields(big)).toEqual(['body.server_metadata']);
  });

  it('stores lone UTF-16 surrogates in metadata and names as U+FFFD, as text columns do', async () => {
    const res = await call('POST', '/users', {
      display_name: 'x\uD800',
      client_metadata: { ['k\uDC00']: ['\uDC00y'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ display_name: 'x\uFFFD', client_metadata: { 'k\uFFFD': ['\uFFFDy'] } });
  });
});

describe('dates and URLs', () => {
  it.each([
    ['0001-01-01T00:00:00Z', 'must not be before 1970-01-01T00:00:00Z'],
    ['1969-12-31T23:59:59Z', 'must not be before 1970-01-01T00:00:00Z'],
    ['9999-01-01T00:00:00Z', 'must not be more than a day in the future'],
  ])('refuses signed_up_at %s', async (signedUpAt, message) => {
    const res = await call('POST', '/users', { signed_up_at: signedUpAt });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([{ field: 'body.signed_up_at', message }]);
  });

  it('keeps an old but sane signed_up_at as given', async () => {
    const res = await call('POST', '/users', { signed_up_at: '1970-01-01T00:00:00Z' });
    expect(res.json().signed_up_at).toBe('1970-01-01T00:00:00.000Z');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com/a.png'])(
    'refuses profile_image_url %s',
    async (url) => {
      const res = await call('POST', '/teams', { display_name: 'Pic', profile_image_url: url });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues).toEqual([
        { field: 'body.profile_image_url', message: 'must be an http(s) URL' },
      ]);
    },
  );
});

describe('request edges', () => {
  it('finds a project by its id in upper case', async () => {
    const res = await t.app.inject({
      url: `/api/v1/projects/${project.toUpperCase()}`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(project);
  });

  it('answers 401 to a bad body without a key, before validating it', async () => {
    for (const payload of [{ nonsense: true }, '{not json']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/projects/${project}/users`,
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(401);
    }
    const badKey = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects/not-a-uuid/teams',
      headers: { authorization: 'Bearer pulse_admin_nope' },
      payload: {},
    });
    expect(badKey.statusCode).toBe(401);
  });

  it('deletes with a JSON content type and no body; a POST that needs a body still names it', async () => {
    const user = (await call('POST', '/users', { display_name: 'Gone' })).json() as { id: string };
    const res = await call('DELETE', `/users/${user.id}`, undefined, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(204);
    const empty = await call('POST', '/teams', undefined, { 'content-type': 'application/json' });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual(['body']);
  });

  it('does not count a refused preview request against the rate limit (1 per minute here)', async () => {
    for (let i = 0; i < 3; i++) {
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'huge' } });
      expect(bad.statusCode).toBe(400);
    }
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'tiny' } });
    expect(created.statusCode).toBe(201);
    const limited = await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'tiny' } });
    expect(limited.statusCode).toBe(429);
  });
});
