// A ClickHouse server (or cluster) over HTTP. Sibling of chdb.ts.
import { createClient } from '@clickhouse/client';
import { CLIENT_SETTINGS, pingWithSelect, type AnalyticsStore } from './store.js';

const REQUEST_TIMEOUT_MS = 30_000;

export interface ClickHouseHttpOptions {
  /** http(s)://user:pass@host:port/db */
  url: string;
}

export async function openClickHouseHttp({ url }: ClickHouseHttpOptions): Promise<AnalyticsStore> {
  const client = createClient({ url, clickhouse_settings: CLIENT_SETTINGS, request_timeout: REQUEST_TIMEOUT_MS });
  await pingWithSelect(client);
  let closed = false;
  return {
    driver: 'http',
    client,
    ping: () => pingWithSelect(client),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}
