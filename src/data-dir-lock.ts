// One Pulse process per data dir. Two processes on one PGlite directory silently lose writes, and chDB
// refuses a second opener with an obscure lock error, so we refuse first, with a message that helps.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'pulse.lock';

export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
  /** Set by `serve` once it listens, so other commands can point at the running API. */
  url?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const api = holder.url ? ` It serves ${holder.url}; use its API instead (${holder.url}/api/docs).` : '';
    super(
      `Data dir ${dataDir} is in use by another Pulse process: pid ${holder.pid} ("pulse ${holder.command}", started ${holder.startedAt}).${api}\n` +
        `Two processes on one embedded store would lose writes, so Pulse will not share it. ` +
        `Stop that process first (kill ${holder.pid}), or give this one its own PULSE_DATA_DIR. ` +
        `If no such process is running, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Rewrites the holder record (e.g. to add the URL once listening). */
  update(patch: Partial<LockHolder>): void;
  release(): void;
}

export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  let holder: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString() };
  if (!tryCreate(file, holder)) {
    const current = readLock(file);
    const other = current?.holder;
    if (other && other.pid !== process.pid && isAlive(other.pid)) throw new DataDirLockedError(dataDir, other);
    // Stale: its process is gone. Take it over; if another process wins the race, it is the holder.
    if (!(current ? takeOver(file, current, holder) : tryCreate(file, holder))) {
      const winner = readLock(file)?.holder;
      throw new DataDirLockedError(dataDir, winner ?? { pid: 0, command: 'unknown', startedAt: 'unknown' });
    }
  }
  const onExit = () => release();
  process.once('exit', onExit);
  function release() {
    process.removeListener('exit', onExit);
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  }
  return {
    file,
    update(patch) {
      holder = { ...holder, ...patch };
      // Write beside, then rename over: readers see the old record or the new one, never half of one.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(holder));
      fs.renameSync(tmp, file);
    },
    release,
  };
}

/** Creates the lock with its content in one step: a hard link of a finished temp file either appears
 * whole or fails with EEXIST, so no reader ever sees an empty lock and mistakes it for a stale one. */
function tryCreate(file: string, holder: LockHolder): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(holder));
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** A lock file as read once: its holder (undefined if unreadable), its text and its inode. */
export interface ReadLock {
  holder: LockHolder | undefined;
  text: string;
  ino: number;
}

/** Reads text and inode through one descriptor, so both belong to the same file. */
export function readLock(file: string): ReadLock | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const text = fs.readFileSync(fd, 'utf8');
    return { holder: parseHolder(text), text, ino: fs.fstatSync(fd).ino };
  } finally {
    fs.closeSync(fd);
  }
}

function readHolder(file: string): LockHolder | undefined {
  return readLock(file)?.holder;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    return JSON.parse(text) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the lock judged stale (`stale`, as read) with ours, atomically: the file is renamed aside (only
 * one process can move a given file), and removed only if what moved is the very file judged stale (same
 * inode and text). Anything else — a live holder's lock created since — is linked back and left holding.
 * Exported for the test that plays the race.
 */
export function takeOver(file: string, stale: ReadLock, holder: LockHolder): boolean {
  const aside = `${file}.stale.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    // Someone else moved it first: whoever now creates the lock holds it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return tryCreate(file, holder);
    throw error;
  }
  const moved = readLock(aside);
  if (moved && (moved.ino !== stale.ino || moved.text !== stale.text)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // A third process created the lock in between: it holds the dir now.
    }
    fs.rmSync(aside, { force: true });
    return false;
  }
  fs.rmSync(aside, { force: true });
  return tryCreate(file, holder);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
