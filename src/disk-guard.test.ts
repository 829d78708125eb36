// The free-space floor on real file systems (statfs): under it the guard names the store; looks are cached.
import { describe, expect, it } from 'vitest';
import { createDiskGuard, DiskLowError, formatBytes, freeBytes } from './disk-guard.js';
import { makeTempDir } from './test/temp-dir.js';

const PETABYTE = 1024 ** 5;

describe('createDiskGuard', () => {
  it('passes above the floor and names the first store below it', async () => {
    const temp = makeTempDir('pulse-disk-');
    try {
      const dirs = [
        { store: 'postgres' as const, dir: temp.dir },
        { store: 'clickhouse' as const, dir: `${temp.dir}/not/yet/made` },
      ];
      expect(await createDiskGuard({ dirs, minFreeBytes: 1 }).check()).toBeUndefined();
      await expect(createDiskGuard({ dirs, minFreeBytes: 0 }).assertWritable()).resolves.toBeUndefined();
      const low = await createDiskGuard({ dirs: dirs.slice(1), minFreeBytes: PETABYTE }).check();
      expect(low).toBeInstanceOf(DiskLowError);
      expect(low).toMatchObject({ store: 'clickhouse', minFreeBytes: PETABYTE });
      // Other processes write to the same disk between the two looks: the same figure within 64 MB.
      expect(Math.abs(low!.freeBytes - (await freeBytes(temp.dir)))).toBeLessThan(64 * 1024 ** 2);
      expect(low!.message).toMatch(
        /^The analytics store \(ClickHouse\) disk is low: .* free at .*, below the 1024\.0 TB floor/,
      );
    } finally {
      temp.remove();
    }
  });

  it('looks at the disk at most once per cacheMs', async () => {
    let now = 0;
    const dirs = [{ store: 'postgres' as const, dir: '/' }];
    const guard = createDiskGuard({ dirs, minFreeBytes: PETABYTE, cacheMs: 1_000, now: () => now });
    const first = guard.check();
    expect(guard.check()).toBe(first);
    now = 999;
    expect(guard.check()).toBe(first);
    now = 1_000;
    const second = guard.check();
    expect(second).not.toBe(first);
    expect(await second).toBeInstanceOf(DiskLowError);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(300 * 1024)).toBe('300.0 KB');
    expect(formatBytes(256 * 1024 ** 2)).toBe('256.0 MB');
    expect(formatBytes(12)).toBe('12 B');
  });
});
