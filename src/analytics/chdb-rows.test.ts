// Large inserts on embedded chDB go through temporary files: every row lands once, batches go in order,
// and no temporary file outlives the call, also when the insert fails with the next batch already staged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/temp-dir.js';
import { openChdb } from './chdb.js';
import type { AnalyticsStore } from './store.js';

// Staged files go to os.tmpdir(). Test files run in parallel processes, and their inserts stage files there
// too: this file gets a temp dir of its own (os.tmpdir() follows TMPDIR), so the counts below see only its own.
const ownTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-bulk-test-'));
process.env.TMPDIR = ownTmp;
const stagedFiles = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('pulse-insert-'));

describe('large inserts and staged inputs (chDB)', () => {
  const temp = makeTempDir('pulse-chdb-bulk-');
  let store: AnalyticsStore;
  beforeAll(async () => {
    store = await openChdb({ dataDir: temp.dir });
    await store.command('CREATE TABLE default.bulk (n UInt32, label String) ENGINE = MergeTree ORDER BY n');
  });
  afterAll(async () => {
    await store?.close();
    temp.remove();
    fs.rmSync(ownTmp, { recursive: true, force: true });
  });

  it('writes every row once, batch after batch, through files it removes', async () => {
    const rows = Array.from({ length: 250_000 }, (_, n) => ({ n, label: `row ${n} — ünïcode` }));
    const progress: number[] = [];
    await store.insert('default.bulk', rows, { onProgress: (w) => progress.push(w) });
    expect(progress).toEqual([100_000, 200_000, 250_000]);
    const [stored] = await store.query<{ rows: number; distinct: number; label: string }>(
      'SELECT count() AS rows, uniqExact(n) AS distinct, anyIf(label, n = 7) AS label FROM default.bulk',
    );
    expect(stored).toEqual({ rows: 250_000, distinct: 250_000, label: 'row 7 — ünïcode' });
    expect(stagedFiles()).toEqual([]);
  });

  it('a failing insert rejects and leaves no staged file behind', async () => {
    const rows = Array.from({ length: 150_000 }, (_, n) => ({ n }));
    await expect(store.insert('default.missing_table', rows)).rejects.toThrow(/missing_table/);
    expect(stagedFiles()).toEqual([]);
  });

  it('staged inputs are files until released', async () => {
    const staged = await store.stage({ a: { structure: 'n UInt32', rows: [{ n: 1 }] } });
    expect(stagedFiles()).toHaveLength(1);
    await staged.release();
    expect(stagedFiles()).toEqual([]);
  });

  it('stages in the temp dir it checks (else the checks above would prove nothing)', () => {
    expect(os.tmpdir()).toBe(ownTmp);
  });
});
