// login_methods: auth methods per method (the provider id for OAuth, else password / otp / passkey) of
// the project's users (anonymous ones only when asked), created up to now, most used first.
import { sql } from 'drizzle-orm';
import type { LoginMethod } from '../../contract/metrics.js';
import { selectRows, toCount } from '../db/store.js';
import type { MetricReaders, MetricScope } from './types.js';

// :TRICKY: NOT IN over the (few) anonymous users rather than a JOIN: embedded PGlite never runs
// autovacuum's ANALYZE, and without statistics the planner joins with a nested loop over every user per
// method. NOT IN becomes one hashed subplan, whatever the statistics say.
export async function loginMethods({ postgres }: MetricReaders, scope: MetricScope, now: Date): Promise<LoginMethod[]> {
  const rows = await selectRows<{ method: string; count: unknown }>(
    postgres.db,
    sql`
    SELECT CASE WHEN m.kind = 'oauth' THEN m.oauth_provider ELSE m.kind END AS method, count(*) AS count
    FROM auth_methods m
    WHERE m.project_id = ${scope.projectId} AND m.branch_id = ${scope.branchId}
      AND m.created_at <= ${now.toISOString()}::timestamptz
      AND (${scope.includeAnonymous} OR m.user_id NOT IN (
        SELECT u.id FROM users u WHERE u.project_id = ${scope.projectId} AND u.branch_id = ${scope.branchId} AND u.is_anonymous))
    GROUP BY 1
    ORDER BY count(*) DESC, method`,
  );
  return rows.map((row) => ({ method: row.method, count: toCount(row.count) }));
}
