// The one seeded PRNG of a generation. Every random choice (faker's included, see fake-people.ts) draws
// from it in a fixed order, so the same seed always replays the same dataset.
import { createHash } from 'node:crypto';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const TWO_POW_32 = 2 ** 32;

/** A value with its relative weight; tables of these live as data next to the code that samples them. */
export type Weighted<T> = readonly [value: T, weight: number];

export class Random {
  readonly #generator: RandomGenerator;

  constructor(seed: string) {
    // 128 bits of state from the whole seed string (pure-rand's own seeding takes only 32 bits).
    const digest = createHash('sha256').update(`pulse-preview:${seed}`).digest();
    const state = [0, 1, 2, 3].map((i) => digest.readInt32LE(i * 4));
    // xoroshiro must not start from all zeros; sha256 makes that practically impossible, but be exact.
    if (!state.some((word) => word !== 0)) state[0] = 1;
    this.#generator = xoroshiro128plusFromState(state);
  }

  /** Uniform in [0, 1). One generator step: 32 bits of resolution is plenty for sampling. */
  float(): number {
    return (this.#generator.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Knuth's inversion: small means only (a handful of extra visits a day). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.float();
    while (product > limit) {
      k += 1;
      product *= this.float();
    }
    return k;
  }

  /** `count` distinct items in their original order (partial Fisher–Yates over the indices). */
  sample<T>(items: readonly T[], count: number): T[] {
    const indices = items.map((_, i) => i);
    const take = Math.min(count, items.length);
    for (let i = 0; i < take; i += 1) {
      const j = this.int(i, indices.length - 1);
      const swap = indices[i] as number;
      indices[i] = indices[j] as number;
      indices[j] = swap;
    }
    return indices
      .slice(0, take)
      .sort((a, b) => a - b)
      .map((i) => items[i] as T);
  }
}

/**
 * `count` distinct items, each drawn with a chance growing with its weight, in their original order (weighted
 * sampling without replacement: one draw per item, the largest u^(1/weight) win).
 */
export function sampleWeighted<T>(
  random: Random,
  items: readonly T[],
  weightOf: (item: T) => number,
  count: number,
): T[] {
  const keyed = items.map((item, i) => ({ i, key: random.float() ** (1 / weightOf(item)) }));
  const chosen = keyed.sort((a, b) => b.key - a.key || a.i - b.i).slice(0, count);
  return chosen.sort((a, b) => a.i - b.i).map(({ i }) => items[i] as T);
}

/** Samples a weight table in O(log n); build once per table, not per draw. */
export class WeightedTable<T> {
  readonly #values: T[];
  readonly #cumulative: Float64Array;

  constructor(entries: readonly Weighted<T>[]) {
    this.#values = entries.map(([value]) => value);
    this.#cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0)) throw new RangeError(`weight must be >= 0, got ${weight}`);
      total += weight;
      this.#cumulative[i] = total;
    });
    if (total <= 0) throw new RangeError('a weight table needs a positive total');
  }

  get values(): readonly T[] {
    return this.#values;
  }

  pick(random: Random): T {
    return this.#values[pickIndex(this.#cumulative, this.#cumulative.length, random.float())] as T;
  }
}

/**
 * The index whose cumulative bucket holds `unit` × total, skipping zero-weight buckets. `length` lets callers
 * use one slice of a larger flat array.
 */
export function pickIndex(cumulative: Float64Array, length: number, unit: number, offset = 0): number {
  const target = unit * (cumulative[offset + length - 1] as number);
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[offset + mid] as number) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}
