// Buffered event writer: requests add their rows, one INSERT carries many requests' rows. Flushes when
// MAX_ROWS are waiting, every FLUSH_INTERVAL_MS, and on close (graceful shutdown).
//
// :TRICKY: add() resolves only once the flush that carries its rows has succeeded, and rejects if that
// flush fails. The route answers 202 after add() resolves, so a 202 always means "in ClickHouse" — never
// "in memory, may be lost". If ClickHouse is down, every request in the failed flush gets a 503 and the
// client retries; the rows are not kept (one flush is one INSERT, so it lands whole or not at all).
import type { EventRow } from '../events/event-rows.js';

export const MAX_ROWS = 20_000;
export const FLUSH_INTERVAL_MS = 50;

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

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createEventBuffer({
  write,
  maxRows = MAX_ROWS,
  flushIntervalMs = FLUSH_INTERVAL_MS,
}: EventBufferOptions): EventBuffer {
  let rows: EventRow[] = [];
  let waiters: Waiter[] = [];
  let closed: Promise<void> | undefined;
  // Flushes run one after another, so rows reach ClickHouse in the order they were accepted.
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  // Takes the waiting rows when the write STARTS, not when the flush was asked for: while one INSERT runs,
  // the requests arriving meanwhile pile up into the next one, so a busy ClickHouse gets fewer, larger
  // inserts instead of a queue of small ones (measured with `npm run bench -- ingest`).
  const writeWaiting = async (): Promise<void> => {
    if (rows.length === 0) return;
    const batch = rows;
    const batchWaiters = waiters;
    rows = [];
    waiters = [];
    try {
      await write(batch);
      for (const w of batchWaiters) w.resolve();
    } catch (error) {
      for (const w of batchWaiters) w.reject(error);
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (rows.length === 0) return chain;
    chain = chain.then(writeWaiting);
    return chain;
  };

  return {
    add(incoming) {
      if (closed) return Promise.reject(new Error('the event buffer is closed (shutting down)'));
      if (incoming.length === 0) return Promise.resolve();
      const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      for (const row of incoming) rows.push(row);
      if (rows.length >= maxRows) void flush();
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
