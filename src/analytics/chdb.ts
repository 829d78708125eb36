// Embedded ClickHouse (chDB) through @clickhouse/client's connection hook. Sibling of clickhouse-http.ts.
// :TRICKY: chDB binds one data directory per process and must never run in a worker thread.
import fs from 'node:fs';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { chdbRows, type RawInsert } from './chdb-rows.js';
import { CLIENT_SETTINGS, clientStore, INSERT_SETTINGS } from './client-store.js';
import type { AnalyticsStore } from './store.js';

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];

export interface ChdbOptions {
  dataDir: string;
}

/** The client on an embedded engine, and chDB's own insert beside it. */
export function createChdbClient({ dataDir }: ChdbOptions): { client: ClickHouseClient; rawInsert: RawInsert } {
  fs.mkdirSync(dataDir, { recursive: true });
  // chdb types its connection against its own copy of @clickhouse/client-common; the shapes match at runtime.
  const connection = createChdbConnection({ path: dataDir }) as unknown as ClientConnection;
  const client = createClient({ connection, clickhouse_settings: CLIENT_SETTINGS });
  const raw = (connection as unknown as { chdb: { rawInsert(params: object): Promise<unknown> } }).chdb;
  const rawInsert: RawInsert = async (table, bytes, settings) => {
    // Same input settings as the client's, so both paths parse rows identically.
    await raw.rawInsert({
      table,
      values: bytes,
      format: 'JSONEachRow',
      settings: { date_time_input_format: 'best_effort', ...INSERT_SETTINGS, ...settings },
    });
  };
  return { client, rawInsert };
}

export async function openChdb(options: ChdbOptions): Promise<AnalyticsStore> {
  const { client, rawInsert } = createChdbClient(options);
  const store = clientStore({
    engine: 'chdb',
    concurrentInserts: false,
    client,
    rows: (statements, settings) => chdbRows(statements, rawInsert, settings),
  });
  await store.ping();
  return store;
}
