import { describe, expect, it } from 'vitest';
import { Random, sampleWeighted, WeightedTable } from './random.js';

const draws = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.float());

describe('Random', () => {
  it('replays the same sequence for the same seed and another for another seed', () => {
    expect(draws(new Random('a'), 5)).toEqual(draws(new Random('a'), 5));
    expect(draws(new Random('a'), 5)).not.toEqual(draws(new Random('b'), 5));
  });

  it('draws uniformly in [0, 1) and integers within both bounds', () => {
    const random = new Random('uniform');
    const values = draws(random, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const ints = new Set(Array.from({ length: 1_000 }, () => random.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('samples distinct items in their original order', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const picked = new Random('sample').sample(items, 10);
    expect(picked).toHaveLength(10);
    expect(new Set(picked).size).toBe(10);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    expect(new Random('sample').sample(items, 500)).toEqual(items);
  });

  it('samples distinct items by weight, in their original order', () => {
    // Items 0–99 weigh 1, items 100–199 weigh 3: of 40 picked, clearly more than half are heavy.
    const items = Array.from({ length: 200 }, (_, i) => i);
    const random = new Random('weighted');
    let heavy = 0;
    for (let round = 0; round < 50; round += 1) {
      const picked = sampleWeighted(random, items, (i) => (i < 100 ? 1 : 3), 40);
      expect(new Set(picked).size).toBe(40);
      expect([...picked].sort((a, b) => a - b)).toEqual(picked);
      heavy += picked.filter((i) => i >= 100).length;
    }
    expect(heavy / (50 * 40)).toBeGreaterThan(0.65);
    expect(sampleWeighted(new Random('weighted'), items, () => 1, 500)).toEqual(items);
  });

  it('has a Poisson mean close to the asked one', () => {
    const random = new Random('poisson');
    const n = 20_000;
    let total = 0;
    for (let i = 0; i < n; i += 1) total += random.poisson(1.5);
    expect(total / n).toBeGreaterThan(1.45);
    expect(total / n).toBeLessThan(1.55);
  });
});

describe('WeightedTable', () => {
  it('picks by weight and never a zero-weight value', () => {
    const table = new WeightedTable([
      ['a', 3],
      ['never', 0],
      ['b', 1],
    ] as const);
    const random = new Random('weights');
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40_000; i += 1) counts[table.pick(random)] += 1;
    expect(counts.never).toBe(0);
    expect(counts.a / (counts.a + counts.b)).toBeGreaterThan(0.74);
    expect(counts.a / (counts.a + counts.b)).toBeLessThan(0.76);
  });

  it('rejects tables it cannot sample', () => {
    expect(() => new WeightedTable([['a', 0]])).toThrow(RangeError);
    expect(
      () =>
        new WeightedTable([
          ['a', -1],
          ['b', 2],
        ]),
    ).toThrow(RangeError);
  });
});
