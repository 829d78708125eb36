// The masks bound for the rollups' day runs, against a bit-by-bit reference.
import { describe, expect, it } from 'vitest';
import { blockMask, blockMasks, dayNumber } from './day-masks.js';

/** Bit by bit: day block × 64 + i is in lo..hi. */
const reference = (block: number, lo: number, hi: number) => {
  let mask = 0n;
  for (let i = 0; i < 64; i++) if (block * 64 + i >= lo && block * 64 + i <= hi) mask |= 1n << BigInt(i);
  return mask;
};

describe('blockMask', () => {
  it('equals the bit-by-bit mask on block edges, whole blocks, single days and empty runs', () => {
    const cases: [number, number, number][] = [
      [320, 320 * 64, 320 * 64 + 63],
      [320, 320 * 64 + 5, 320 * 64 + 5],
      [320, 320 * 64 + 63, 321 * 64 + 10],
      [321, 320 * 64 + 63, 321 * 64 + 10],
      [322, 320 * 64 + 63, 321 * 64 + 10],
      [319, 320 * 64, 321 * 64],
      [0, 0, 20_500],
    ];
    for (const [block, lo, hi] of cases) expect(blockMask(block, lo, hi)).toBe(reference(block, lo, hi));
    expect(blockMask(320, 320 * 64, 320 * 64 + 63)).toBe(2n ** 64n - 1n);
  });
});

describe('blockMasks', () => {
  it('lists every block a run touches with its mask: a year touches 6 or 7 blocks', () => {
    const hi = dayNumber(new Date('2026-12-06T12:00:00Z'));
    const lo = hi - 365;
    const { blocks, masks } = blockMasks(lo, hi);
    expect(blocks[0]).toBe(Math.floor(lo / 64));
    expect(blocks.at(-1)).toBe(Math.floor(hi / 64));
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    blocks.forEach((b, i) => expect(masks[i]).toBe(reference(b, lo, hi)));
    const days = masks.reduce((n, m) => n + m.toString(2).split('1').length - 1, 0);
    expect(days).toBe(366);
  });
});
