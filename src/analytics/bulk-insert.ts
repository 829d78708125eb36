// Large inserts (preview seeding). Through the chDB connection, JSONEachRow is parsed on one thread as it
// streams in; written to a temporary file and read back with `INSERT … SELECT FROM file()`, chDB parses
// it in parallel (measured ~3× faster for a standard preview's events). A server over HTTP gets the
// ordinary streamed insert: its files are not ours to write.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalyticsError, insertRows, runCommand, type AnalyticsStore } from './store.js';

/** Inserts rows; `constants` are columns given one value for every row (e.g. `{ seeded: 1 }`). */
export async function bulkInsert(
  store: AnalyticsStore,
  table: string,
  rows: readonly object[],
  constants: Record<string, number> = {},
): Promise<void> {
  if (rows.length === 0) return;
  if (store.driver !== 'chdb') {
    const extra = Object.keys(constants).length > 0;
    await insertRows(store, table, extra ? rows.map((r) => ({ ...r, ...constants })) : rows);
    return;
  }
  const file = path.join(os.tmpdir(), `pulse-insert-${crypto.randomBytes(8).toString('hex')}.jsonl`);
  try {
    let body = '';
    for (const row of rows) body += `${JSON.stringify(row)}\n`;
    await fs.promises.writeFile(file, body);
  } catch (error) {
    throw new AnalyticsError(`bulk insert into ${table} (temporary file)`, error);
  }
  try {
    const columns = Object.keys(rows[0]!);
    const names = [...columns, ...Object.keys(constants)].map((c) => `\`${c}\``).join(', ');
    const values = [...columns.map((c) => `\`${c}\``), ...Object.values(constants).map(String)].join(', ');
    // The file name is ours (random hex under the temp dir), never user input.
    await runCommand(store, `INSERT INTO ${table} (${names}) SELECT ${values} FROM file('${file}', JSONEachRow)`);
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
