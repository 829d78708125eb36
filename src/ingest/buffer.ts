// Buffered event writer: requests add their rows, one INSERT carries many requests' rows. Flushes when
// MAX_ROWS are waiting, every FLUSH_INTERVAL_MS, and on close (graceful shutdown).
//
// :TRICKY: add() resolves only once an INSERT that carries its rows has succeeded, and rejects if its own
// rows cannot be written. The route answers 202 after add() resolves, so a 202 always means "in
// ClickHouse" — never "in memory, may be lost". One request never fails another: when a combined INSERT
// fails, each request's rows are written again on their own, so only a request whose own rows fail gets
// the error.
// An INSERT never touches more than MAX_PARTITIONS_PER_INSERT monthly partitions (ClickHouse refuses it).
import type { EventRow } from '../events/event-rows.js';

export const MAX_ROWS = 20_000;
export const FLUSH_INTERVAL_MS = 50;
/** ClickHouse's max_partitions_per_insert_block; events are partitioned by toYYYYMM(event_at). */
export const MAX_PARTITIONS_PER_INSERT = 100;

export interface EventBufferOptions {
  /** Writes one batch (one INSERT). */
  write: (rows: EventRow[]) => Promise<void>;
  maxRows?: number;
  flushIntervalMs?: number;
}

export interface EventBuffer {
  /** Resolves when these rows are written; rejects with the write's error. */
  add(rows: readonly EventRow[]): Promise<void>;
  /** Writes whatever is waiting now. */
  flush(): Promise<void>;
  /** Flushes what is waiting and refuses new rows; idempotent. */
  close(): Promise<void>;
}

interface Pending {
  rows: readonly EventRow[];
  /** The monthly partitions its rows fall in ('YYYY-MM' of the UTC event_at). */
  months: ReadonlySet<string>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const monthsOf = (rows: readonly EventRow[]) => new Set(rows.map((r) => r.event_at.slice(0, 7)));

/** Consecutive requests grouped so each group's rows span at most `limit` months (a request over it alone). */
export function groupByPartitions<T extends { months: ReadonlySet<string> }>(pending: readonly T[], limit: number) {
  const groups: T[][] = [];
  let group: T[] = [];
  let months = new Set<string>();
  for (const p of pending) {
    const union = new Set([...months, ...p.months]);
    if (group.length > 0 && union.size > limit) {
      groups.push(group);
      group = [p];
      months = new Set(p.months);
    } else {
      group.push(p);
      months = union;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

export function createEventBuffer({
  write,
  maxRows = MAX_ROWS,
  flushIntervalMs = FLUSH_INTERVAL_MS,
}: EventBufferOptions): EventBuffer {
  let waiting: Pending[] = [];
  let waitingRows = 0;
  let closed: Promise<void> | undefined;
  // Flushes run one after another, so rows reach ClickHouse in the order they were accepted.
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const writeGroup = async (group: Pending[]): Promise<void> => {
    try {
      await write(group.flatMap((p) => p.rows));
      for (const p of group) p.resolve();
    } catch (error) {
      if (group.length === 1) {
        for (const p of group) p.reject(error);
        return;
      }
      // Side by side: a failure that is every request's own still answers within one more write.
      await Promise.all(group.map((p) => write([...p.rows]).then(p.resolve, p.reject)));
    }
  };

  // Takes the waiting rows when the write STARTS, not when the flush was asked for: while one INSERT runs,
  // the requests arriving meanwhile pile up into the next one, so a busy ClickHouse gets fewer, larger
  // inserts instead of a queue of small ones (measured with `npm run bench -- ingest`).
  const writeWaiting = async (): Promise<void> => {
    if (waiting.length === 0) return;
    const batch = waiting;
    waiting = [];
    waitingRows = 0;
    for (const group of groupByPartitions(batch, MAX_PARTITIONS_PER_INSERT)) await writeGroup(group);
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0) return chain;
    chain = chain.then(writeWaiting);
    return chain;
  };

  return {
    add(incoming) {
      if (closed) return Promise.reject(new Error('the event buffer is closed (shutting down)'));
      if (incoming.length === 0) return Promise.resolve();
      const done = new Promise<void>((resolve, reject) =>
        waiting.push({ rows: incoming, months: monthsOf(incoming), resolve, reject }),
      );
      waitingRows += incoming.length;
      if (waitingRows >= maxRows) void flush();
      else timer ??= setTimeout(() => void flush(), flushIntervalMs);
      return done;
    },
    flush,
    close() {
      closed ??= flush();
      return closed;
    },
  };
}
