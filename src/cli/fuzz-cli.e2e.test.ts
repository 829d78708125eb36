// Fuzz (fast-check, fixed seed, bounded runs) over the CLI write commands as a user runs them: hostile flag
// values for `users create`, `teams create`, `projects create`, `seed`, and `projects rotate-key`,
// `revoke-key` and `delete` of projects that are not there. Exit 0, 1 or 2 with a one-line message (never
// a stack trace), and only a command that exited 0 wrote anything.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openChdb } from '../analytics/chdb.js';
import { analyticsProjectIds } from '../analytics/project-data.js';
import { hostileString } from '../test/fuzz/hostile.js';
import { runPulse } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-fuzz-cli-');
afterAll(() => temp.remove());
const env = { PULSE_DATA_DIR: temp.dir };
let project: string;

async function listed(what: 'users' | 'teams' | 'projects'): Promise<number> {
  const args = what === 'projects' ? [] : ['--project', project, '--limit', '200'];
  const res = await runPulse([what, 'list', ...args, '--json'], env);
  expect(res.code).toBe(0);
  const listing = JSON.parse(res.stdout) as { items: unknown[] } | unknown[];
  return (Array.isArray(listing) ? listing : listing.items).length;
}

beforeAll(async () => {
  const res = await runPulse(['projects', 'create', '--name', 'Fuzz CLI', '--json'], env);
  project = (JSON.parse(res.stdout) as { id: string }).id;
});

// Arguments cannot hold NUL (the OS ends a C string there), and a huge one would only test the OS's limit.
const arg = hostileString.filter((s) => !s.includes('\u0000') && s.length < 2_000);

it('exits 0, 1 or 2 with a message, and writes only when it exits 0', async () => {
  const written = { users: 0, teams: 0, projects: 1 };
  const command = fc.oneof(
    fc.record({ kind: fc.constant('users' as const), email: arg, name: arg }).map(({ kind, email, name }) => ({
      kind,
      args: ['users', 'create', '--project', project, '--email', email, '--name', name],
    })),
    arg.map((name) => ({ kind: 'teams' as const, args: ['teams', 'create', '--project', project, '--name', name] })),
    arg.map((name) => ({ kind: 'projects' as const, args: ['projects', 'create', '--name', name] })),
    fc
      .record({ flag: fc.constantFrom('--size', '--users', '--days', '--now', '--project'), value: arg })
      .map(({ flag, value }) => ({ kind: 'seed' as const, args: ['seed', flag, value] })),
    fc
      .record({
        action: fc.constantFrom('rotate-key', 'revoke-key'),
        id: arg,
        kind: fc.oneof(arg, fc.constant('admin')),
      })
      .map(({ action, id, kind }) => ({
        kind: 'keys' as const,
        args: ['projects', action, '--project', id, '--kind', kind],
      })),
    arg.map((id) => ({ kind: 'delete' as const, args: ['projects', 'delete', '--project', id] })),
  );
  await fc.assert(
    fc.asyncProperty(command, async ({ kind, args }) => {
      const res = await runPulse(args, env);
      const what = `${JSON.stringify(args)} → ${res.code} ${res.stderr.slice(0, 300)}`;
      expect([0, 1, 2], what).toContain(res.code);
      expect(res.stderr, what).not.toMatch(/^\s+at /m);
      if (res.code !== 0) expect(res.stderr, what).toMatch(/^(pulse: |error: )/);
      if (res.code === 0 && (kind === 'users' || kind === 'teams' || kind === 'projects')) written[kind]++;
      // A seed without --project creates its project.
      if (res.code === 0 && kind === 'seed') written.projects++;
      // No project but the fuzzed ones exists: rotating, revoking or deleting never succeeds.
      if (kind === 'keys' || kind === 'delete') expect(res.code, what).not.toBe(0);
    }),
    { seed: 1_800, numRuns: 12 },
  );
  expect(await listed('users')).toBe(written.users);
  expect(await listed('teams')).toBe(written.teams);
  expect(await listed('projects')).toBe(written.projects);
  // ClickHouse holds rows of no project Postgres lacks (a refused seed wrote nothing there either).
  const projects = JSON.parse((await runPulse(['projects', 'list', '--json'], env)).stdout) as { id: string }[];
  const analytics = await openChdb({ dataDir: path.join(temp.dir, 'clickhouse') });
  try {
    const known = new Set(projects.map((p) => p.id));
    expect((await analyticsProjectIds(analytics)).filter((id) => !known.has(id))).toEqual([]);
  } finally {
    await analytics.close();
  }
});
