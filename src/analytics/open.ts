import type { ClickHouseTarget } from '../config.js';
import type { AnalyticsStore } from './store.js';

/** Opens (and warms) the one ClickHouse client of this process; drivers load lazily. */
export async function openAnalytics(target: ClickHouseTarget): Promise<AnalyticsStore> {
  switch (target.driver) {
    case 'chdb':
      return (await import('./chdb.js')).openChdb({ dataDir: target.dataDir });
    case 'http':
      return (await import('./clickhouse-http.js')).openClickHouseHttp({ url: target.url });
  }
}
