import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, projectColumns } from './columns.js';
import { syncColumns } from './sync.js';
import { users } from './users.js';

export const teams = pgTable(
  'teams',
  {
    ...projectColumns(),
    id: uuid('id').notNull(),
    displayName: text('display_name').notNull(),
    profileImageUrl: text('profile_image_url'),
    createdAt: instant('created_at').notNull().defaultNow(),
    clientMetadata: jsonb('client_metadata'),
    clientReadOnlyMetadata: jsonb('client_read_only_metadata'),
    serverMetadata: jsonb('server_metadata'),
    ...syncColumns(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.branchId, t.id] }), index('teams_sync_seq_idx').on(t.syncSequenceId)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    ...projectColumns(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    displayName: text('display_name'),
    createdAt: instant('created_at').notNull().defaultNow(),
    ...syncColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.branchId, t.teamId, t.userId] }),
    index('team_members_sync_seq_idx').on(t.syncSequenceId),
    foreignKey({
      columns: [t.projectId, t.branchId, t.teamId],
      foreignColumns: [teams.projectId, teams.branchId, teams.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.projectId, t.branchId, t.userId],
      foreignColumns: [users.projectId, users.branchId, users.id],
    }).onDelete('cascade'),
  ],
);
