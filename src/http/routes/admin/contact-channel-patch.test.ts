// PATCH of a contact channel is checked as create checks a channel: the resulting type and value must fit,
// and auth addresses stay unique case-insensitively (two users never sign in with one address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../../projects/create-project.js';
import { openTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let base: string;
let admin: string;

beforeAll(async () => {
  t = await openTestApp();
  const created = await createProject(t.postgres.db, { displayName: 'Channels' });
  base = `/api/v1/projects/${created.project.id}`;
  admin = created.adminKey;
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object) =>
  t.app.inject({
    method,
    url: base + path,
    headers: { authorization: `Bearer ${admin}` },
    ...(payload && { payload }),
  });

async function userWithEmail(email: string) {
  const user = (await call('POST', '/users', { primary_email: email })).json() as { id: string };
  const [channel] = (await call('GET', `/users/${user.id}/contact-channels`)).json().items as { id: string }[];
  return { user: user.id, channel: channel!.id, path: `/users/${user.id}/contact-channels/${channel!.id}` };
}

describe('PATCH /projects/:id/users/:user_id/contact-channels/:channel_id', () => {
  it('refuses a value that is not an email address on an EMAIL channel, naming body.value', async () => {
    const { path, user } = await userWithEmail('grace@example.com');
    const res = await call('PATCH', path, { value: 'not an email' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([{ field: 'body.value', message: 'must be an email address' }]);
    expect((await call('GET', `/users/${user}`)).json().primary_email).toBe('grace@example.com');
  });

  it('refuses a type change the current value does not fit, and keeps the primary email', async () => {
    const { path, user } = await userWithEmail('linus@example.com');
    const res = await call('PATCH', path, { type: 'PHONE' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toEqual({
      field: 'body.value',
      message: 'must be a phone number for type PHONE',
    });
    expect((await call('GET', `/users/${user}`)).json().primary_email).toBe('linus@example.com');
  });

  it("answers 409 for another user's auth address in upper case, and stores an address in lower case", async () => {
    await userWithEmail('taken@example.com');
    const { path, user } = await userWithEmail('mine@example.com');
    const taken = await call('PATCH', path, { value: 'TAKEN@Example.COM' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('conflict');
    expect((await call('GET', `/users/${user}`)).json().primary_email).toBe('mine@example.com');
    const renamed = await call('PATCH', path, { value: ' Mine2@Example.com ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().value).toBe('mine2@example.com');
  });

  it('accepts a type change with a value that fits it, and a flags-only patch', async () => {
    const { path } = await userWithEmail('phone-later@example.com');
    const res = await call('PATCH', path, { type: 'PHONE', value: '+1 (555) 010-0000', used_for_auth: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'PHONE', value: '+1 (555) 010-0000', used_for_auth: false });
    expect((await call('PATCH', path, { is_verified: true })).json()).toMatchObject({ is_verified: true });
  });
});
