// Batched bulk inserts on embedded chDB: every row lands once, batches go in order, and no temporary file
// outlives the call, also when the insert fails with the next batch already staged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/temp-dir.js';
import { writeBulkBatches } from './bulk-insert.js';
import { openChdb } from './chdb.js';
import { queryRows, runCommand, type AnalyticsStore } from './store.js';

// Staged files go to os.tmpdir(). Test files run in parallel processes, and their inserts stage files there
// too: this file gets a temp dir of its own (os.tmpdir() follows TMPDIR), so the counts below see only its own.
const ownTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-bulk-test-'));
process.env.TMPDIR = ownTmp;
const stagedFiles = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('pulse-insert-'));

describe('writeBulkBatches (chDB)', () => {
  const temp = makeTempDir('pulse-chdb-bulk-');
  let store: AnalyticsStore;
  beforeAll(async () => {
    store = await openChdb({ dataDir: temp.dir });
    await runCommand(store, 'CREATE TABLE default.bulk (n UInt32, label String, seeded UInt8) ENGINE = MergeTree ORDER BY n');
  });
  afterAll(async () => {
    await store?.close();
    temp.remove();
    fs.rmSync(ownTmp, { recursive: true, force: true });
  });

  it('writes every row once, batch after batch, with the constant columns', async () => {
    const rows = Array.from({ length: 25 }, (_, n) => ({ n, label: `row ${n} — ünïcode` }));
    const progress: number[] = [];
    const before = stagedFiles();
    await writeBulkBatches(store, 'default.bulk', rows, { batchRows: 10, constants: { seeded: 1 }, onBatch: (w) => progress.push(w) });
    expect(progress).toEqual([10, 20, 25]);
    const stored = await queryRows<{ n: number; label: string; seeded: number }>(store, 'SELECT n, label, seeded FROM default.bulk ORDER BY n');
    expect(stored).toEqual(rows.map((r) => ({ ...r, seeded: 1 })));
    expect(stagedFiles()).toEqual(before);
  });

  it('a failing insert rejects and leaves no staged file behind', async () => {
    const before = stagedFiles();
    const rows = Array.from({ length: 30 }, (_, n) => ({ n }));
    await expect(writeBulkBatches(store, 'default.missing_table', rows, { batchRows: 10 })).rejects.toThrow(/missing_table/);
    expect(stagedFiles()).toEqual(before);
  });

  it('stages in the temp dir it checks (else the checks above would prove nothing)', () => {
    expect(os.tmpdir()).toBe(ownTmp);
  });
});
