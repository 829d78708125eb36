import { foreignKey, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, projectColumns } from './columns.js';
import { users } from './users.js';

export const teams = pgTable('teams', {
  ...projectColumns(),
  id: uuid('id').notNull(),
  displayName: text('display_name').notNull(),
  profileImageUrl: text('profile_image_url'),
  createdAt: instant('created_at').notNull().defaultNow(),
  clientMetadata: jsonb('client_metadata'),
  clientReadOnlyMetadata: jsonb('client_read_only_metadata'),
  serverMetadata: jsonb('server_metadata'),
}, (t) => [primaryKey({ columns: [t.projectId, t.branchId, t.id] })]);

export const teamMembers = pgTable('team_members', {
  ...projectColumns(),
  teamId: uuid('team_id').notNull(),
  userId: uuid('user_id').notNull(),
  displayName: text('display_name'),
  createdAt: instant('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.projectId, t.branchId, t.teamId, t.userId] }),
  foreignKey({ columns: [t.projectId, t.branchId, t.teamId], foreignColumns: [teams.projectId, teams.branchId, teams.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.projectId, t.branchId, t.userId], foreignColumns: [users.projectId, users.branchId, users.id] }).onDelete('cascade'),
]);
