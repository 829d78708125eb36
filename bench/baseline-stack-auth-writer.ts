// The baseline the preview writer is measured against, in the style of Stack Auth's dummy-data seeder:
// every Postgres row is inserted on its own, each preceded by a "does it exist already?" lookup, and
// ClickHouse gets JSONEachRow batches of 500 rows with async_insert=1. Same dataset, same stores.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  apiKeys,
  authMethods,
  contactChannels,
  emailOutbox,
  invoices,
  oneTimePurchases,
  projects,
  sessionReplays,
  subscriptions,
  teamMembers,
  teams,
  users,
} from '../src/db/schema/index.js';
import type { Db } from '../src/db/store.js';
import type { AnalyticsStore } from '../src/analytics/store.js';
import {
  contactChannelMirrorRow,
  primaryEmails,
  teamMemberMirrorRow,
  teamMirrorRow,
  userMirrorRow,
} from '../src/sync/mirror-rows.js';
import { newProjectKeys } from '../src/projects/create-project.js';
import type { PreviewDataset } from '../src/preview/generate/types.js';
import { toStoredEvent } from '../src/events/stored-event.js';

const BATCH = 500;

export async function writeLikeStackAuth(db: Db, analytics: AnalyticsStore, d: PreviewDataset): Promise<void> {
  await insertIfMissing(db, projects, {
    id: d.projectId,
    displayName: 'baseline',
    isPreview: true,
    createdAt: d.now,
    expiresAt: d.now,
  });
  for (const key of newProjectKeys().rows) await insertIfMissing(db, apiKeys, { ...key, projectId: d.projectId });
  const tables: [PgTable, readonly object[]][] = [
    [users, d.users],
    [teams, d.teams],
    [contactChannels, d.contactChannels],
    [teamMembers, d.teamMembers],
    [authMethods, d.authMethods],
    [emailOutbox, d.emails],
    [sessionReplays, d.sessionReplays],
    [subscriptions, d.subscriptions],
    [invoices, d.invoices],
    [oneTimePurchases, d.oneTimePurchases],
  ];
  for (const [table, rows] of tables) for (const row of rows) await insertIfMissing(db, table, row);
  const emails = primaryEmails(d.contactChannels);
  const seeded = { sequence: 0 };
  await insertInBatches(
    analytics,
    'analytics_internal.users',
    d.users.map((u) => userMirrorRow(u, emails.get(u.id) ?? null, seeded)),
  );
  await insertInBatches(
    analytics,
    'analytics_internal.contact_channels',
    d.contactChannels.map((c) => contactChannelMirrorRow(c, seeded)),
  );
  await insertInBatches(
    analytics,
    'analytics_internal.teams',
    d.teams.map((t) => teamMirrorRow(t, seeded)),
  );
  await insertInBatches(
    analytics,
    'analytics_internal.team_members',
    d.teamMembers.map((m) => teamMemberMirrorRow(m, seeded)),
  );
  await insertInBatches(
    analytics,
    'analytics_internal.events',
    [...d.events, ...d.liveEvents].map((e) => ({ ...toStoredEvent(e), seeded: 1 })),
  );
}

/** One lookup by the row's key columns, then one insert. */
async function insertIfMissing(db: Db, table: PgTable, row: object): Promise<void> {
  const columns = getTableColumns(table);
  const values = row as Record<string, unknown>;
  const keyProps = 'id' in values ? ['id'] : ['teamId', 'userId'];
  const where = sql.join(
    keyProps.map((p) => sql`${columns[p]!} = ${values[p]}`),
    sql` AND `,
  );
  const found = await db.execute(sql`SELECT 1 FROM ${table} WHERE ${where} LIMIT 1`);
  if ((found as unknown as { rows: unknown[] }).rows.length === 0) await db.insert(table).values(row as never);
}

async function insertInBatches(analytics: AnalyticsStore, table: string, rows: object[]): Promise<void> {
  const asyncInserts = analytics.withSettings({ async_insert: 1, wait_for_async_insert: 1 });
  for (let i = 0; i < rows.length; i += BATCH) await asyncInserts.insert(table, rows.slice(i, i + BATCH));
}
