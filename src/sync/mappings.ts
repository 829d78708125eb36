// Which Postgres table feeds which ClickHouse mirror, as data (docs/product.md §5). Each mapping says, in
// SQL over `t` (a row of the source table), which mirror columns that row becomes. Postgres itself then
// writes the batch as JSONEachRow text (src/db/sync-changes.ts) that ClickHouse reads as it is: no row
// objects are built in JavaScript on the way. Adding a mirror = one entry here + its triggers (0003).
//
// The preview seeder writes the same mirror rows from generated data with the builders of
// mirror-rows.ts; src/test/contract/mirror-shape.ts checks that both give the same row for the same data.
import type { SyncMapping } from '../db/sync-changes.js';

export type { SyncMapping };

/** Milliseconds, as the mirror's DateTime64(3) and JavaScript dates hold them (Postgres keeps µs). */
const instant = (column: string) => `date_trunc('milliseconds', t.${column}) AS ${column}`;
/** Metadata as JSON text; a missing value (SQL NULL or JSON null) is `{}`. */
const metadata = (column: string) => `coalesce(nullif(t.${column}, 'null'::jsonb), '{}'::jsonb)::text AS ${column}`;
const flag = (column: string) => `t.${column}::int AS ${column}`;

export const SYNC_MAPPINGS: readonly SyncMapping[] = [
  {
    name: 'users',
    mirrorTable: 'analytics_internal.users',
    columns: [
      't.project_id',
      't.branch_id',
      't.id',
      't.display_name',
      't.profile_image_url',
      'e.value AS primary_email',
      'coalesce(e.is_verified, false)::int AS primary_email_verified',
      instant('signed_up_at'),
      metadata('client_metadata'),
      metadata('client_read_only_metadata'),
      metadata('server_metadata'),
      flag('is_anonymous'),
      flag('restricted_by_admin'),
      't.restricted_by_admin_reason',
      't.restricted_by_admin_private_details',
    ].join(', '),
    // The primary EMAIL channel (its trigger re-stamps the user when it changes). A deleted user's
    // mirror row keeps none: its channels are gone with it.
    joins: {
      live: `LEFT JOIN LATERAL (SELECT c.value, c.is_verified FROM contact_channels c
        WHERE c.project_id = t.project_id AND c.branch_id = t.branch_id AND c.user_id = t.id
          AND c.type = 'EMAIL' AND c.is_primary) e ON true`,
      tombstone: `LEFT JOIN (SELECT NULL::text AS value, NULL::boolean AS is_verified) e ON false`,
    },
  },
  {
    name: 'contact_channels',
    mirrorTable: 'analytics_internal.contact_channels',
    columns: [
      't.project_id',
      't.branch_id',
      't.id',
      't.user_id',
      't.type',
      't.value',
      flag('is_primary'),
      flag('is_verified'),
      flag('used_for_auth'),
      instant('created_at'),
    ].join(', '),
  },
  {
    name: 'teams',
    mirrorTable: 'analytics_internal.teams',
    columns: [
      't.project_id',
      't.branch_id',
      't.id',
      't.display_name',
      't.profile_image_url',
      instant('created_at'),
      metadata('client_metadata'),
      metadata('client_read_only_metadata'),
      metadata('server_metadata'),
    ].join(', '),
  },
  {
    name: 'team_members',
    mirrorTable: 'analytics_internal.team_members',
    columns: ['t.project_id', 't.branch_id', 't.team_id', 't.user_id', 't.display_name', instant('created_at')].join(
      ', ',
    ),
  },
];
