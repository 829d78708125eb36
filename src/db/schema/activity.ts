import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, projectColumns } from './columns.js';

export const EMAIL_STATUSES = ['ok', 'error', 'in_progress'] as const;

export const emailOutbox = pgTable(
  'email_outbox',
  {
    ...projectColumns(),
    id: uuid('id').primaryKey(),
    // No foreign key: an email outlives the user it was sent to.
    userId: uuid('user_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: EMAIL_STATUSES }).notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
    deliveredAt: instant('delivered_at'),
    bouncedAt: instant('bounced_at'),
    clickedAt: instant('clicked_at'),
  },
  (t) => [
    check('email_outbox_status_check', sql`${t.status} IN ('ok', 'error', 'in_progress')`),
    index('email_outbox_project_created_idx').on(t.projectId, t.branchId, t.createdAt),
  ],
);

export const sessionReplays = pgTable(
  'session_replays',
  {
    ...projectColumns(),
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    refreshTokenId: uuid('refresh_token_id').notNull(),
    startedAt: instant('started_at').notNull(),
    lastEventAt: instant('last_event_at').notNull(),
  },
  (t) => [
    check('session_replays_order_check', sql`${t.lastEventAt} >= ${t.startedAt}`),
    index('session_replays_project_started_idx').on(t.projectId, t.branchId, t.startedAt),
  ],
);
