import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant, projectColumns } from './columns.js';
import { syncColumns } from './sync.js';

export const users = pgTable(
  'users',
  {
    ...projectColumns(),
    id: uuid('id').notNull(),
    displayName: text('display_name'),
    profileImageUrl: text('profile_image_url'),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    signedUpAt: instant('signed_up_at').notNull().defaultNow(),
    lastActiveAt: instant('last_active_at'),
    clientMetadata: jsonb('client_metadata'),
    clientReadOnlyMetadata: jsonb('client_read_only_metadata'),
    serverMetadata: jsonb('server_metadata'),
    restrictedByAdmin: boolean('restricted_by_admin').notNull().default(false),
    restrictedByAdminReason: text('restricted_by_admin_reason'),
    restrictedByAdminPrivateDetails: text('restricted_by_admin_private_details'),
    ...syncColumns(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.branchId, t.id] }), index('users_sync_seq_idx').on(t.syncSequenceId)],
);

export const CONTACT_CHANNEL_TYPES = ['EMAIL', 'PHONE'] as const;

export const contactChannels = pgTable(
  'contact_channels',
  {
    ...projectColumns(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    type: text('type', { enum: CONTACT_CHANNEL_TYPES }).notNull(),
    value: text('value').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    isVerified: boolean('is_verified').notNull().default(false),
    usedForAuth: boolean('used_for_auth').notNull().default(false),
    createdAt: instant('created_at').notNull().defaultNow(),
    ...syncColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.branchId, t.id] }),
    index('contact_channels_sync_seq_idx').on(t.syncSequenceId),
    foreignKey({
      columns: [t.projectId, t.branchId, t.userId],
      foreignColumns: [users.projectId, users.branchId, users.id],
    }).onDelete('cascade'),
    check('contact_channels_type_check', sql`${t.type} IN ('EMAIL', 'PHONE')`),
    // One primary channel per (user, type).
    uniqueIndex('contact_channels_one_primary_idx')
      .on(t.projectId, t.branchId, t.userId, t.type)
      .where(sql`${t.isPrimary}`),
    // An address used to sign in identifies exactly one user of the project.
    uniqueIndex('contact_channels_auth_value_idx')
      .on(t.projectId, t.branchId, t.type, t.value)
      .where(sql`${t.usedForAuth}`),
  ],
);

export const AUTH_METHOD_KINDS = ['password', 'otp', 'passkey', 'oauth'] as const;

export const authMethods = pgTable(
  'auth_methods',
  {
    ...projectColumns(),
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: AUTH_METHOD_KINDS }).notNull(),
    oauthProvider: text('oauth_provider'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.projectId, t.branchId, t.userId],
      foreignColumns: [users.projectId, users.branchId, users.id],
    }).onDelete('cascade'),
    check('auth_methods_kind_check', sql`${t.kind} IN ('password', 'otp', 'passkey', 'oauth')`),
    check('auth_methods_oauth_provider_check', sql`(${t.kind} = 'oauth') = (${t.oauthProvider} IS NOT NULL)`),
    index('auth_methods_project_idx').on(t.projectId, t.branchId),
  ],
);
