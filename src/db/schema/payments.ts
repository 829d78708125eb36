import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, projectColumns } from './columns.js';

export const CUSTOMER_TYPES = ['user', 'team'] as const;
export const SUBSCRIPTION_STATUSES = ['active', 'trialing', 'paused', 'canceled'] as const;
export const INVOICE_STATUSES = ['paid', 'succeeded', 'open', 'void'] as const;

export const subscriptions = pgTable(
  'subscriptions',
  {
    ...projectColumns(),
    id: uuid('id').primaryKey(),
    customerType: text('customer_type', { enum: CUSTOMER_TYPES }).notNull(),
    customerId: uuid('customer_id').notNull(),
    productId: text('product_id').notNull(),
    status: text('status', { enum: SUBSCRIPTION_STATUSES }).notNull(),
    quantity: integer('quantity').notNull().default(1),
    currentPeriodStart: instant('current_period_start').notNull(),
    currentPeriodEnd: instant('current_period_end').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('subscriptions_customer_type_check', sql`${t.customerType} IN ('user', 'team')`),
    check('subscriptions_status_check', sql`${t.status} IN ('active', 'trialing', 'paused', 'canceled')`),
    check('subscriptions_quantity_check', sql`${t.quantity} > 0`),
    index('subscriptions_project_idx').on(t.projectId, t.branchId),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    ...projectColumns(),
    id: uuid('id').primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: INVOICE_STATUSES }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('invoices_status_check', sql`${t.status} IN ('paid', 'succeeded', 'open', 'void')`),
    check('invoices_amount_check', sql`${t.amountCents} >= 0`),
    index('invoices_project_created_idx').on(t.projectId, t.branchId, t.createdAt),
  ],
);

export const oneTimePurchases = pgTable(
  'one_time_purchases',
  {
    ...projectColumns(),
    id: uuid('id').primaryKey(),
    customerType: text('customer_type', { enum: CUSTOMER_TYPES }).notNull(),
    customerId: uuid('customer_id').notNull(),
    productId: text('product_id').notNull(),
    quantity: integer('quantity').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('one_time_purchases_customer_type_check', sql`${t.customerType} IN ('user', 'team')`),
    check('one_time_purchases_quantity_check', sql`${t.quantity} > 0`),
    index('one_time_purchases_project_created_idx').on(t.projectId, t.branchId, t.createdAt),
  ],
);
