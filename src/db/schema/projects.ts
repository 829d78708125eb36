import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Inputs of the preview generator that decide ids and counts (not `now`). */
export interface PreviewParams {
  seed: string;
  size: 'tiny' | 'standard' | 'large';
  users?: number;
  days?: number;
}

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    displayName: text('display_name').notNull(),
    isPreview: boolean('is_preview').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    // What its demo data was generated from (seed, size…): a reseed must regenerate the same ids.
    previewParams: jsonb('preview_params').$type<PreviewParams>(),
    // Which `seeded` value marks its current demo events in ClickHouse: a reseed writes the next one and
    // switches by committing this column, so a crash leaves the old dataset or the new, never neither.
    seedGeneration: smallint('seed_generation').notNull().default(1),
  },
  (t) => [
    // The preview cleanup job scans expired previews only.
    index('projects_expires_at_idx')
      .on(t.expiresAt)
      .where(sql`${t.expiresAt} IS NOT NULL`),
  ],
);

export const API_KEY_KINDS = ['admin', 'ingest'] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: API_KEY_KINDS }).notNull(),
    // SHA-256 of the secret: keys carry 256 random bits, so a slow hash buys nothing.
    hash: text('hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    check('api_keys_kind_check', sql`${t.kind} IN ('admin', 'ingest')`),
    index('api_keys_project_idx').on(t.projectId),
  ],
);
