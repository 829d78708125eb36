// Many read queries, one round trip. The overview asks ClickHouse ~20 questions; embedded chDB runs one
// query at a time and each pays a fixed cost before reading anything, so the overview would cost the sum
// of 20 fixed costs. A QueryBatch collects the queries its callers start in the same tick and sends them as ONE
// query: a UNION ALL whose branch i is `SELECT i, groupArray(formatRowNoNewline('JSONEachRow', *)) FROM
// (query i)`. Each caller gets back exactly the rows its own query would return on its own. On a server
// the branches of one UNION ALL still run in parallel.
//
// Callers keep their queries in plain sight (one metric per file); only the runner knows about batching.
// Two callers asking the same query with the same parameters share one branch (the live figures read
// one roster, see live-roster.ts), so a shared query costs once however many metrics read it.
import { AnalyticsError, type AnalyticsReader, type QueryParams } from './store.js';

interface Waiter {
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/** One distinct question and everyone waiting for its answer. */
interface Pending {
  query: string;
  params: QueryParams;
  waiters: Waiter[];
}

// Each waiter gets its own array, so one caller's changes never reach another.
const resolveAll = (p: Pending, rows: unknown[]) => {
  for (const w of p.waiters) w.resolve([...rows]);
};
const rejectAll = (p: Pending, error: unknown) => {
  for (const w of p.waiters) w.reject(error);
};

export class QueryBatch implements AnalyticsReader {
  /** Keyed by query and parameters: equal questions wait on one entry. */
  private pending = new Map<string, Pending>();
  private sent = false;

  constructor(private readonly store: AnalyticsReader) {}

  /** Queued until flush(); after it, a late query runs on its own (never waits forever). */
  query<Row>(query: string, params: QueryParams = {}): Promise<Row[]> {
    if (this.sent) return this.store.query<Row>(query, params);
    return new Promise<Row[]>((resolve, reject) => {
      const key = JSON.stringify([query, params], bigintAsText);
      const entry = this.pending.get(key) ?? { query, params, waiters: [] };
      entry.waiters.push({ resolve: resolve as (rows: unknown[]) => void, reject });
      this.pending.set(key, entry);
    });
  }

  /** Sends everything queued as one query; every caller's promise settles with its own rows (or the error). */
  async flush(): Promise<void> {
    this.sent = true;
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.length === 0) return;
    if (batch.length === 1) {
      const [only] = batch as [Pending];
      await this.store.query(only.query, only.params).then(
        (rows) => resolveAll(only, rows),
        (error) => rejectAll(only, error),
      );
      return;
    }
    const { query, params } = combine(batch);
    try {
      const rows = await this.store.query<{ q: number; rows: string[] }>(query, params);
      const byQuery = new Map(rows.map((row) => [row.q, row.rows]));
      batch.forEach((p, i) => {
        const encoded = byQuery.get(i);
        if (encoded === undefined)
          rejectAll(p, new AnalyticsError('batched query', new Error(`no result for query ${i}`)));
        else
          resolveAll(
            p,
            encoded.map((line) => JSON.parse(line) as unknown),
          );
      });
    } catch (error) {
      for (const p of batch) rejectAll(p, error);
    }
  }
}

/** Bound values may be bigint (UInt64 masks), which JSON.stringify refuses; the prefix keeps them apart from strings. */
const bigintAsText = (_: string, value: unknown) => (typeof value === 'bigint' ? `\u0000bigint:${value}` : value);

/** Placeholders look like `{name:Type}`; each query's get a `qN_` prefix so equal names never clash. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*):/g;

export function combine(batch: readonly Pick<Pending, 'query' | 'params'>[]): { query: string; params: QueryParams } {
  const params: QueryParams = {};
  const branches = batch.map(({ query, params: own }, i) => {
    // Only the values a query names travel: callers bind one set of parameters for many queries.
    const renamed = query.replace(PLACEHOLDER, (_, name: string) => {
      if (name in own) params[`q${i}_${name}`] = own[name];
      return `{q${i}_${name}:`;
    });
    return `SELECT ${i} AS q, groupArray(formatRowNoNewline('JSONEachRow', *)) AS rows FROM (${renamed})`;
  });
  return { query: branches.join('\nUNION ALL\n'), params };
}
