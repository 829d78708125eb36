// Start-up repair for the embedded ClickHouse: a mutation (DELETE, ALTER … UPDATE) that failed while its
// `mutation_N.txt` was being written — a full disk — leaves that file empty or cut short, and ClickHouse then
// refuses to attach the table ("expected 'format version: 1'"), so nothing opens. Such a file holds no
// mutation ClickHouse ever accepted; it is moved aside (kept, not deleted) before chDB opens the data dir.
import fs from 'node:fs';
import path from 'node:path';

/** Where damaged files go, under the chDB data dir (outside every table, so ClickHouse never reads them). */
export const DAMAGED_DIR = 'damaged';

const MUTATION_FILE = /^mutation_\d+\.txt$/;
// What ClickHouse writes first; a file without it, or without its commands line, was cut short.
const COMPLETE = /^format version: 1\ncreate time: [^\n]+\ncommands: /;

export interface MovedFile {
  from: string;
  to: string;
  bytes: number;
}

/** Moves every empty or partial mutation file of the data dir's tables aside; returns what it moved. */
export function recoverDamagedMutations(dir: string, now = new Date()): MovedFile[] {
  if (!fs.existsSync(dir)) return [];
  const dataDir = fs.realpathSync(dir);
  const moved: MovedFile[] = [];
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const tableDir of tableDirs(dataDir)) {
    for (const name of safeReaddir(tableDir)) {
      if (!MUTATION_FILE.test(name)) continue;
      const from = path.join(tableDir, name);
      const text = readStart(from);
      if (text === undefined || COMPLETE.test(text)) continue;
      const to = path.join(dataDir, DAMAGED_DIR, stamp, path.relative(dataDir, tableDir), name);
      const { size } = fs.statSync(from);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.renameSync(from, to);
      moved.push({ from, to, bytes: size });
    }
  }
  return moved;
}

/** Table data dirs: `store/<xyz>/<uuid>/` (Atomic databases) and `data/<db>/<table>/` (others), each once. */
function tableDirs(dataDir: string): string[] {
  const seen = new Set<string>();
  for (const top of ['store', 'data']) {
    for (const a of safeReaddir(path.join(dataDir, top))) {
      for (const b of safeReaddir(path.join(dataDir, top, a))) {
        const dir = path.join(dataDir, top, a, b);
        try {
          const real = fs.realpathSync(dir);
          if (fs.statSync(real).isDirectory()) seen.add(real);
        } catch {
          // A dangling link of a dropped table: nothing to repair.
        }
      }
    }
  }
  return [...seen];
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** The first 4 KB of a file (enough for its header), or undefined if it cannot be read. */
function readStart(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(4_096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
