import { analyticsStoreContract } from '../test/contract/analytics-store.js';
import { skipReason, testTargets } from '../test/targets.js';
import { openClickHouseHttp } from './clickhouse-http.js';

analyticsStoreContract(
  'ClickHouse over HTTP (server)',
  async () => {
    const store = await openClickHouseHttp({ url: testTargets.clickhouseUrl! });
    return { store, dispose: () => store.close() };
  },
  skipReason('PULSE_TEST_CLICKHOUSE_URL'),
);
