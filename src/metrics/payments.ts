// payments, up to now: subscriptions per status and active (active + trialing); revenue = paid and
// succeeded invoices only (all time, and the last 30 days as an MRR proxy); orders = one-time
// purchases, all whatever the window; revenue per UTC day of the window.
import { sql } from 'drizzle-orm';
import type { PaymentStats } from '../../contract/metrics.js';
import { countsRow, dailyRows } from './postgres-rows.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow, thirtyDaysBefore } from './window.js';

export async function payments({ postgres }: MetricReaders, scope: MetricScope, now: Date): Promise<PaymentStats> {
  const { db } = postgres;
  const window = metricWindow(now, scope.range);
  const upToNow = now.toISOString();
  const [subscriptions, revenue, orders, daily] = await Promise.all([
    countsRow<'active' | 'trialing' | 'paused' | 'canceled'>(
      db,
      sql`
      SELECT count(*) FILTER (WHERE status = 'active') AS active,
             count(*) FILTER (WHERE status = 'trialing') AS trialing,
             count(*) FILTER (WHERE status = 'paused') AS paused,
             count(*) FILTER (WHERE status = 'canceled') AS canceled
      FROM subscriptions
      WHERE project_id = ${scope.projectId} AND branch_id = ${scope.branchId}
        AND created_at <= ${upToNow}::timestamptz`,
      'payments.subscriptions',
    ),
    countsRow<'total' | 'last_30_days'>(
      db,
      sql`
      SELECT coalesce(sum(amount_cents), 0) AS total,
             coalesce(sum(amount_cents) FILTER (WHERE created_at > ${thirtyDaysBefore(now).toISOString()}::timestamptz), 0) AS last_30_days
      FROM invoices
      WHERE project_id = ${scope.projectId} AND branch_id = ${scope.branchId}
        AND status IN ('paid', 'succeeded')
        AND created_at <= ${upToNow}::timestamptz`,
      'payments.revenue',
    ),
    countsRow<'orders'>(
      db,
      sql`
      SELECT count(*) AS orders
      FROM one_time_purchases
      WHERE project_id = ${scope.projectId} AND branch_id = ${scope.branchId}
        AND created_at <= ${upToNow}::timestamptz`,
      'payments.orders',
    ),
    dailyRows(
      db,
      sql`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, sum(amount_cents) AS value
      FROM invoices
      WHERE project_id = ${scope.projectId} AND branch_id = ${scope.branchId}
        AND status IN ('paid', 'succeeded')
        AND created_at >= ${window.from.toISOString()}::timestamptz
        AND created_at <= ${window.to.toISOString()}::timestamptz
      GROUP BY 1`,
      window.days,
    ),
  ]);
  return {
    subscriptions_by_status: subscriptions,
    active_subscriptions: subscriptions.active + subscriptions.trialing,
    revenue_cents: revenue.total,
    mrr_cents: revenue.last_30_days,
    orders: orders.orders,
    daily_revenue_cents: daily,
  };
}
