// What both drivers share: an AnalyticsStore over one @clickhouse/client. Each driver passes its own way
// of moving rows (`RowMover`); queries, commands and settings work the same on both.
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';
import {
  AnalyticsError,
  type AnalyticsStore,
  type InsertOptions,
  type InsertRows,
  type QueryParams,
  type Settings,
  type Staged,
  type StageInput,
} from './store.js';

/** Inserts into the events table run their three rollup views side by side instead of one after another. */
export const INSERT_SETTINGS = { parallel_view_processing: 1 } as const satisfies ClickHouseSettings;

/** Settings both drivers share, so results have the same shape whichever answers. */
export const CLIENT_SETTINGS: ClickHouseSettings = {
  // Counts arrive as JSON numbers on both drivers (HTTP quotes UInt64 by default).
  output_format_json_quote_64bit_integers: 0,
  date_time_input_format: 'best_effort',
  // `user_id IN (the mirror's users)` on a rollup keyed by user would otherwise analyse the primary key
  // against the whole set of ids, which costs more than the scan it could skip.
  use_index_for_in_with_subqueries: 0,
  ...INSERT_SETTINGS,
};

/** The statements a RowMover builds on. */
export interface Statements {
  query<Row>(sql: string, params?: QueryParams): Promise<Row[]>;
  command(sql: string, params?: QueryParams): Promise<void>;
}

/** How a driver inserts and stages rows. */
export interface RowMover {
  insert(table: string, rows: InsertRows, options: InsertOptions): Promise<void>;
  stage(inputs: Record<string, StageInput>): Promise<Staged>;
}

export interface ClientStoreOptions {
  engine: string;
  concurrentInserts: boolean;
  client: ClickHouseClient;
  /** Built once the store's statements exist (a mover may run statements of its own), with the store's settings. */
  rows: (statements: Statements, settings: Settings) => RowMover;
  settings?: Settings;
  close?: () => Promise<void>;
}

export function clientStore(options: ClientStoreOptions): AnalyticsStore {
  const { engine, concurrentInserts, client, settings } = options;
  const clickhouse_settings = settings as ClickHouseSettings | undefined;
  const statements: Statements = {
    async query<Row>(query: string, query_params: QueryParams = {}) {
      try {
        const result = await client.query({ query, query_params, format: 'JSONEachRow', clickhouse_settings });
        return await result.json<Row>();
      } catch (error) {
        throw new AnalyticsError('query', error);
      }
    },
    async command(query: string, query_params: QueryParams = {}) {
      try {
        await client.command({ query, query_params, clickhouse_settings });
      } catch (error) {
        throw new AnalyticsError('command', error);
      }
    },
  };
  const mover = options.rows(statements, settings ?? {});
  let closed = false;
  return {
    engine,
    concurrentInserts,
    ...statements,
    async insert(table, rows, insertOptions = {}) {
      if (!('jsonEachRow' in rows) && rows.length === 0) return;
      if ('jsonEachRow' in rows && rows.jsonEachRow.length === 0) return;
      try {
        await mover.insert(table, rows, insertOptions);
      } catch (error) {
        throw error instanceof AnalyticsError ? error : new AnalyticsError(`insert into ${table}`, error);
      }
    },
    stage: (inputs) => mover.stage(inputs),
    withSettings: (more) => clientStore({ ...options, settings: { ...settings, ...more }, close: async () => {} }),
    async ping() {
      const rows = await statements.query<{ ok: number }>('SELECT 1 AS ok');
      if (rows[0]?.ok !== 1) throw new AnalyticsError('ping', new Error('SELECT 1 answered with an unexpected result'));
    },
    async close() {
      if (closed) return;
      closed = true;
      await (options.close ?? (() => client.close()))();
    },
  };
}
