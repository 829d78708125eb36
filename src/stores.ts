// Opens both stores for a process: data-dir lock first, then Postgres and ClickHouse concurrently,
// then migrations. A failure closes whatever was opened, so nothing is left holding files.
import type { Config } from './config.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { openPostgres } from './db/open.js';
import type { PostgresStore } from './db/store.js';
import { openAnalytics } from './analytics/open.js';
import { migrateAnalytics, type MigrationListener } from './analytics/migrate.js';
import type { AnalyticsStore } from './analytics/store.js';
import { recoverDamagedMutations, type MovedFile } from './analytics/recover-mutations.js';

/** Both stores of a process: what use cases, jobs and routes are given. */
export interface Stores {
  postgres: PostgresStore;
  analytics: AnalyticsStore;
}

/** Stores as openStores returns them: with the data-dir lock, timings, and one close for both. */
export interface OpenedStores extends Stores {
  /** Held while either store is embedded; absent when both are servers. */
  lock?: DataDirLock;
  /** How long each store took to open and to migrate, for logs and the boot benchmark. */
  /** Damaged ClickHouse mutation files moved aside before chDB opened (see recover-mutations.ts). */
  recovered: MovedFile[];
  timings: Record<'postgres_open_ms' | 'postgres_migrate_ms' | 'clickhouse_open_ms' | 'clickhouse_migrate_ms', number>;
  close(): Promise<void>;
}

export interface OpenStoresOptions {
  /** The command that holds the data dir, shown to a second process. */
  command: string;
  migrate?: boolean;
  /** Told about each ClickHouse migration applied now (serve logs them; the CLI reports slow ones). */
  onMigration?: MigrationListener;
}

export async function openStores(
  config: Config,
  { command, migrate = true, onMigration }: OpenStoresOptions,
): Promise<OpenedStores> {
  const embedded = config.postgres.driver === 'pglite' || config.clickhouse.driver === 'chdb';
  const lock = embedded ? acquireDataDirLock(config.dataDir, command) : undefined;
  // Under the lock, before chDB reads the tables: no other process is using the files.
  let recovered: MovedFile[] = [];
  try {
    if (config.clickhouse.driver === 'chdb') recovered = recoverDamagedMutations(config.clickhouse.dataDir);
  } catch (error) {
    lock?.release();
    throw new StoreOpenError('ClickHouse', error, 'open');
  }
  // Each store opens and migrates on its own chain, so the slower one never waits for the other.
  const timings: OpenedStores['timings'] = {
    postgres_open_ms: 0,
    postgres_migrate_ms: 0,
    clickhouse_open_ms: 0,
    clickhouse_migrate_ms: 0,
  };
  const timed = <T>(key: keyof OpenedStores['timings'], work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    return work().finally(() => (timings[key] = Math.round(performance.now() - started)));
  };
  const [pg, ch] = await Promise.allSettled([
    timed('postgres_open_ms', () => openPostgres(config.postgres)).then((store) =>
      timed('postgres_migrate_ms', () => ready(store, 'Postgres', migrate ? () => store.migrate() : undefined)),
    ),
    timed('clickhouse_open_ms', () => openAnalytics(config.clickhouse)).then((store) =>
      timed('clickhouse_migrate_ms', () =>
        ready(store, 'ClickHouse', migrate ? () => migrateAnalytics(store, undefined, onMigration) : undefined),
      ),
    ),
  ]);
  if (pg.status === 'fulfilled' && ch.status === 'fulfilled') {
    const close = async () => {
      await Promise.allSettled([pg.value.close(), ch.value.close()]);
      lock?.release();
    };
    return { postgres: pg.value, analytics: ch.value, lock, recovered, timings, close };
  }
  await Promise.allSettled([pg, ch].flatMap((r) => (r.status === 'fulfilled' ? [r.value.close()] : [])));
  lock?.release();
  throw pg.status === 'rejected'
    ? toOpenError('Postgres', pg.reason)
    : toOpenError('ClickHouse', (ch as PromiseRejectedResult).reason);
}

/** Runs the store's migrations; on failure closes the store so its files are released. */
async function ready<S extends { close(): Promise<void> }>(
  store: S,
  name: 'Postgres' | 'ClickHouse',
  migrate?: () => Promise<unknown>,
): Promise<S> {
  if (!migrate) return store;
  try {
    await migrate();
    return store;
  } catch (error) {
    await store.close().catch(() => {});
    throw new StoreOpenError(name, error, 'migrate');
  }
}

function toOpenError(store: 'Postgres' | 'ClickHouse', reason: unknown): StoreOpenError {
  return reason instanceof StoreOpenError ? reason : new StoreOpenError(store, reason, 'open');
}

export class StoreOpenError extends Error {
  constructor(
    readonly store: 'Postgres' | 'ClickHouse',
    cause: unknown,
    readonly step: 'open' | 'migrate',
  ) {
    super(`Could not ${step} ${store}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreOpenError';
  }
}
