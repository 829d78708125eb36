// replays: session replays started up to now (of non-anonymous users unless asked): total, those
// started in the last 30 days, and the mean length (last_event_at − started_at) in seconds.
import { sql } from 'drizzle-orm';
import type { ReplayStats } from '../../contract/metrics.js';
import { countsRow } from './postgres-rows.js';
import type { MetricReaders, MetricScope } from './types.js';
import { thirtyDaysBefore } from './window.js';

export async function replays({ postgres }: MetricReaders, scope: MetricScope, now: Date): Promise<ReplayStats> {
  const row = await countsRow<'total' | 'last_30_days' | 'average_seconds'>(
    postgres.db,
    sql`
    SELECT count(*) AS total,
           count(*) FILTER (WHERE r.started_at > ${thirtyDaysBefore(now).toISOString()}::timestamptz) AS last_30_days,
           coalesce(avg(extract(epoch FROM r.last_event_at - r.started_at)), 0)::float8 AS average_seconds
    FROM session_replays r
    WHERE r.project_id = ${scope.projectId} AND r.branch_id = ${scope.branchId}
      AND r.started_at <= ${now.toISOString()}::timestamptz
      AND (${scope.includeAnonymous} OR r.user_id NOT IN (
        SELECT u.id FROM users u WHERE u.project_id = ${scope.projectId} AND u.branch_id = ${scope.branchId} AND u.is_anonymous))`,
    'replays',
  );
  return {
    total: row.total,
    last_30_days: row.last_30_days,
    average_session_seconds: Math.round(row.average_seconds * 10) / 10,
  };
}
