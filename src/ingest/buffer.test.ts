// The buffered writer against a real chDB: flush on size, on the timer and on close; a request whose own
// rows fail gets the error and no other request does; an INSERT never spans more than 100 partitions.
import { describe, expect, it } from 'vitest';
import { insertEvents } from '../analytics/insert-events.js';
import { clickEvent, type EventRow } from '../events/event-rows.js';
import { toStoredEvents } from '../events/stored-event.js';
import { useMigratedChdb } from '../test/migrated-chdb.js';
import { createEventBuffer, groupByPartitions, MAX_PARTITIONS_PER_INSERT } from './buffer.js';

const analytics = useMigratedChdb();

const rows = (projectId: string, n: number, at = (_i: number) => new Date()): EventRow[] =>
  Array.from({ length: n }, (_, i) =>
    clickEvent(
      { projectId, branchId: 'main' },
      { at: at(i), userId: null, data: { selector: '#a', is_anonymous: false } },
    ),
  );
/** One event in each of `n` consecutive months, from January 2015 on. */
const monthly = (projectId: string, n: number, from = 0) =>
  rows(projectId, n, (i) => new Date(Date.UTC(2015, from + i, 15)));
const count = async (projectId: string) =>
  (
    await analytics().query<{ n: number }>(
      'SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String}',
      { p: projectId },
    )
  )[0]!.n;
const write = (r: EventRow[]) => insertEvents(analytics(), r);

describe('createEventBuffer', () => {
  it('flushes when maxRows are waiting, without waiting for the timer', async () => {
    // The timer would take an hour, longer than the test may run: only the size can have flushed.
    const buffer = createEventBuffer({ write, maxRows: 10, flushIntervalMs: 3_600_000 });
    await Promise.all([buffer.add(rows('size', 6)), buffer.add(rows('size', 6))]);
    expect(await count('size')).toBe(12);
  });

  it('flushes on the timer', async () => {
    const buffer = createEventBuffer({ write, maxRows: 1_000, flushIntervalMs: 30 });
    await buffer.add(rows('timer', 3));
    expect(await count('timer')).toBe(3);
  });

  it('close() writes what is waiting (graceful shutdown) and refuses later rows', async () => {
    const buffer = createEventBuffer({ write, maxRows: 1_000, flushIntervalMs: 60_000 });
    const pending = buffer.add(rows('close', 7));
    await buffer.close();
    await pending;
    expect(await count('close')).toBe(7);
    await expect(buffer.add(rows('close', 1))).rejects.toThrow(/closed/);
  });

  it('requests that arrive while an INSERT runs go out together in the next one', async () => {
    const batches: number[] = [];
    // The first INSERT is held until the test lets it go; meanwhile flushes are asked for several times
    // (by the test, in the timer's place).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const buffer = createEventBuffer({
      write: async (r) => {
        batches.push(r.length);
        if (batches.length === 1) {
          started();
          await held;
        }
        await write(r);
      },
      maxRows: 1_000,
      flushIntervalMs: 3_600_000,
    });
    const pending = [buffer.add(rows('coalesce', 2))];
    void buffer.flush();
    await firstStarted;
    for (const n of [3, 4, 5]) {
      pending.push(buffer.add(rows('coalesce', n)));
      void buffer.flush();
    }
    release();
    await Promise.all(pending);
    expect(batches).toEqual([2, 12]);
    expect(await count('coalesce')).toBe(14);
  });

  it('a failed flush rejects every request it carried, and the next flush works again', async () => {
    // A real ClickHouse failure: the insert targets a table that does not exist, until it does.
    let table = 'analytics_internal.no_such_table';
    const failing = createEventBuffer({
      write: async (r) => analytics().insert(table, toStoredEvents(r)),
      flushIntervalMs: 20,
    });
    const results = await Promise.allSettled([failing.add(rows('fail', 2)), failing.add(rows('fail', 3))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await count('fail')).toBe(0);
    table = 'analytics_internal.events';
    await failing.add(rows('fail', 5));
    expect(await count('fail')).toBe(5);
  });

  it('a request whose rows ClickHouse refuses gets the error; the others in its flush are written', async () => {
    const buffer = createEventBuffer({ write, flushIntervalMs: 20 });
    // 150 distinct months: ClickHouse refuses one INSERT touching more than 100 partitions (code 252).
    const spread = monthly('iso-bad', 150);
    // A value ClickHouse cannot parse fails the combined INSERT, so each request is written alone.
    const unparsable = [{ ...rows('iso-bad', 1)[0]!, event_at: 'not a date' }];
    const results = await Promise.allSettled([
      buffer.add(rows('iso-good', 3)),
      buffer.add(spread),
      buffer.add(rows('iso-good', 4)),
      buffer.add(unparsable),
      buffer.add(monthly('iso-good', 5, 60)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/partitions/i);
    expect(await count('iso-good')).toBe(12);
    expect(await count('iso-bad')).toBe(0);
  });

  it('splits one flush into INSERTs of at most 100 months each, all written', async () => {
    const batches: number[] = [];
    const buffer = createEventBuffer({
      write: async (r) => {
        batches.push(new Set(r.map((row) => row.event_at.slice(0, 7))).size);
        await write(r);
      },
      flushIntervalMs: 20,
    });
    // 40 + 40 + 40 distinct months: the first two share an INSERT, the third needs its own.
    await Promise.all([0, 40, 80].map((from) => buffer.add(monthly('split', 40, from))));
    expect(batches).toEqual([80, 40]);
    expect(batches.every((n) => n <= MAX_PARTITIONS_PER_INSERT)).toBe(true);
    expect(await count('split')).toBe(120);
  });
});

describe('groupByPartitions', () => {
  const req = (...months: string[]) => ({ months: new Set(months) });
  it('keeps consecutive requests together while their months fit, and a request over the limit alone', () => {
    const [a, b, c, d] = [req('1', '2'), req('2', '3'), req('4', '5', '6', '7'), req('7')];
    expect(groupByPartitions([a, b, c, d], 3)).toEqual([[a, b], [c], [d]]);
    expect(groupByPartitions([a, b, c, d], 4)).toEqual([
      [a, b],
      [c, d],
    ]);
    expect(groupByPartitions([], 4)).toEqual([]);
  });
});
