// The admin API through app.inject() on embedded stores, with the sync worker running as in `serve` on
// timers the test holds: its idle timer never fires, so a mirror that follows was woken by the write itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../../projects/create-project.js';
import { createSyncRunner } from '../../../sync/run-sync-pass.js';
import { startDrivenSyncWorker, type DrivenSyncWorker } from '../../../test/driven-sync-worker.js';
import { mirrorUsers } from '../../../test/sync-fixtures.js';
import { openTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let sync: DrivenSyncWorker;
let project: string;
let admin: string;
let ingest: string;
let other: { project: string; admin: string };

beforeAll(async () => {
  t = await openTestApp({ notifyWrite: () => sync.worker.notify() });
  const runner = createSyncRunner(t);
  sync = startDrivenSyncWorker(() => runner.runPass());
  const a = await createProject(t.postgres.db, { displayName: 'Admin A' });
  const b = await createProject(t.postgres.db, { displayName: 'Admin B' });
  [project, admin, ingest] = [a.project.id, a.adminKey, a.ingestKey];
  other = { project: b.project.id, admin: b.adminKey };
});
afterAll(async () => {
  await sync?.worker.stop();
  await t?.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, path: string, payload?: object, key = admin, projectId = project) =>
  t.app.inject({
    method,
    url: `/api/v1/projects/${projectId}${path}`,
    headers: { authorization: `Bearer ${key}` },
    ...(payload && { payload }),
  });

/** Reads once the passes the writes asked for have run (the idle timer never fires here). */
async function afterSync<T>(read: () => Promise<T>): Promise<T> {
  await sync.synced();
  return read();
}

describe('users', () => {
  it('creates a user with a primary auth email, and the mirror follows, woken by the write (the idle timer never fires)', async () => {
    // The idle timer never fires here: only the write's notify explains a pass (which may run at once).
    const passes = sync.passes();
    const res = await call('POST', '/users', { display_name: 'Ada', primary_email: 'Ada@Example.com' });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      display_name: 'Ada',
      primary_email: 'ada@example.com',
      primary_email_verified: false,
      is_anonymous: false,
    });
    const channels = (await call('GET', `/users/${user.id}/contact-channels`)).json().items;
    expect(channels).toEqual([
      expect.objectContaining({ type: 'EMAIL', value: 'ada@example.com', is_primary: true, used_for_auth: true }),
    ]);
    const mirrored = await afterSync(() => mirrorUsers(t.analytics, project));
    expect(sync.passes()).toBeGreaterThan(passes);
    expect(mirrored.map((u) => [u.id, u.primary_email])).toEqual([[user.id, 'ada@example.com']]);
    // A pass records its watermark after the mirror rows are in (so a crash between the two repeats rows
    // instead of losing them): the status can trail the visible mirror by a moment.
    const status = await afterSync(async () => (await call('GET', '/sync')).json().users as { rows_behind: number });
    expect(status).toMatchObject({ rows_behind: 0, seconds_behind: 0 });
  });

  it('answers 409 for a duplicate auth email and writes nothing', async () => {
    const before = (await call('GET', '/users?limit=200')).json().items.length;
    const res = await call('POST', '/users', { display_name: 'Copy', primary_email: 'ada@example.com' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect((await call('GET', '/users?limit=200')).json().items.length).toBe(before);
  });

  it('answers 400 naming the field for bad input', async () => {
    const bad = await call('POST', '/users', { primary_email: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.primary_email');
    const limit = await call('GET', '/users?limit=0');
    expect(limit.json().error.details.issues[0].field).toBe('querystring.limit');
    expect((await call('PATCH', '/users/not-a-uuid', {})).json().error.details.issues[0].field).toBe('params.user_id');
  });

  it('pages through users with a cursor', async () => {
    for (let i = 0; i < 4; i++)
      expect((await call('POST', '/users', { display_name: `Page ${i}` })).statusCode).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; next_cursor: string | null } = (
        await call('GET', `/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((u) => u.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual(seen);
  });

  it('patches and deletes a user; a deleted user leaves the mirror', async () => {
    const user = (await call('POST', '/users', { display_name: 'Temp', primary_email: 'temp@example.com' })).json();
    const patched = await call('PATCH', `/users/${user.id}`, {
      display_name: 'Temporary',
      primary_email_verified: true,
    });
    expect(patched.json()).toMatchObject({
      display_name: 'Temporary',
      primary_email: 'temp@example.com',
      primary_email_verified: true,
    });
    expect((await call('DELETE', `/users/${user.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/users/${user.id}`)).statusCode).toBe(404);
    const ids = await afterSync(async () => (await mirrorUsers(t.analytics, project)).map((u) => u.id));
    expect(ids).not.toContain(user.id);
  });

  it("never shows or changes another project's rows (404), and needs the admin key", async () => {
    const theirs = (await call('POST', '/users', { display_name: 'Theirs' }, other.admin, other.project)).json();
    expect((await call('GET', `/users/${theirs.id}`)).statusCode).toBe(404);
    expect((await call('PATCH', `/users/${theirs.id}`, { display_name: 'hijack' })).statusCode).toBe(404);
    expect((await call('DELETE', `/users/${theirs.id}`)).statusCode).toBe(404);
    expect((await call('GET', '/users', undefined, other.admin)).statusCode).toBe(404);
    expect((await call('GET', '/users', undefined, ingest)).statusCode).toBe(403);
    expect((await call('GET', `/users/${theirs.id}`, undefined, other.admin, other.project)).json().display_name).toBe(
      'Theirs',
    );
  });
});

describe('contact channels', () => {
  it('adds, demotes the previous primary, patches and deletes', async () => {
    const user = (await call('POST', '/users', { display_name: 'Chan', primary_email: 'chan@example.com' })).json();
    const added = await call('POST', `/users/${user.id}/contact-channels`, {
      type: 'EMAIL',
      value: 'chan2@example.com',
      is_primary: true,
      used_for_auth: true,
    });
    expect(added.statusCode).toBe(201);
    const list = (await call('GET', `/users/${user.id}/contact-channels`)).json().items as {
      id: string;
      value: string;
      is_primary: boolean;
    }[];
    expect(list.map((c) => [c.value, c.is_primary])).toEqual([
      ['chan@example.com', false],
      ['chan2@example.com', true],
    ]);
    expect((await call('GET', `/users/${user.id}`)).json().primary_email).toBe('chan2@example.com');
    expect(
      (await call('POST', `/users/${user.id}/contact-channels`, { type: 'PHONE', value: 'not a phone' })).json().error
        .details.issues[0].field,
    ).toBe('body.value');
    const patched = await call('PATCH', `/users/${user.id}/contact-channels/${added.json().id}`, { is_verified: true });
    expect(patched.json()).toMatchObject({ is_verified: true });
    expect((await call('DELETE', `/users/${user.id}/contact-channels/${added.json().id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/users/${user.id}/contact-channels/${added.json().id}`)).statusCode).toBe(404);
  });
});

describe('teams and members', () => {
  it('creates a team, adds and removes a member, deletes the team', async () => {
    const team = (await call('POST', '/teams', { display_name: 'Core' })).json();
    const user = (await call('POST', '/users', { display_name: 'Member' })).json();
    const theirs = (await call('POST', '/users', { display_name: 'Stranger' }, other.admin, other.project)).json();
    expect((await call('POST', `/teams/${team.id}/members`, { user_id: user.id })).statusCode).toBe(201);
    expect((await call('POST', `/teams/${team.id}/members`, { user_id: theirs.id })).statusCode).toBe(404);
    expect((await call('PATCH', `/teams/${team.id}`, { display_name: 'Core team' })).json().display_name).toBe(
      'Core team',
    );
    const members = await afterSync(() =>
      t.analytics.query<{ n: number }>(
        'SELECT count() AS n FROM analytics_internal.team_members FINAL WHERE project_id = {p:String} AND sync_is_deleted = 0',
        { p: project },
      ),
    );
    expect(members[0]?.n).toBe(1);
    expect((await call('DELETE', `/teams/${team.id}/members/${user.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/teams/${team.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/teams/${team.id}`)).statusCode).toBe(404);
    expect((await call('POST', '/teams', {})).json().error.details.issues[0].field).toBe('body.display_name');
  });
});

describe('seeded preview rows', () => {
  it('a seeded user is not re-sent; updated through the API its mirror row gets a sequence ≥ 1', async () => {
    const preview = (
      await t.app.inject({ method: 'POST', url: '/api/v1/preview/projects', payload: { size: 'tiny' } })
    ).json();
    const key = preview.admin_key as string;
    await sync.worker.flushed();
    const seq = () =>
      t.analytics.query<{ id: string; display_name: string | null; sync_sequence_id: number }>(
        'SELECT toString(id) AS id, display_name, sync_sequence_id FROM analytics_internal.users WHERE project_id = {p:String} ORDER BY id, sync_sequence_id',
        { p: preview.project_id },
      );
    const seeded = await seq();
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.every((r) => r.sync_sequence_id === 0)).toBe(true);
    const target = seeded[0]!.id;
    expect(
      (await call('PATCH', `/users/${target}`, { display_name: 'Renamed' }, key, preview.project_id)).statusCode,
    ).toBe(200);
    const mirrored = await afterSync(() => mirrorUsers(t.analytics, preview.project_id));
    const row = mirrored.find((r) => r.id === target);
    expect(row).toMatchObject({ display_name: 'Renamed' });
    expect(row!.sync_sequence_id).toBeGreaterThanOrEqual(1);
    // Only the changed user was sent: every other physical row is still the seeder's.
    expect((await seq()).filter((r) => r.sync_sequence_id > 0).map((r) => r.id)).toEqual([target]);
  });
});
