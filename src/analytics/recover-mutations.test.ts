// A ClickHouse table left with an empty mutation file (a DELETE that failed on a full disk) opens again:
// `pulse serve` moves the file aside, says so, and serves. Without the repair, chDB refuses to attach the
// table ("expected 'format version: 1'") and serve exits 1.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killStrayPulses, runPulse, startPulse, waitUntilReady } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';
import { DAMAGED_DIR, recoverDamagedMutations } from './recover-mutations.js';

const temp = makeTempDir('pulse-mutation-');
afterAll(() => {
  killStrayPulses();
  temp.remove();
});

describe('recoverDamagedMutations', () => {
  it('moves empty and cut-short mutation files aside, keeps complete ones and everything else', () => {
    const root = path.join(temp.dir, 'unit');
    const table = path.join(root, 'store', 'abc', 'abc-uuid');
    fs.mkdirSync(path.join(table, '202612_1_1_0'), { recursive: true });
    const complete = 'format version: 1\ncreate time: 2026-12-05 21:00:00\ncommands: DELETE WHERE 1\n';
    fs.writeFileSync(path.join(table, 'mutation_3.txt'), complete);
    fs.writeFileSync(path.join(table, 'mutation_4.txt'), '');
    fs.writeFileSync(path.join(table, 'mutation_5.txt'), 'format version: 1\ncreate ti');
    fs.writeFileSync(path.join(table, 'format_version.txt'), '');
    const moved = recoverDamagedMutations(root, new Date('2026-12-05T21:00:00Z'));
    expect(moved.map((m) => [path.basename(m.from), m.bytes])).toEqual([
      ['mutation_4.txt', 0],
      ['mutation_5.txt', 27],
    ]);
    expect(fs.readdirSync(table).sort()).toEqual(['202612_1_1_0', 'format_version.txt', 'mutation_3.txt']);
    const aside = path.join(fs.realpathSync(root), DAMAGED_DIR, '2026-12-05T21-00-00-000Z', 'store', 'abc', 'abc-uuid');
    expect(fs.readdirSync(aside).sort()).toEqual(['mutation_4.txt', 'mutation_5.txt']);
    expect(recoverDamagedMutations(root)).toEqual([]);
    expect(recoverDamagedMutations(path.join(temp.dir, 'missing'))).toEqual([]);
  });
});

describe('pulse serve over a table with an empty mutation file', () => {
  it('moves it aside, logs it, and serves the data written before', async () => {
    const env = { PULSE_DATA_DIR: path.join(temp.dir, 'e2e') };
    const created = await runPulse(['projects', 'create', '--name', 'Damaged', '--json'], env);
    expect(created.code).toBe(0);
    const project = JSON.parse(created.stdout) as { id: string; ingest_key: string };
    const port = await freePort();
    const post = (events: object[]) =>
      fetch(`http://127.0.0.1:${port}/api/v1/projects/${project.id}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${project.ingest_key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
    const click = { event_type: '$click', data: { selector: '#a' } };

    const first = startPulse(['serve'], { ...env, PORT: String(port) });
    await waitUntilReady(first, port);
    expect((await post([click, click, click])).status).toBe(202);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    // What a DELETE that failed on a full disk left behind, in the events table's data dir.
    const tableDir = fs.realpathSync(
      path.join(env.PULSE_DATA_DIR, 'clickhouse', 'data', 'analytics_internal', 'events'),
    );
    fs.writeFileSync(path.join(tableDir, 'mutation_999.txt'), '');

    const restarted = startPulse(['serve'], { ...env, PORT: String(port), PULSE_LOG_LEVEL: 'warn' });
    try {
      await waitUntilReady(restarted, port);
      expect(restarted.output()).toContain('moved a damaged ClickHouse mutation file aside');
      expect(restarted.output()).toContain('mutation_999.txt');
      expect(fs.existsSync(path.join(tableDir, 'mutation_999.txt'))).toBe(false);
      expect((await post([click])).status).toBe(202);
    } finally {
      restarted.child.kill('SIGTERM');
      expect((await restarted.exited).code).toBe(0);
    }
  });
});
