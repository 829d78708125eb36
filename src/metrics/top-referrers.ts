// top_referrers: `$page-view` referrers in the window ranked by distinct visitors ('' = direct, also
// when the event has no referrer), then by referrer; the first 10.
// From the referrer rollup: a user counts for a referrer if any of their rows has a day in the window.
import { TOP_LIMIT, type Referrer } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import { daysIn, ROLLUP_ROWS, ROW_NOT_ANONYMOUS, USER_NOT_ANONYMOUS, WINDOW_DAYS } from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { byBytes, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// Grouped by (referrer, user) first, so the anonymous-user test runs once per pair.
const QUERY = `
  SELECT referrer, count() AS visitors
  FROM (
    SELECT referrer, user_id
    FROM analytics_internal.user_referrers
    WHERE ${ROLLUP_ROWS(WINDOW_DAYS)}
      AND ${daysIn('view_days', WINDOW_DAYS)} != 0
      AND ${ROW_NOT_ANONYMOUS}
    GROUP BY referrer, user_id
    HAVING ${USER_NOT_ANONYMOUS}
  )
  GROUP BY referrer
  ORDER BY visitors DESC, referrer
  LIMIT {limit:UInt32}`;

/** The same, from a small project's rows. */
export function topReferrersFromRows(rows: ProjectRows, scope: MetricScope, now: Date): Referrer[] {
  const s = rowScope(rows, scope, now);
  const usersOf = new Map<string, Set<string>>();
  for (const row of rows.referrers) {
    if ((row.view_days & s.windowMask(row.block)) === 0n || !s.notAnonymous(row) || !s.userNotAnonymous(row.user_id))
      continue;
    usersOf.set(row.referrer, (usersOf.get(row.referrer) ?? new Set()).add(row.user_id));
  }
  return [...usersOf]
    .map(([referrer, users]) => ({ referrer, visitors: users.size }))
    .sort((a, b) => b.visitors - a.visitors || byBytes(a.referrer, b.referrer))
    .slice(0, TOP_LIMIT);
}

export async function topReferrers(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<Referrer[]> {
  if (projectRows) return topReferrersFromRows(projectRows, scope, now);
  return analytics.query<Referrer>(QUERY, { ...chParams(scope, now), limit: TOP_LIMIT });
}
