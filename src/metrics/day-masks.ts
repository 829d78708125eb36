// A run of days as the rollups see it (docs/rollups.md): day numbers (days since 1970-01-01, UTC) fall
// in 64-day blocks, bit i of block b being day b × 64 + i, so a run of days is one bit mask per block it
// touches. Computed here and bound as parameters, so each query compares bits with a looked-up mask
// instead of building the mask from the day numbers in SQL for every row (ClickHouse spent longer
// analysing those expressions than reading a preview's rows). Pure.
import { DAY_MS } from './window.js';

/** The day number of an instant: the rollups' `toUInt16(toDate(event_at))`. */
export const dayNumber = (instant: Date): number => Math.floor(instant.getTime() / DAY_MS);

export interface BlockMasks {
  /** Each block the days touch, in order. */
  blocks: number[];
  /** Each block's days among them, as UInt64 bits. */
  masks: bigint[];
}

/** Every day of a block: a UInt64 with all 64 bits set. */
export const ALL_BITS = (1n << 64n) - 1n;

/** The bits of block `block` for days `lo`..`hi`, both included (0n when none is in the block). */
export function blockMask(block: number, lo: number, hi: number): bigint {
  const first = Math.max(lo, block * 64) - block * 64;
  const last = Math.min(hi, block * 64 + 63) - block * 64;
  if (first > last) return 0n;
  return (ALL_BITS >> BigInt(63 - last + first)) << BigInt(first);
}

/** The masks of days `lo`..`hi`, both included, per block. */
export function blockMasks(lo: number, hi: number): BlockMasks {
  const blocks: number[] = [];
  for (let b = Math.floor(lo / 64); b <= Math.floor(hi / 64); b++) blocks.push(b);
  return { blocks, masks: blocks.map((b) => blockMask(b, lo, hi)) };
}
