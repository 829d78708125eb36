// `pulse seed` as a user runs it: a new seeded project, a reseed with the same people, clear refusals (and the
// exit-code rule every command follows).
import { afterAll, describe, expect, it } from 'vitest';
import { runPulse } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-seed-');
afterAll(() => temp.remove());
const env = { PULSE_DATA_DIR: temp.dir };

describe('pulse seed', () => {
  it('seeds a new project, then reseeds it with the same people', async () => {
    const created = await runPulse(
      ['seed', '--size', 'tiny', '--seed', 'e2e', '--now', '2026-06-01T12:00:00Z', '--json'],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const first = JSON.parse(created.stdout) as { projectId: string; adminKey: string; seeded: Record<string, number> };
    expect(first.adminKey).toMatch(/^pulse_admin_/);
    expect(first.seeded).toMatchObject({ teams: 8, live_events: 8 });
    const reseeded = await runPulse(['seed', '--project', first.projectId, '--json'], env);
    expect(reseeded.code).toBe(0);
    // Rows are regenerated for a new `now`: users, teams and their rows keep their counts; emails, replays,
    // payments and events follow the activity up to the new `now`.
    const { users, teams, team_members, contact_channels, auth_methods, live_events } = first.seeded;
    expect(JSON.parse(reseeded.stdout).seeded).toMatchObject({
      users,
      teams,
      team_members,
      contact_channels,
      auth_methods,
      live_events,
    });
  });

  it('prints a summary table by default', async () => {
    const result = await runPulse(['seed', '--size', 'tiny'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Seeded project [0-9a-f-]{36}\n {2}admin key: {2}pulse_admin_/);
    expect(result.stdout).toMatch(/users +│ +\d+/);
  });

  // One rule for every command: a bad command line exits 2, a failure (an unknown project) exits 1.
  it.each([
    [['seed', '--now', '2999-01-01T00:00:00Z'], 2, '--now must not be in the future'],
    [['seed', '--now', 'yesterday'], 2, '--now must be an ISO 8601 instant'],
    [['seed', '--size', 'huge'], 2, '--size must be one of tiny, standard, large'],
    [['seed', '--users', '-5'], 2, '--users must be a whole number'],
    [['seed', '--project', 'nope'], 2, '--project must be a project id (uuid) (got "nope")'],
    [['seed', '--bogus'], 2, "unknown option '--bogus'"],
    [['projects', 'create', '--name', ' '], 2, '--name must not be empty'],
    [['projects', 'frobnicate'], 2, "unknown command 'frobnicate'"],
    [['frobnicate'], 2, "unknown command 'frobnicate'"],
    [['sync'], 2, "required option '--once' not specified"],
    [
      ['seed', '--project', '00000000-0000-4000-8000-000000000000'],
      1,
      'Project 00000000-0000-4000-8000-000000000000 not found',
    ],
  ])('refuses %j with exit code %i and a clear message', async (args, code, message) => {
    const result = await runPulse(args, env);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(code);
  });
});
