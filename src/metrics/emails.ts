// emails: the outbox up to now: count per status, sent / delivered / bounced, delivery and bounce rates
// (of sent), all up to now whatever the window; and emails created per UTC day of the window.
import { sql } from 'drizzle-orm';
import type { EmailStats } from '../../contract/metrics.js';
import { countsRow, dailyRows, ratio } from './postgres-rows.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow } from './window.js';

export async function emails({ postgres }: MetricReaders, scope: MetricScope, now: Date): Promise<EmailStats> {
  const window = metricWindow(now, scope.range);
  const [totals, daily] = await Promise.all([
    countsRow<'total' | 'ok' | 'error' | 'in_progress' | 'sent' | 'delivered' | 'bounced'>(
      postgres.db,
      sql`
      SELECT count(*) AS total,
             count(*) FILTER (WHERE status = 'ok') AS ok,
             count(*) FILTER (WHERE status = 'error') AS error,
             count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
             count(sent_at) AS sent,
             count(delivered_at) AS delivered,
             count(bounced_at) AS bounced
      FROM email_outbox
      WHERE project_id = ${scope.projectId} AND branch_id = ${scope.branchId}
        AND created_at <= ${now.toISOString()}::timestamptz`,
      'emails',
    ),
    dailyRows(
      postgres.db,
      sql`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS value
      FROM email_outbox
      WHERE project_id = ${scope.projectId} AND branch_id = ${scope.branchId}
        AND created_at >= ${window.from.toISOString()}::timestamptz
        AND created_at <= ${window.to.toISOString()}::timestamptz
      GROUP BY 1`,
      window.days,
    ),
  ]);
  return {
    total: totals.total,
    by_status: { ok: totals.ok, error: totals.error, in_progress: totals.in_progress },
    sent: totals.sent,
    delivered: totals.delivered,
    bounced: totals.bounced,
    delivered_rate: ratio(totals.delivered, totals.sent),
    bounced_rate: ratio(totals.bounced, totals.sent),
    daily_emails: daily,
  };
}
