// Fuzz (fast-check, fixed seeds, bounded runs) over every admin write route on the real engines: random and
// hostile bodies and ids. Never a 5xx; a 400 names its fields; a refused request writes nothing in either store.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createProject } from '../projects/create-project.js';
import { openTestApp, type TestApp } from '../test/test-app.js';
import { segment, storeWatcher } from '../test/fuzz/expect-clean.js';
import { deepBody, hostileBody, hostileDate, hostileId, hostileJson, hostileString } from '../test/fuzz/hostile.js';

const RUNS = 30;
let t: TestApp;
let admin: string;
let project: string;
const users: string[] = [];
const teams: string[] = [];
const channels: string[] = [];
let watch: ReturnType<typeof storeWatcher>;

beforeAll(async () => {
  t = await openTestApp();
  watch = storeWatcher(t.postgres, t.analytics);
  const created = await createProject(t.postgres.db, { displayName: 'Fuzz' });
  [project, admin] = [created.project.id, created.adminKey];
  for (let i = 0; i < 3; i++) {
    const user = (await send('POST', '/users', { display_name: `U${i}`, primary_email: `u${i}@example.com` })).json();
    users.push(user.id);
    const [channel] = (await send('GET', `/users/${user.id}/contact-channels`)).json().items;
    channels.push(channel.id);
    teams.push((await send('POST', '/teams', { display_name: `T${i}` })).json().id);
  }
});
afterAll(() => t?.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** `payload` as JSON, or `raw` JSON text as it is. */
function send(method: Method, path: string, payload?: unknown, raw?: string) {
  return t.app.inject({
    method,
    url: `/api/v1/projects/${project}${path}`,
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    ...(raw !== undefined ? { payload: raw } : payload !== undefined && { payload: JSON.stringify(payload) }),
  });
}

const metadata = fc.dictionary(hostileString, hostileJson, { maxKeys: 3 });
const userFields = {
  display_name: hostileString,
  primary_email: hostileString,
  primary_email_verified: fc.boolean(),
  profile_image_url: hostileString,
  is_anonymous: fc.boolean(),
  signed_up_at: hostileDate,
  client_metadata: metadata,
  client_read_only_metadata: metadata,
  server_metadata: metadata,
  restricted_by_admin: fc.boolean(),
  restricted_by_admin_reason: hostileString,
  restricted_by_admin_private_details: hostileString,
};
const teamFields = {
  display_name: hostileString,
  profile_image_url: hostileString,
  client_metadata: metadata,
  client_read_only_metadata: metadata,
  server_metadata: metadata,
};
const channelFields = {
  type: fc.constantFrom('EMAIL', 'PHONE', 'email', 'FAX'),
  value: hostileString,
  is_primary: fc.boolean(),
  is_verified: fc.boolean(),
  used_for_auth: fc.boolean(),
};
const id = (pool: () => string[]) => fc.constant(null).chain(() => hostileId(pool()));

/** Each write route: how to build its path from generated ids, and its body's fields. */
const routes: {
  name: string;
  method: Method;
  path: fc.Arbitrary<string>;
  fields?: Record<string, fc.Arbitrary<unknown>>;
}[] = [
  { name: 'create user', method: 'POST', path: fc.constant('/users'), fields: userFields },
  { name: 'patch user', method: 'PATCH', path: id(() => users).map((u) => `/users/${segment(u)}`), fields: userFields },
  { name: 'delete user', method: 'DELETE', path: id(() => []).map((u) => `/users/${segment(u)}`) },
  { name: 'create team', method: 'POST', path: fc.constant('/teams'), fields: teamFields },
  { name: 'patch team', method: 'PATCH', path: id(() => teams).map((x) => `/teams/${segment(x)}`), fields: teamFields },
  { name: 'delete team', method: 'DELETE', path: id(() => []).map((x) => `/teams/${segment(x)}`) },
  {
    name: 'add member',
    method: 'POST',
    path: id(() => teams).map((x) => `/teams/${segment(x)}/members`),
    fields: { user_id: id(() => users), display_name: hostileString },
  },
  {
    name: 'remove member',
    method: 'DELETE',
    path: fc
      .tuple(
        id(() => teams),
        id(() => []),
      )
      .map(([x, u]) => `/teams/${segment(x)}/members/${segment(u)}`),
  },
  {
    name: 'add channel',
    method: 'POST',
    path: id(() => users).map((u) => `/users/${segment(u)}/contact-channels`),
    fields: channelFields,
  },
  {
    name: 'patch channel',
    method: 'PATCH',
    path: fc
      .integer({ min: 0, max: 2 })
      .chain((i) =>
        fc.tuple(
          fc.constant(users[i]!),
          id(() => [channels[i]!]),
        ),
      )
      .map(([u, c]) => `/users/${u}/contact-channels/${segment(c)}`),
    fields: channelFields,
  },
  {
    name: 'delete channel',
    method: 'DELETE',
    path: fc
      .tuple(
        id(() => users),
        id(() => []),
      )
      .map(([u, c]) => `/users/${segment(u)}/contact-channels/${segment(c)}`),
  },
];

describe('admin write routes under fuzz', () => {
  it.each(routes.map((route, i) => [route.name, route, i] as const))('%s', async (_name, route, i) => {
    const body = route.fields ? hostileBody(route.fields) : fc.oneof(fc.constant(undefined), hostileJson);
    await fc.assert(
      fc.asyncProperty(route.path, body, async (path, payload) => {
        const before = await watch.before();
        const res = await send(route.method, path, payload);
        await watch.expectClean(`${route.method} ${path} ${JSON.stringify(payload)?.slice(0, 200)}`, res, before);
      }),
      { seed: 1_500 + i, numRuns: RUNS },
    );
  });

  it('refuses bodies nested thousands of levels deep, naming the field', async () => {
    const targets: [Method, string, string][] = [
      ['POST', '/users', 'client_metadata'],
      ['PATCH', `/users/${users[0]}`, 'server_metadata'],
      ['POST', '/teams', 'client_read_only_metadata'],
      ['PATCH', `/teams/${teams[0]}`, 'display_name'],
      ['POST', `/teams/${teams[0]}/members`, 'display_name'],
      ['POST', `/users/${users[0]}/contact-channels`, 'value'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), deepBody, async ([method, path, field], deep) => {
        const before = await watch.before();
        const res = await send(method, path, undefined, deep(field));
        await watch.expectClean(`${method} ${path} deep ${field}`, res, before);
      }),
      { seed: 1_600, numRuns: 12 },
    );
  });
});
