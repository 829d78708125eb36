// The ClickHouse store: one @clickhouse/client per process, embedded (chDB) or over HTTP. Same SQL on both.
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';

export interface AnalyticsStore {
  readonly driver: 'chdb' | 'http';
  readonly client: ClickHouseClient;
  /** `SELECT 1` through the client; rejects when ClickHouse is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Settings both drivers share, so results have the same shape whichever answers. */
export const CLIENT_SETTINGS: ClickHouseSettings = {
  // Counts arrive as JSON numbers on both drivers (HTTP quotes UInt64 by default).
  output_format_json_quote_64bit_integers: 0,
  date_time_input_format: 'best_effort',
};

/** Runs a parameterised query and returns its rows. Values bind through `{name:Type}` placeholders. */
export async function queryRows<Row>(
  store: Pick<AnalyticsStore, 'client'>,
  query: string,
  params: Record<string, unknown> = {},
): Promise<Row[]> {
  const result = await store.client.query({ query, query_params: params, format: 'JSONEachRow' });
  return result.json<Row>();
}

/** Inserts rows as JSONEachRow (the format every driver passes through). */
export async function insertRows(store: Pick<AnalyticsStore, 'client'>, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  await store.client.insert({ table, values: rows as object[], format: 'JSONEachRow' });
}

export async function pingWithSelect(client: ClickHouseClient): Promise<void> {
  const rows = await queryRows<{ ok: number }>({ client }, 'SELECT 1 AS ok');
  if (rows[0]?.ok !== 1) throw new Error('ClickHouse answered SELECT 1 with an unexpected result');
}
