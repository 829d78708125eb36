// The README's promise, end to end: `pulse serve` on embedded stores becomes ready, refuses a second
// owner of its data dir, exits 0 on Ctrl-C, and a restart finds its data again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listAnalyticsMigrations } from '../analytics/migrate.js';
import { LOCK_FILE } from '../data-dir-lock.js';
import { freePort, killStrayPulses, runPulse, startPulse, waitUntilReady } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';
import { createTestDatabase, skipReason, testTargets } from '../test/targets.js';

const temp = makeTempDir('pulse-e2e-');
afterAll(() => {
  killStrayPulses();
  temp.remove();
});
const env = { PULSE_DATA_DIR: temp.dir };

describe('pulse serve on embedded stores', () => {
  it('stops with exit code 2 and names the variable on a bad value', async () => {
    const result = await runPulse(['serve'], { ...env, PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT: expected an integer from 0 to 65535, got "eighty"');
    expect(fs.existsSync(path.join(temp.dir, LOCK_FILE))).toBe(false);
  });

  it('creates a project from the CLI, serves it, refuses a second owner, exits 0 on SIGINT, restarts with the data', async () => {
    const created = await runPulse(['projects', 'create', '--name', 'E2E', '--json'], env);
    expect(created.code).toBe(0);
    const project = JSON.parse(created.stdout) as { id: string; admin_key: string };
    expect(project.admin_key).toMatch(/^pulse_admin_/);

    const port = await freePort();
    const server = startPulse(['serve'], { ...env, PORT: String(port) });
    await waitUntilReady(server, port);

    const second = await runPulse(['serve'], { ...env, PORT: String(await freePort()) });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`in use by another Pulse process: pid ${server.child.pid} ("pulse serve"`);
    expect(second.stderr).toContain(`use its API instead (http://127.0.0.1:${port}/api/docs)`);
    const cli = await runPulse(['projects', 'list'], env);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('in use by another Pulse process');

    server.child.kill('SIGINT');
    expect((await server.exited).code).toBe(0);
    expect(fs.existsSync(path.join(temp.dir, LOCK_FILE))).toBe(false);

    const restarted = startPulse(['serve'], { ...env, PORT: String(port) });
    try {
      await waitUntilReady(restarted, port);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/projects/${project.id}`, {
        headers: { authorization: `Bearer ${project.admin_key}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: project.id, display_name: 'E2E' });
    } finally {
      restarted.child.kill('SIGTERM');
      expect((await restarted.exited).code).toBe(0);
    }
    // Four process starts (two of them full servers): generous for a loaded 2-core CI machine.
  }, 120_000);

  it('still stops on SIGTERM after whoever read its logs has gone (stdout closed)', async () => {
    const port = await freePort();
    const dir = makeTempDir('pulse-e2e-logs-');
    const server = startPulse(['serve'], {
      PULSE_DATA_DIR: dir.dir,
      PORT: String(port),
      PULSE_LOG_LEVEL: 'info',
      PULSE_PREVIEW_SPARES: '0',
    });
    try {
      await waitUntilReady(server, port);
      // A fresh data dir: every ClickHouse migration is applied, and each is logged with its duration.
      const applied = server
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"applied ClickHouse migration"'));
      expect(applied.map((line) => (JSON.parse(line) as { version: number }).version)).toEqual(
        listAnalyticsMigrations().map((m) => m.version),
      );
      // A log shipper or `pulse serve | head` that exits: the log pipe's reading end closes, and every later
      // log line fails with EPIPE. Logging must neither crash the server nor keep it from exiting.
      // The first write to fail is then the shutdown's own log line, still pending when the process exits.
      server.child.stdout!.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      server.child.kill('SIGTERM');
      const exit = await Promise.race([
        server.exited,
        new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000)),
      ]);
      expect(exit === 'hung' ? 'hung' : exit.code).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
      dir.remove();
    }
  }, 60_000);
});

describe.skipIf(skipReason('PULSE_TEST_DATABASE_URL'))('pulse serve with PULSE_DATABASE_URL (Postgres server)', () => {
  it('migrates the server database, becomes ready on node-postgres, and exits 0 on SIGINT', async () => {
    const database = await createTestDatabase(testTargets.databaseUrl!);
    const dir = makeTempDir('pulse-e2e-pg-');
    const port = await freePort();
    const server = startPulse(['serve'], {
      PULSE_DATA_DIR: dir.dir,
      PULSE_DATABASE_URL: database.url,
      PORT: String(port),
    });
    try {
      await waitUntilReady(server, port);
      const ready = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as {
        checks: { postgres: { driver: string } };
      };
      expect(ready.checks.postgres.driver).toBe('node-postgres');
      // Postgres data lives in the server: nothing of it under the data dir.
      expect(fs.existsSync(path.join(dir.dir, 'postgres'))).toBe(false);
    } finally {
      server.child.kill('SIGINT');
      expect((await server.exited).code).toBe(0);
      await database.drop();
      dir.remove();
    }
  }, 60_000);
});
