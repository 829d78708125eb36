// A free-space floor for the embedded stores' data dirs. A store that runs out of space mid-write can be
// left unopenable (a half-written ClickHouse mutation file), so writes are refused with a clear error while
// either disk is below the floor, long before it is full. Reads keep working.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

export type GuardedStore = 'postgres' | 'clickhouse';

const STORE_NAMES: Record<GuardedStore, string> = {
  postgres: 'database (Postgres)',
  clickhouse: 'analytics store (ClickHouse)',
};

/** Free space under the floor on a store's disk: writes are refused (HTTP 503, CLI exit 1). */
export class DiskLowError extends Error {
  constructor(
    readonly store: GuardedStore,
    readonly dir: string,
    readonly freeBytes: number,
    readonly minFreeBytes: number,
  ) {
    super(
      `The ${STORE_NAMES[store]} disk is low: ${formatBytes(freeBytes)} free at ${dir}, below the ` +
        `${formatBytes(minFreeBytes)} floor (PULSE_MIN_FREE_DISK); writes are refused until space is freed`,
    );
    this.name = 'DiskLowError';
  }
}

export interface DiskGuard {
  /** The first store whose disk is below the floor, or undefined. Cached for `cacheMs`. */
  check(): Promise<DiskLowError | undefined>;
  /** Rejects with DiskLowError while a disk is below the floor. */
  assertWritable(): Promise<void>;
  /** Looks now (no cache): the first store whose disk is (nearly) full — below NEARLY_FULL_BYTES or the floor. */
  nearlyFull(): Promise<DiskLowError | undefined>;
}

/** Less free space than this and a store's writes may block waiting for space (chDB reserves 1 MiB at a time). */
export const NEARLY_FULL_BYTES = 16 * 1024 ** 2;

export interface DiskGuardOptions {
  dirs: readonly { store: GuardedStore; dir: string }[];
  minFreeBytes: number;
  /** statfs is cheap, but not free on every request: one look per store per second. */
  cacheMs?: number;
  now?: () => number;
}

export function createDiskGuard({ dirs, minFreeBytes, cacheMs = 1_000, now = Date.now }: DiskGuardOptions): DiskGuard {
  let cached: { at: number; result: Promise<DiskLowError | undefined> } | undefined;
  const look = async (floor = minFreeBytes) => {
    for (const { store, dir } of dirs) {
      const free = await freeBytes(dir);
      if (free < floor) return new DiskLowError(store, dir, free, floor);
    }
    return undefined;
  };
  const guard: DiskGuard = {
    check() {
      if (minFreeBytes <= 0 || dirs.length === 0) return Promise.resolve(undefined);
      if (!cached || now() - cached.at >= cacheMs) cached = { at: now(), result: look() };
      return cached.result;
    },
    async assertWritable() {
      const low = await guard.check();
      if (low) throw low;
    },
    nearlyFull: () => look(Math.max(minFreeBytes, NEARLY_FULL_BYTES)),
  };
  return guard;
}

/** The guard for a process's config: the data dirs of the embedded stores (servers watch their own disks). */
export function diskGuardFor(config: Config): DiskGuard {
  const dirs: { store: GuardedStore; dir: string }[] = [];
  if (config.postgres.driver === 'pglite') dirs.push({ store: 'postgres', dir: config.postgres.dataDir });
  if (config.clickhouse.driver === 'chdb') dirs.push({ store: 'clickhouse', dir: config.clickhouse.dataDir });
  return createDiskGuard({ dirs, minFreeBytes: config.minFreeDiskBytes });
}

/** Bytes an unprivileged writer may still use on the file system holding `dir` (or its nearest existing parent). */
export async function freeBytes(dir: string): Promise<number> {
  let at = path.resolve(dir);
  for (;;) {
    try {
      const stats = await fs.promises.statfs(at);
      return stats.bavail * stats.bsize;
    } catch (error) {
      const parent = path.dirname(at);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === at) throw error;
      at = parent;
    }
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
