// A fingerprint of everything in both stores: every Postgres table's rows (count and digest) and every
// ClickHouse table's rows. Equal before and after a refused request means nothing was written, even partly.
import { sql } from 'drizzle-orm';
import type { AnalyticsStore } from '../../analytics/store.js';
import { selectRows, type PostgresStore } from '../../db/store.js';

const CLICKHOUSE_TABLES = ['events', 'users', 'contact_channels', 'teams', 'team_members', 'sync_state'];

export type StoreSnapshot = Record<string, string>;

export async function snapshotStores(postgres: PostgresStore, analytics: AnalyticsStore): Promise<StoreSnapshot> {
  const snapshot: StoreSnapshot = {};
  const tables = await selectRows<{ name: string }>(
    postgres.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  for (const { name } of tables) {
    const [row] = await selectRows<{ n: number; digest: string }>(
      postgres.db,
      sql`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM ${sql.identifier(name)} t`,
    );
    snapshot[`postgres.${name}`] = `${row!.n}:${row!.digest}`;
  }
  for (const name of CLICKHOUSE_TABLES) {
    const [row] = await analytics.query<{ n: number; h: string }>(
      `SELECT count() AS n, toString(groupBitXor(cityHash64(*))) AS h FROM analytics_internal.${name}`,
    );
    snapshot[`clickhouse.${name}`] = `${row!.n}:${row!.h}`;
  }
  return snapshot;
}
