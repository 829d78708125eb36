// `pulse users` and `pulse teams` as a user runs them: create, list and delete in a project, clear refusals
// (exit 2 for a bad command line, 1 for a failure), and no second owner of the data dir.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../data-dir-lock.js';
import { pulseJson as pulseJsonIn, runPulse } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-users-');
afterAll(() => temp.remove());
const env = { PULSE_DATA_DIR: temp.dir };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const pulseJson = <T>(args: string[]) => pulseJsonIn<T>(args, env);

describe('pulse users / pulse teams', () => {
  let project: string;
  beforeAll(async () => {
    project = (await pulseJson<{ id: string }>(['projects', 'create', '--name', 'CLI users'])).id;
  });

  it('creates a user with a primary email, lists it, deletes it', async () => {
    const user = await pulseJson<{ id: string; primary_email: string; primary_email_verified: boolean }>([
      'users',
      'create',
      '--project',
      project,
      '--email',
      'Ada@Example.com',
      '--verified',
      '--name',
      'Ada',
    ]);
    expect(user).toMatchObject({ primary_email: 'ada@example.com', primary_email_verified: true, display_name: 'Ada' });

    const listed = await pulseJson<{ items: { id: string; primary_email: string }[]; next_cursor: string | null }>([
      'users',
      'list',
      '--project',
      project,
    ]);
    expect(listed).toEqual({
      items: [expect.objectContaining({ id: user.id, primary_email: 'ada@example.com' })],
      next_cursor: null,
    });
    const table = await runPulse(['users', 'list', '--project', project], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`${user.id} +│ Ada +│ ada@example\\.com +│ yes `));

    const taken = await runPulse(['users', 'create', '--project', project, '--email', 'ada@example.com'], env);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe('pulse: ada@example.com is already used to sign in by another user of this project\n');

    const deleted = await runPulse(['users', 'delete', user.id, '--project', project], env);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`Deleted user ${user.id}\n`);
    expect(await pulseJson(['users', 'list', '--project', project])).toEqual({ items: [], next_cursor: null });
    const again = await runPulse(['users', 'delete', user.id, '--project', project], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`User ${user.id} not found in project ${project}`);
  });

  it('creates a team, lists it, deletes it', async () => {
    const team = await pulseJson<{ id: string; display_name: string }>([
      'teams',
      'create',
      '--project',
      project,
      '--name',
      'Core',
    ]);
    expect(team.display_name).toBe('Core');
    expect(
      (await pulseJson<{ items: { id: string }[] }>(['teams', 'list', '--project', project])).items.map((t) => t.id),
    ).toEqual([team.id]);
    expect(await pulseJson(['teams', 'delete', team.id, '--project', project])).toEqual({ id: team.id, deleted: true });
    expect((await pulseJson<{ items: unknown[] }>(['teams', 'list', '--project', project])).items).toEqual([]);
  });

  it.each([
    [['users', 'list'], 2, "required option '--project <id>' not specified"],
    [['users', 'list', '--project', 'nope'], 2, '--project must be a project id (uuid) (got "nope")'],
    [['users', 'list', '--project', UNKNOWN, '--limit', '500'], 2, '--limit must be at most 200'],
    [['users', 'create', '--project', UNKNOWN, '--email', 'not-an-email'], 2, '--email must be an email address'],
    [['users', 'create', '--project', UNKNOWN, '--verified'], 2, '--verified needs --email'],
    [['users', 'delete', 'x', '--project', UNKNOWN], 2, '<user-id> must be a user id (uuid)'],
    [['teams', 'create', '--project', UNKNOWN], 2, "required option '--name <name>' not specified"],
    [['teams'], 2, 'Usage: pulse teams'],
    [['users', 'list', '--project', UNKNOWN], 1, `Project ${UNKNOWN} not found`],
  ])('refuses %j with exit code %i and a clear message', async (args, code, message) => {
    const result = await runPulse(args, env);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(code);
  });

  it('refuses while another process holds the data dir', async () => {
    const lock = path.join(temp.dir, LOCK_FILE);
    // This test process is alive, so its pid makes a lock no one may take over.
    fs.writeFileSync(
      lock,
      JSON.stringify({
        pid: process.pid,
        command: 'serve',
        startedAt: new Date().toISOString(),
        url: 'http://127.0.0.1:3000',
      }),
    );
    try {
      const result = await runPulse(['users', 'list', '--project', project], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is in use by another Pulse process');
      expect(result.stderr).toContain('use its API instead');
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });
});
