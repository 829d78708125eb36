// Large inserts (preview seeding). Through the chDB connection, JSONEachRow is parsed on one thread as it
// streams in; written to a temporary file and read back with `INSERT … SELECT FROM file()`, chDB parses
// it in parallel (measured ~3× faster for a standard preview's events). A server over HTTP gets the
// ordinary streamed insert: its files are not ours to write.
//
// The two halves are separate so a writer can stage the next batch (JavaScript, on the event loop) while
// chDB inserts the current one (its own threads): see writeBulkBatches.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalyticsError, insertJsonEachRow, runCommand, type AnalyticsStore } from './store.js';

/** Rows written to a temporary file, ready for insertStaged (which removes the file). */
export interface StagedRows {
  file: string;
  columns: string[];
  constants: Record<string, number>;
}

/**
 * Writes rows to a temporary JSONEachRow file as ONE JSON array (JSONEachRow reads `[{…},{…}]` too): a
 * single JSON.stringify of 100,000 large-preview events took 750–810 ms with the write, against
 * 1,090–1,460 ms for one call per row appended to a string (measured; chDB's insert the same).
 */
export async function stageRows(rows: readonly object[], constants: Record<string, number> = {}): Promise<StagedRows> {
  const file = path.join(os.tmpdir(), `pulse-insert-${crypto.randomBytes(8).toString('hex')}.json`);
  try {
    await fs.promises.writeFile(file, JSON.stringify(rows));
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    throw new AnalyticsError('bulk insert (temporary file)', error);
  }
  return { file, columns: Object.keys(rows[0] ?? {}), constants };
}

/** INSERT … SELECT FROM file() of staged rows; the file is removed whatever happens. */
export async function insertStaged(store: AnalyticsStore, table: string, staged: StagedRows): Promise<void> {
  try {
    const { columns, constants } = staged;
    const names = [...columns, ...Object.keys(constants)].map((c) => `\`${c}\``).join(', ');
    const values = [...columns.map((c) => `\`${c}\``), ...Object.values(constants).map(String)].join(', ');
    // The file name is ours (random hex under the temp dir), never user input.
    await runCommand(store, `INSERT INTO ${table} (${names}) SELECT ${values} FROM file('${staged.file}', JSONEachRow)`);
  } finally {
    await fs.promises.rm(staged.file, { force: true });
  }
}

/** Below this many rows, chDB's raw insert beats the temporary file: a standard preview's four mirror
 * tables (586 users, 586 channels, 8 teams, ~29 members) took 30–40 ms raw against 60–75 ms through files
 * (measured, scratch-style, 4 runs each). */
const SMALL_INSERT_ROWS = 10_000;

/** Inserts rows; `constants` are columns given one value for every row (e.g. `{ seeded: 1 }`). */
export async function bulkInsert(
  store: AnalyticsStore,
  table: string,
  rows: readonly object[],
  constants: Record<string, number> = {},
): Promise<void> {
  if (rows.length === 0) return;
  if (store.driver !== 'chdb' || rows.length <= SMALL_INSERT_ROWS) {
    const extra = Object.keys(constants).length > 0;
    await insertJsonEachRow(store, table, extra ? rows.map((r) => ({ ...r, ...constants })) : rows);
    return;
  }
  await insertStaged(store, table, await stageRows(rows, constants));
}

/**
 * Inserts rows in batches of `batchRows`, in order; on chDB the next batch is staged while the current
 * one is inserted (`large` preview: 36.9k → 52.0k events/s on 2 cores, see docs/benchmarks.md).
 * `toRow` turns each row into what is inserted, one batch at a time (so a large write never holds two
 * copies of every row). `onBatch` runs after each batch is in, with the number of rows written so far.
 */
export async function writeBulkBatches<T extends object>(
  store: AnalyticsStore,
  table: string,
  rows: readonly T[],
  options: { batchRows: number; constants?: Record<string, number>; toRow?: (row: T) => object; onBatch?: (written: number) => void },
): Promise<void> {
  const { batchRows, constants = {}, toRow, onBatch } = options;
  const batch = (i: number): readonly object[] => (toRow ? rows.slice(i, i + batchRows).map(toRow) : rows.slice(i, i + batchRows));
  if (store.driver !== 'chdb') {
    for (let i = 0; i < rows.length; i += batchRows) {
      await bulkInsert(store, table, batch(i), constants);
      onBatch?.(Math.min(rows.length, i + batchRows));
    }
    return;
  }
  await pipelineBatches(rows.length, batchRows, {
    stage: (from) => stageRows(batch(from), constants),
    write: (staged) => insertStaged(store, table, staged),
    discard: (staged) => fs.promises.rm(staged.file, { force: true }),
    onBatch,
  });
}

/**
 * Items [0, count) in batches of `size`, in order: the next batch is staged (JavaScript on the event loop)
 * while the current one is written (chDB's own threads). `write` owns its staged batch (cleans it up
 * whatever happens); `discard` cleans up a batch staged but never written, as after a failed write.
 * `onBatch` runs after each write with the number of items done.
 */
export async function pipelineBatches<S>(
  count: number,
  size: number,
  steps: { stage: (from: number, to: number) => Promise<S>; write: (staged: S) => Promise<void>; discard: (staged: S) => Promise<unknown>; onBatch?: (done: number) => void },
): Promise<void> {
  // Staged ahead and awaited later: mark it handled now, so a failure while the current write runs is
  // not an unhandled rejection (the loop still sees it when it awaits).
  const stageAt = (from: number) => {
    const staged = steps.stage(from, Math.min(count, from + size));
    staged.catch(() => undefined);
    return staged;
  };
  let next: Promise<S> | undefined = count > 0 ? stageAt(0) : undefined;
  try {
    for (let from = 0; next; from += size) {
      const staged = await next;
      next = from + size < count ? stageAt(from + size) : undefined;
      await steps.write(staged);
      steps.onBatch?.(Math.min(count, from + size));
    }
  } finally {
    if (next) await next.then(steps.discard, () => undefined);
  }
}
