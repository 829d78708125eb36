// One Pulse process per data dir. Two processes on one PGlite directory silently lose writes, and chDB
// refuses a second opener with an obscure lock error, so we refuse first, with a message that helps.
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
    const current = readHolder(file);
    if (current && isAlive(current.pid) && current.pid !== process.pid) throw new DataDirLockedError(dataDir, current);
    // Stale: its process is gone. Take it over; if another process wins the race, it is the holder.
    fs.rmSync(file, { force: true });
    if (!tryCreate(file, holder)) {
      const winner = readHolder(file);
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

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
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
