// Test helpers for the sync suites: one Postgres target + chDB in a temp dir, a project to write into,
// and the mirrors read back the way the metrics read them (FINAL, tombstones dropped).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openChdb } from '../analytics/chdb.js';
import { migrateAnalytics } from '../analytics/migrate.js';
import type { AnalyticsStore } from '../analytics/store.js';
import { createProject } from '../projects/create-project.js';
import { selectRows, type Db, type PostgresStore } from '../db/store.js';
import { createSyncRunner, type SyncRunner } from '../sync/run-sync-pass.js';
import type { OpenedPostgres } from './targets.js';
import { makeTempDir } from './temp-dir.js';

export interface SyncTarget {
  postgres: PostgresStore;
  db: Db;
  analytics: AnalyticsStore;
  runner: SyncRunner;
  close(): Promise<void>;
}

export async function openSyncTarget(open: () => Promise<OpenedPostgres>): Promise<SyncTarget> {
  const pg = await open();
  const chDir = makeTempDir('pulse-chdb-');
  const analytics = await openChdb({ dataDir: chDir.dir });
  await Promise.all([pg.store.migrate(), migrateAnalytics(analytics)]);
  return {
    postgres: pg.store,
    db: pg.store.db,
    analytics,
    runner: createSyncRunner({ postgres: pg.store, analytics }),
    async close() {
      await analytics.close();
      await pg.dispose();
      chDir.remove();
    },
  };
}

export async function newProjectId(db: Db): Promise<string> {
  return (await createProject(db, { displayName: `sync ${crypto.randomUUID().slice(0, 8)}` })).project.id;
}

export interface MirrorUser {
  id: string;
  display_name: string | null;
  primary_email: string | null;
  primary_email_verified: number;
  sync_sequence_id: number;
}

/** Live users of the mirror, as the overview reads them. */
export async function mirrorUsers(analytics: AnalyticsStore, projectId: string): Promise<MirrorUser[]> {
  return analytics.query<MirrorUser>(
    `SELECT toString(id) AS id, display_name, primary_email, primary_email_verified, sync_sequence_id
     FROM analytics_internal.users FINAL WHERE project_id = {p:String} AND sync_is_deleted = 0 ORDER BY id`,
    { p: projectId },
  );
}

/** Live keys of any mirror, sorted. */
export async function mirrorKeys(
  analytics: AnalyticsStore,
  table: string,
  projectId: string,
  key = 'toString(id)',
): Promise<string[]> {
  const rows = await analytics.query<{ k: string }>(
    `SELECT ${key} AS k FROM analytics_internal.${table} FINAL WHERE project_id = {p:String} AND sync_is_deleted = 0 ORDER BY k`,
    { p: projectId },
  );
  return rows.map((r) => r.k);
}

/** Every physical row of a mirror for the project (versions and replays included), before merges. */
export async function rawMirrorRows(analytics: AnalyticsStore, table: string, projectId: string): Promise<number> {
  const rows = await analytics.query<{ n: number }>(
    `SELECT count() AS n FROM analytics_internal.${table} WHERE project_id = {p:String}`,
    { p: projectId },
  );
  return Number(rows[0]?.n ?? 0);
}

export async function postgresUsers(db: Db, projectId: string) {
  return selectRows<{ id: string; display_name: string | null; sync_sequence_id: unknown }>(
    db,
    sql`SELECT id, display_name, sync_sequence_id FROM users WHERE project_id = ${projectId} ORDER BY id`,
  );
}

/** Inserts n users (ids returned in order) with one multi-row statement per 5,000. */
export async function insertUsers(db: Db, projectId: string, n: number, prefix = 'user'): Promise<string[]> {
  const ids = Array.from({ length: n }, () => crypto.randomUUID());
  for (let i = 0; i < n; i += 5_000) {
    const values = ids.slice(i, i + 5_000).map((id, j) => sql`(${projectId}, ${id}, ${`${prefix} ${i + j}`})`);
    await db.execute(sql`INSERT INTO users (project_id, id, display_name) VALUES ${sql.join(values, sql`, `)}`);
  }
  return ids;
}
