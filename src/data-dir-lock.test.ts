import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, readLock, takeOver } from './data-dir-lock.js';
import { makeTempDir } from './test/temp-dir.js';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('pulse-lock-');
  temps.push(temp.remove);
  return temp.dir;
}

describe('data dir lock', () => {
  it('refuses a second holder while the first process lives, naming its pid and what to do', async () => {
    const dir = tempDir();
    // A real second process holds the lock (a lock is per process, so the holder must be another one).
    const file = JSON.stringify(path.join(dir, LOCK_FILE));
    const holder = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); fs.writeFileSync(${file} + '.tmp', JSON.stringify({ pid: process.pid, command: 'serve', startedAt: 'then', url: 'http://127.0.0.1:3999' })); fs.renameSync(${file} + '.tmp', ${file}); setInterval(() => {}, 1000)`,
    ]);
    try {
      await waitFor(() => fs.existsSync(path.join(dir, LOCK_FILE)));
      const attempt = () => acquireDataDirLock(dir, 'projects create');
      expect(attempt).toThrow(DataDirLockedError);
      expect(attempt).toThrow(new RegExp(`pid ${holder.pid} \\("pulse serve"`));
      expect(attempt).toThrow(/use its API instead \(http:\/\/127\.0\.0\.1:3999\/api\/docs\)/);
      expect(attempt).toThrow(/Stop that process first/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: gone.pid, command: 'serve', startedAt: 'then' }));
    const lock = acquireDataDirLock(dir, 'serve');
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'serve' });
    lock.release();
  });

  it('a stale-lock takeover that lost the race leaves the winner holding (no check-then-act)', async () => {
    const dir = tempDir();
    const file = path.join(dir, LOCK_FILE);
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    fs.writeFileSync(file, JSON.stringify({ pid: gone.pid, command: 'serve', startedAt: 'then' }));
    // This process judges the lock stale…
    const judged = readLock(file)!;
    // …and before it acts, another process takes the dir over: the stale file goes, its own lock appears.
    const winner = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      fs.rmSync(file);
      const winnerLock = JSON.stringify({ pid: winner.pid, command: 'serve', startedAt: 'now' });
      fs.writeFileSync(file, winnerLock);
      expect(takeOver(file, judged, { pid: process.pid, command: 'seed', startedAt: 'now' })).toBe(false);
      expect(fs.readFileSync(file, 'utf8')).toBe(winnerLock);
      expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]);
      expect(() => acquireDataDirLock(dir, 'seed')).toThrow(new RegExp(`pid ${winner.pid} `));
    } finally {
      winner.kill();
    }
    // The file judged stale is still the one there: the takeover goes through.
    const fresh = readLock(file)!;
    await new Promise((resolve) => winner.once('exit', resolve));
    expect(takeOver(file, fresh, { pid: process.pid, command: 'seed', startedAt: 'now' })).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'seed' });
    fs.rmSync(file);
  });

  it('records the URL once serving, and removes the file on release', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'serve');
    lock.update({ url: 'http://127.0.0.1:3000' });
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({
      pid: process.pid,
      url: 'http://127.0.0.1:3000',
    });
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    // Released means free: the same process may take it again.
    acquireDataDirLock(dir, 'migrate').release();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
