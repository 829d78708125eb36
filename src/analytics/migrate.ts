// Versioned, idempotent ClickHouse migrations: numbered .sql files, each applied once and recorded.
// Every migration can be rerun from its first statement (IF NOT EXISTS, or a rebuild that drops its
// scratch table first), so a crash between a statement and the ledger record is harmless on rerun.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyticsStore } from './store.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const LEDGER = 'analytics_internal.schema_migrations';

export interface AnalyticsMigration {
  version: number;
  name: string;
  checksum: string;
  statements: string[];
}

export function listAnalyticsMigrations(dir: string = MIGRATIONS_DIR): AnalyticsMigration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/^\d{4}_|\.sql$/g, ''),
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

/** Our migrations hold no semicolons inside literals, so a statement ends at `;` + end of line. */
export function splitStatements(text: string): string[] {
  const withoutComments = text.replace(/^\s*--.*$/gm, '');
  return withoutComments
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Told before and after each migration this call applies (a rebuild of a big table takes a while).
 * `upgrading`: the store had migrations applied before this call, so its tables may hold data; on a new
 * store every table is empty.
 */
export type MigrationListener = (
  migration: Pick<AnalyticsMigration, 'version' | 'name'>,
  step: { phase: 'start'; upgrading: boolean } | { phase: 'done'; ms: number },
) => void;

/** Applies pending migrations in order; returns the versions applied by this call. */
export async function migrateAnalytics(
  store: AnalyticsStore,
  migrations = listAnalyticsMigrations(),
  onMigration?: MigrationListener,
): Promise<number[]> {
  await store.command('CREATE DATABASE IF NOT EXISTS analytics_internal');
  await store.command(
    `CREATE TABLE IF NOT EXISTS ${LEDGER} (version UInt32, name String, checksum String,
      applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY version`,
  );
  const applied = new Map(
    (await store.query<{ version: number; checksum: string }>(`SELECT version, checksum FROM ${LEDGER} FINAL`)).map(
      (row) => [row.version, row.checksum],
    ),
  );
  const done: number[] = [];
  for (const migration of migrations) {
    const checksum = applied.get(migration.version);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(
          `ClickHouse migration ${migration.version} (${migration.name}) was edited after it was applied; add a new migration instead`,
        );
      }
      continue;
    }
    const started = performance.now();
    onMigration?.(migration, { phase: 'start', upgrading: applied.size > 0 });
    for (const statement of migration.statements) await store.command(statement);
    await store.insert(LEDGER, [{ version: migration.version, name: migration.name, checksum: migration.checksum }]);
    onMigration?.(migration, { phase: 'done', ms: Math.round(performance.now() - started) });
    done.push(migration.version);
  }
  return done;
}
