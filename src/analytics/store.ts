// The ClickHouse store: the one interface the rest of Pulse reads and writes analytics through. Two
// drivers implement all of it (chdb.ts embedded, clickhouse-http.ts a server), with the same SQL on
// both; how each moves rows fastest stays inside its driver.

/** Values bound to `{name:Type}` placeholders: never spliced into SQL. */
export type QueryParams = Record<string, unknown>;

/** ClickHouse settings by name, added to statements (see AnalyticsStore.withSettings). */
export type Settings = Record<string, string | number>;

/** Where read queries go: a store, or a QueryBatch that sends many as one (query-batch.ts). */
export interface AnalyticsReader {
  /** The rows of a parameterised query. */
  query<Row>(sql: string, params?: QueryParams): Promise<Row[]>;
}

/** Rows to insert: objects (sent as JSONEachRow), or JSONEachRow text already built (e.g. by Postgres). */
export type InsertRows = readonly object[] | { readonly jsonEachRow: string };

export interface InsertOptions {
  /** Told after each batch is in, with the number of rows written so far. */
  onProgress?: (written: number) => void;
}

/** Rows a statement reads as a table, with their ClickHouse structure (`'a UInt32, b String'`). */
export interface StageInput {
  structure: string;
  rows: readonly object[];
}

/** Inputs staged by AnalyticsStore.stage, until released. */
export interface Staged {
  /** The table expression that reads input `name`, for a FROM clause. */
  from(name: string): string;
  /** Removes the staged rows; safe to call twice. */
  release(): Promise<void>;
}

export interface AnalyticsStore extends AnalyticsReader {
  /** Which engine answers (`chdb` or `http`): for logs and /readyz, never to branch on. */
  readonly engine: string;
  /**
   * Whether inserts sent together run at the same time (a ClickHouse server), so one insert's views may
   * miss another's rows (src/analytics/numbering-sweep.ts); chDB runs one statement at a time.
   */
  readonly concurrentInserts: boolean;
  /** A statement that returns no rows (DELETE, ALTER, CREATE, INSERT … SELECT …). */
  command(sql: string, params?: QueryParams): Promise<void>;
  /** Inserts rows, in batches the driver picks; all-or-nothing only within one batch. */
  insert(table: string, rows: InsertRows, options?: InsertOptions): Promise<void>;
  /**
   * Puts rows where one statement can read them as tables (an `INSERT … SELECT` that expands compact
   * rows inside ClickHouse). Staging the next batch while the current one is inserted overlaps the two.
   */
  stage(inputs: Record<string, StageInput>): Promise<Staged>;
  /** The same store with these settings on every statement (benchmarks). chDB keeps them on its session
   *  for later statements too: put the defaults back the same way. */
  withSettings(settings: Settings): AnalyticsStore;
  /** `SELECT 1`; rejects when ClickHouse is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Any failure talking to ClickHouse. The HTTP layer answers 503 `analytics_unavailable`: never a silent zero. */
export class AnalyticsError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`ClickHouse ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AnalyticsError';
  }
}

/** Rows as JSONEachRow text: ONE JSON array (JSONEachRow reads `[{…},{…}]` too), far cheaper than a stringify per row. */
export const jsonEachRow = (rows: readonly object[]): string => JSON.stringify(rows);
