// The buffered writer against a real chDB: flush on size, on the timer and on close; a failed flush
// rejects every request it carried (so none of them is answered 202).
import { describe, expect, it } from 'vitest';
import { insertEvents } from '../analytics/insert-events.js';
import { clickEvent, type EventRow } from '../events/event-rows.js';
import { toStoredEvents } from '../events/stored-event.js';
import { useMigratedChdb } from '../test/migrated-chdb.js';
import { createEventBuffer } from './buffer.js';

const analytics = useMigratedChdb();

const rows = (projectId: string, n: number): EventRow[] =>
  Array.from({ length: n }, () =>
    clickEvent(
      { projectId, branchId: 'main' },
      { at: new Date(), userId: null, data: { selector: '#a', is_anonymous: false } },
    ),
  );
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
});
