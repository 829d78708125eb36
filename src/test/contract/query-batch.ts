// The query batch's part of the ClickHouse store contract (analytics-store.ts): one round trip for many
// queries, each caller with exactly its own rows, on every driver.
import { expect, it } from 'vitest';
import { QueryBatch } from '../../analytics/query-batch.js';
import type { AnalyticsStore } from '../../analytics/store.js';

/** Registers the cases inside the caller's describe; `store` exists once its beforeAll has run. */
export function queryBatchCases(store: () => AnalyticsStore): void {
  it('answers a batch of queries in one round trip, each with its own rows, order and parameters', async () => {
    const batch = new QueryBatch(store());
    const ordered = batch.query<{ n: number; s: string }>(
      'SELECT number AS n, toString(number) AS s FROM numbers({count:UInt32}) ORDER BY n DESC',
      { count: 3 },
    );
    // The same parameter name with another value: each query keeps its own.
    const other = batch.query<{ n: number }>('SELECT count() AS n FROM numbers({count:UInt32})', { count: 1000 });
    const none = batch.query<{ x: string }>('SELECT {x:String} AS x WHERE 0', { x: 'never' });
    await batch.flush();
    expect(await ordered).toEqual([
      { n: 2, s: '2' },
      { n: 1, s: '1' },
      { n: 0, s: '0' },
    ]);
    expect(await other).toEqual([{ n: 1000 }]);
    expect(await none).toEqual([]);
    // After the flush a late query still answers, on its own.
    expect(await batch.query('SELECT 7 AS n')).toEqual([{ n: 7 }]);
  });

  it('binds bigint values exactly (UInt64 masks), alone and as arrays, and tells them apart by value', async () => {
    const batch = new QueryBatch(store());
    const top = 2n ** 64n - 1n;
    const q = 'SELECT toString({m:UInt64}) AS m, arrayMap(x -> toString(x), {ms:Array(UInt64)}) AS ms';
    const a = batch.query<{ m: string; ms: string[] }>(q, { m: top, ms: [top - 1n, 2n ** 53n + 1n] });
    const b = batch.query<{ m: string; ms: string[] }>(q, { m: top - 2n, ms: [] });
    await batch.flush();
    expect(await a).toEqual([{ m: `${top}`, ms: [`${top - 1n}`, `${2n ** 53n + 1n}`] }]);
    expect(await b).toEqual([{ m: `${top - 2n}`, ms: [] }]);
  });

  it('sends a query asked twice with the same parameters once, and both callers get its rows', async () => {
    const batch = new QueryBatch(store());
    // rand64() differs between two evaluations: equal answers mean one evaluation.
    const a = batch.query<{ r: string }>('SELECT toString(rand64()) AS r, {x:UInt8} AS x', { x: 1 });
    const b = batch.query<{ r: string }>('SELECT toString(rand64()) AS r, {x:UInt8} AS x', { x: 1 });
    const c = batch.query<{ r: string }>('SELECT toString(rand64()) AS r, {x:UInt8} AS x', { x: 2 });
    await batch.flush();
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(rb).toEqual(ra);
    expect(rb).not.toBe(ra);
    expect(rc[0]!.r).not.toBe(ra[0]!.r);
  });

  it('rejects every query of a batch when one of them fails', async () => {
    const batch = new QueryBatch(store());
    const good = batch.query('SELECT 1 AS n');
    const bad = batch.query('SELECT no_such_column FROM numbers(1)');
    const settled = Promise.allSettled([good, bad]);
    await batch.flush();
    const [a, b] = await settled;
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    expect(String((b as PromiseRejectedResult).reason)).toMatch(/no_such_column/);
  });
}
