// Embedded ClickHouse (chDB) through @clickhouse/client's connection hook. Sibling of clickhouse-http.ts.
// :TRICKY: chDB binds one data directory per process and must never run in a worker thread.
import fs from 'node:fs';
import { createClient } from '@clickhouse/client';
import { createChdbConnection } from 'chdb/connection';
import { CLIENT_SETTINGS, pingWithSelect, type AnalyticsStore } from './store.js';

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];

export interface ChdbOptions {
  dataDir: string;
}

export async function openChdb({ dataDir }: ChdbOptions): Promise<AnalyticsStore> {
  fs.mkdirSync(dataDir, { recursive: true });
  // chdb types its connection against its own copy of @clickhouse/client-common; the shapes match at runtime.
  const connection = createChdbConnection({ path: dataDir }) as unknown as ClientConnection;
  const client = createClient({ connection, clickhouse_settings: CLIENT_SETTINGS });
  const raw = (connection as unknown as { chdb: { rawInsert(params: object): Promise<unknown> } }).chdb;
  await pingWithSelect(client);
  let closed = false;
  return {
    driver: 'chdb',
    client,
    async rawInsert(table, ndjson) {
      // Same input settings as the client's, so both paths parse rows identically.
      await raw.rawInsert({ table, values: ndjson, format: 'JSONEachRow', settings: { date_time_input_format: 'best_effort' } });
    },
    ping: () => pingWithSelect(client),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}
