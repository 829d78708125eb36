// Writes a preview dataset's Postgres rows: one statement per table, the rows passed as ONE JSON
// parameter and expanded by json_populate_recordset inside Postgres. Building a multi-thousand-parameter
// INSERT through the query builder cost more than the database work itself. Runs inside the caller's
// transaction. Fresh projects insert; a reseed upserts by the dataset's deterministic ids.
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  authMethods,
  contactChannels,
  emailOutbox,
  invoices,
  oneTimePurchases,
  sessionReplays,
  subscriptions,
  teamMembers,
  teams,
  users,
} from '../../db/schema/index.js';
import type { Db } from '../../db/store.js';
import type { PreviewDataset } from '../generate/types.js';

// Bounds the size of one JSON parameter (and of one statement's work).
const ROWS_PER_STATEMENT = 5_000;

export interface WritePostgresOptions {
  upsert: boolean;
}

/** Tables in foreign-key order, each with the dataset rows for it and its primary key. */
function plan(d: PreviewDataset): [PgTable, readonly object[], PgColumn[]][] {
  const scoped = (t: { projectId: PgColumn; branchId: PgColumn }, ...key: PgColumn[]) => [
    t.projectId,
    t.branchId,
    ...key,
  ];
  return [
    [users, d.users, scoped(users, users.id)],
    [teams, d.teams, scoped(teams, teams.id)],
    [contactChannels, d.contactChannels, scoped(contactChannels, contactChannels.id)],
    [teamMembers, d.teamMembers, scoped(teamMembers, teamMembers.teamId, teamMembers.userId)],
    [authMethods, d.authMethods, [authMethods.id]],
    [emailOutbox, d.emails, [emailOutbox.id]],
    [sessionReplays, d.sessionReplays, [sessionReplays.id]],
    [subscriptions, d.subscriptions, [subscriptions.id]],
    [invoices, d.invoices, [invoices.id]],
    [oneTimePurchases, d.oneTimePurchases, [oneTimePurchases.id]],
  ];
}

export async function writePreviewPostgres(
  tx: Db,
  dataset: PreviewDataset,
  { upsert }: WritePostgresOptions,
): Promise<void> {
  for (const [table, rows, key] of plan(dataset)) {
    if (rows.length === 0) continue;
    // Only the columns the rows carry: the others keep their defaults (and whatever triggers set).
    const columns = Object.entries(getTableColumns(table)).filter(([prop]) => prop in rows[0]!);
    const names = sql.join(
      columns.map(([, c]) => sql.identifier(c.name)),
      sql`, `,
    );
    const conflict = upsert
      ? sql` ON CONFLICT (${sql.join(
          key.map((c) => sql.identifier(c.name)),
          sql`, `,
        )}) DO UPDATE SET ${sql.join(
          columns
            .filter(([, c]) => !key.some((k) => k.name === c.name))
            .map(([, c]) => sql`${sql.identifier(c.name)} = excluded.${sql.identifier(c.name)}`),
          sql`, `,
        )}`
      : sql``;
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const json = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => toColumnNames(row, columns)));
      await tx.execute(
        sql`INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${sql.identifier(getTableName(table))}, ${json}::json)${conflict}`,
      );
    }
  }
}

function toColumnNames(row: object, columns: [string, PgColumn][]): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  return Object.fromEntries(columns.map(([prop, c]) => [c.name, values[prop]]));
}
