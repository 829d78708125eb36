// `pulse serve` on a small tmpfs filled to the last byte: ingestion, preview creation, admin writes and a reseed get
// a 503 within 5 s (never no answer), first with the free-space floor off (the stores themselves hit the
// full disk), then with it on (writes refused before they reach a store, /readyz says why). Once space is
// freed Pulse starts again and every acknowledged event is there exactly once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorBody, Readiness } from '../../contract/api.js';
import { openChdb } from '../analytics/chdb.js';
import { freePort, killStrayPulses, runPulse, startPulse, waitUntilReady, type Running } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-full-disk-');
const mountPoint = path.join(temp.dir, 'tmpfs');

/** Why this test cannot run here, or undefined: mounting a tmpfs needs root. */
function skipReason(): string | undefined {
  if (process.platform !== 'linux') return 'needs Linux (tmpfs)';
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs (CI runs as root)';
  try {
    fs.mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
const skip = skipReason();

afterAll(() => {
  killStrayPulses();
  if (!skip) execFileSync('umount', ['-l', mountPoint]);
  temp.remove();
});

const ANSWER_WITHIN_MS = 5_000;

/** Fills the file system holding `dir` to its last byte; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(1024 * 1024);
  try {
    for (let size = chunk.length; size >= 1;) {
      try {
        fs.writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        size = Math.floor(size / 2);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

describe.skipIf(skip)(`a full disk (${skip ?? 'tmpfs'})`, () => {
  it(
    'writes get a 503 within 5 s, and after space is freed Pulse serves every acknowledged event once',
    { timeout: 180_000 },
    async () => {
      const dataDir = path.join(mountPoint, 'data');
      const env = { PULSE_DATA_DIR: dataDir, PULSE_PREVIEW_SPARES: '0', PULSE_MIN_FREE_DISK: '0' };
      const created = await runPulse(['projects', 'create', '--name', 'Full', '--json'], env);
      expect(created.code).toBe(0);
      const project = JSON.parse(created.stdout) as { id: string; admin_key: string; ingest_key: string };
      const port = await freePort();
      const url = (p: string) => `http://127.0.0.1:${port}${p}`;
      /** The status and JSON body, both read within the time allowed: no answer in time fails the test. */
      const send = async (p: string, key?: string, body?: object) => {
        const res = await fetch(url(p), {
          method: 'POST',
          headers: {
            ...(key && { authorization: `Bearer ${key}` }),
            ...(body && { 'content-type': 'application/json' }),
          },
          body: body && JSON.stringify(body),
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        });
        return { status: res.status, json: (await res.json()) as ErrorBody };
      };
      const ingest = (tag: string, n = 5) =>
        send(`/api/v1/projects/${project.id}/events`, project.ingest_key, {
          events: Array.from({ length: n }, (_, i) => ({ event_type: '$page-view', data: { path: `/${tag}/${i}` } })),
        });
      const writes = async (tag: string) => [
        await ingest(tag),
        await send('/api/v1/preview/projects'),
        await send(`/api/v1/projects/${project.id}/users`, project.admin_key, {
          display_name: tag,
          primary_email: `${tag}@example.com`,
        }),
        await send(`/api/v1/projects/${project.id}/reseed`, project.admin_key),
      ];
      const serve = async (extra: Record<string, string> = {}): Promise<Running> => {
        const server = startPulse(['serve'], { ...env, PORT: String(port), ...extra });
        // /healthz, not /readyz: below the floor readiness stays 503 by design.
        await waitUntilReady(server, port, 60_000, '/healthz');
        return server;
      };
      const stop = async (server: Running) => {
        server.child.kill('SIGTERM');
        const stopped = await Promise.race([server.exited, new Promise((r) => setTimeout(r, 12_000, 'stuck'))]);
        if (stopped === 'stuck') server.child.kill('SIGKILL');
        await server.exited;
      };

      // Floor off: the stores meet the full disk themselves.
      const acked: string[] = [];
      let server = await serve();
      for (const tag of ['a0', 'a1', 'a2']) {
        expect((await ingest(tag)).status).toBe(202);
        acked.push(tag);
      }
      const filler = fillDisk(mountPoint);
      for (const res of await writes('full')) {
        expect(res.status).toBe(503);
        expect(res.json.error.code).toMatch(/^(analytics_unavailable|database_unavailable|store_timeout)$/);
      }
      // Reads still answer, and the sync worker (which meets the same disk) holds nothing up.
      const readyFull = await fetch(url('/readyz'), { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
      expect([200, 503]).toContain(readyFull.status);
      await stop(server);

      // Floor on, 4 MB free (a store needs a little to start): refused before any store is touched, and
      // /readyz says why.
      fs.truncateSync(filler, fs.statSync(filler).size - 4 * 1024 ** 2);
      server = await serve({ PULSE_MIN_FREE_DISK: '8MB' });
      for (const res of await writes('floor')) {
        expect(res.status).toBe(503);
        expect(res.json.error).toMatchObject({
          code: 'disk_low',
          details: { min_free_bytes: 8 * 1024 ** 2 },
        });
      }
      const ready = await fetch(url('/readyz'));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as Readiness).checks.disk).toMatchObject({
        ok: false,
        error: expect.stringContaining('disk is low'),
      });
      await stop(server);

      // Space freed: Pulse starts, serves, and takes writes again.
      fs.rmSync(filler);
      server = await serve({ PULSE_MIN_FREE_DISK: '8MB' });
      expect((await ingest('after')).status).toBe(202);
      acked.push('after');
      await stop(server);

      const analytics = await openChdb({ dataDir: path.join(dataDir, 'clickhouse') });
      try {
        const rows = await analytics.query<{ path: string; n: number }>(
          `SELECT JSONExtractString(data_text, 'path') AS path, toUInt32(count()) AS n
         FROM analytics_internal.events WHERE project_id = {p:String} GROUP BY path ORDER BY path`,
          { p: project.id },
        );
        const counts = new Map(rows.map((r) => [r.path, r.n]));
        for (const tag of acked) for (let i = 0; i < 5; i++) expect(counts.get(`/${tag}/${i}`)).toBe(1);
        expect([...counts.keys()].some((p) => p.startsWith('/floor/'))).toBe(false);
      } finally {
        await analytics.close();
      }
    },
  );
});
