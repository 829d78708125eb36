// The server driver's row mover (batched client inserts, staged inputs as Memory tables) on an embedded
// engine, so its code runs in every test run, not only where a ClickHouse server is at hand.
import { createChdbClient } from '../analytics/chdb.js';
import { clientStore } from '../analytics/client-store.js';
import { clientSend, serverRows } from '../analytics/server-rows.js';
import type { AnalyticsStore } from '../analytics/store.js';

export function openServerRowsOnChdb(dataDir: string): AnalyticsStore {
  const { client } = createChdbClient({ dataDir });
  return clientStore({
    engine: 'chdb',
    concurrentInserts: false,
    client,
    rows: (statements, settings) => serverRows(statements, clientSend(client, settings)),
  });
}
