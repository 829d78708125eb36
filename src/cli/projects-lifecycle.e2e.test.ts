// `pulse projects rotate-key|revoke-key|delete` as an operator runs them: a rotated or revoked key gets 401
// from a running server afterwards, a deleted project leaves nothing in either store, and the exit codes
// follow the one rule (2 for a bad command line, 1 for a failure).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  killStrayPulses,
  pulseJson as pulseJsonIn,
  runPulse,
  startPulse,
  waitUntilReady,
} from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-projects-');
afterAll(() => {
  killStrayPulses();
  temp.remove();
});
const env = { PULSE_DATA_DIR: temp.dir };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const pulseJson = <T>(args: string[]) => pulseJsonIn<T>(args, env);

interface Created {
  id: string;
  admin_key: string;
  ingest_key: string;
}

/** Status codes a running server gives each key (the embedded stores allow one process at a time). */
async function statusesWith(keys: { project: string; admin: string[]; ingest: string[] }) {
  const port = await freePort();
  const server = startPulse(['serve'], { ...env, PORT: String(port), PULSE_PREVIEW_SPARES: '0' });
  try {
    await waitUntilReady(server, port, 60_000);
    const base = `http://127.0.0.1:${port}/api/v1/projects/${keys.project}`;
    const get = async (key: string) => (await fetch(base, { headers: { authorization: `Bearer ${key}` } })).status;
    const post = async (key: string) =>
      (
        await fetch(`${base}/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            events: [{ event_type: '$page-view', user_id: null, data: { path: '/', referrer: '' } }],
          }),
        })
      ).status;
    return {
      admin: await Promise.all(keys.admin.map(get)),
      ingest: await Promise.all(keys.ingest.map(post)),
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

describe('pulse projects rotate-key / revoke-key / delete', () => {
  let project: Created;
  beforeAll(async () => {
    project = await pulseJson<Created>(['projects', 'create', '--name', 'CLI keys']);
  });

  it('rotates both keys, then revokes the ingest key: the old and revoked keys get 401, the new ones work', async () => {
    const rotated = await pulseJson<{ project_id: string; kind: string; key: string; revoked: number }>([
      'projects',
      'rotate-key',
      '--project',
      project.id,
      '--kind',
      'ingest',
    ]);
    expect(rotated).toMatchObject({ project_id: project.id, kind: 'ingest', revoked: 1 });
    const text = await runPulse(['projects', 'rotate-key', '--project', project.id, '--kind', 'admin'], env);
    expect(text.code).toBe(0);
    const newAdmin = /New admin key for project \S+: (pulse_admin_\S+)/.exec(text.stdout)?.[1];
    expect(newAdmin).toBeDefined();

    expect(
      await statusesWith({
        project: project.id,
        admin: [project.admin_key, newAdmin!],
        ingest: [project.ingest_key, rotated.key],
      }),
    ).toEqual({ admin: [401, 200], ingest: [401, 202] });

    const revoked = await pulseJson<{ revoked: number }>([
      'projects',
      'revoke-key',
      '--project',
      project.id,
      '--kind',
      'ingest',
    ]);
    expect(revoked).toEqual({ project_id: project.id, kind: 'ingest', revoked: 1 });
    expect(await statusesWith({ project: project.id, admin: [], ingest: [rotated.key] })).toEqual({
      admin: [],
      ingest: [401],
    });
  }, 120_000);

  it('deletes a seeded project from both stores; a second delete exits 1', async () => {
    const seeded = await runPulse(['seed', '--size', 'tiny', '--json'], env);
    expect(seeded.code).toBe(0);
    const id = (JSON.parse(seeded.stdout) as { projectId: string }).projectId;

    const deleted = await pulseJson<{ id: string; deleted: boolean }>(['projects', 'delete', '--project', id]);
    expect(deleted).toEqual({ id, deleted: true });
    const listed = await pulseJson<{ id: string }[]>(['projects', 'list']);
    expect(listed.map((p) => p.id)).not.toContain(id);
    const again = await runPulse(['projects', 'delete', '--project', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`pulse: Project ${id} not found\n`);
  }, 120_000);

  it('exits 2 for a bad command line, naming the flag; 1 for an unknown project', async () => {
    const kind = await runPulse(['projects', 'rotate-key', '--project', UNKNOWN, '--kind', 'owner'], env);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind');
    const id = await runPulse(['projects', 'delete', '--project', 'nope'], env);
    expect(id.code).toBe(2);
    expect(id.stderr).toContain('--project');
    const missing = await runPulse(['projects', 'revoke-key', '--project', UNKNOWN], env);
    expect(missing.code).toBe(2);
    const unknown = await runPulse(['projects', 'revoke-key', '--project', UNKNOWN, '--kind', 'admin'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`pulse: Project ${UNKNOWN} not found\n`);
  }, 60_000);
});
