// How the embedded engine moves rows. Small inserts hand the JSON text straight to chDB's parser (no SQL
// round trip). Large ones go through temporary files read back with `INSERT … SELECT FROM file()`, which
// chDB parses on all cores instead of one, staging the next batch while the current one is inserted.
// Staged inputs are files too, read with file().
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RowMover, Statements } from './client-store.js';
import { pipelineBatches } from './pipeline-batches.js';
import { AnalyticsError, jsonEachRow, type Settings, type Staged, type StageInput } from './store.js';

/** chDB's own insert of JSONEachRow bytes, with the client's input settings. */
export type RawInsert = (table: string, bytes: Uint8Array, settings: Settings) => Promise<void>;

/** Below this many rows the raw insert beats a temporary file. */
const SMALL_INSERT_ROWS = 10_000;
/** Rows per staged file: large enough to use every core, small enough to hold one batch's text. */
const BATCH_ROWS = 100_000;

// TextEncoder, not Buffer.from: it encodes large JSON strings about twice as fast on Node 20.
const utf8 = new TextEncoder();

async function writeTempFile(text: string): Promise<string> {
  const file = path.join(os.tmpdir(), `pulse-insert-${crypto.randomBytes(8).toString('hex')}.json`);
  try {
    await fs.promises.writeFile(file, text);
    return file;
  } catch (error) {
    await removeFiles([file]);
    throw new AnalyticsError('staging rows in a temporary file', error);
  }
}

const removeFiles = (files: readonly string[]) => Promise.all(files.map((f) => fs.promises.rm(f, { force: true })));
const quoted = (name: string) => `\`${name}\``;

export function chdbRows(statements: Statements, rawInsert: RawInsert, settings: Settings = {}): RowMover {
  return {
    async insert(table, rows, { onProgress }) {
      if ('jsonEachRow' in rows) return rawInsert(table, utf8.encode(rows.jsonEachRow), settings);
      if (rows.length <= SMALL_INSERT_ROWS) {
        await rawInsert(table, utf8.encode(jsonEachRow(rows)), settings);
        onProgress?.(rows.length);
        return;
      }
      const columns = Object.keys(rows[0] ?? {})
        .map(quoted)
        .join(', ');
      await pipelineBatches(rows.length, BATCH_ROWS, {
        stage: (from, to) => writeTempFile(jsonEachRow(rows.slice(from, to))),
        async write(file) {
          try {
            // The file name is ours (random hex under the temp dir), never user input.
            await statements.command(
              `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM file('${file}', JSONEachRow)`,
            );
          } finally {
            await removeFiles([file]);
          }
        },
        discard: (file) => removeFiles([file]),
        onBatch: onProgress,
      });
    },

    async stage(inputs) {
      const names = Object.keys(inputs);
      const written = await Promise.allSettled(names.map((name) => writeTempFile(jsonEachRow(inputs[name]!.rows))));
      const files = written.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : []));
      const failed = written.find((w): w is PromiseRejectedResult => w.status === 'rejected');
      if (failed) {
        await removeFiles(files);
        throw failed.reason;
      }
      return stagedFiles(new Map(names.map((name, i) => [name, { file: files[i]!, input: inputs[name]! }])));
    },
  };
}

function stagedFiles(byName: Map<string, { file: string; input: StageInput }>): Staged {
  return {
    from(name) {
      const staged = byName.get(name);
      if (!staged) throw new Error(`nothing staged as ${JSON.stringify(name)}`);
      return `file('${staged.file}', JSONEachRow, '${staged.input.structure}')`;
    },
    release: async () => void (await removeFiles([...byName.values()].map((s) => s.file))),
  };
}
