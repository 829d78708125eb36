// A ClickHouse server (or cluster) over HTTP. Sibling of chdb.ts.
import { createClient } from '@clickhouse/client';
import { CLIENT_SETTINGS, clientStore } from './client-store.js';
import { clientSend, serverRows } from './server-rows.js';
import type { AnalyticsStore } from './store.js';

const REQUEST_TIMEOUT_MS = 30_000;

export interface ClickHouseHttpOptions {
  /** http(s)://user:pass@host:port/db */
  url: string;
}

export async function openClickHouseHttp({ url }: ClickHouseHttpOptions): Promise<AnalyticsStore> {
  // Event writers send `data_text` as a JSON object and rely on ClickHouse storing its text (docs/events-table.md).
  // It is the default; a server profile could turn it off, so the HTTP client asks for it (free over HTTP,
  // while chDB's connection would run one more SET before every query).
  const settings = { ...CLIENT_SETTINGS, input_format_json_read_objects_as_strings: 1 as const };
  const client = createClient({ url, clickhouse_settings: settings, request_timeout: REQUEST_TIMEOUT_MS });
  const store = clientStore({
    engine: 'http',
    concurrentInserts: true,
    client,
    rows: (statements, extra) => serverRows(statements, clientSend(client, extra)),
  });
  await store.ping();
  return store;
}
