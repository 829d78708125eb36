// top_referrers: `$page-view` referrers in the window ranked by distinct visitors ('' = direct, also
// when the event has no referrer), then by referrer; the first 10.
import { TOP_LIMIT, type Referrer } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import {
  ANONYMOUS_USER_NUMBERS,
  NO_CONDITION_CACHE,
  unnumberedVisitors,
  WINDOW_REFERRER_DAYS,
} from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { byBytes, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// Per referrer: its numbered visitors (the union of the window's days, less the users the mirror calls
// anonymous) plus the ids without a number that came from it.
const QUERY = `
  SELECT referrer, sum(referrer_visitors) AS visitors
  FROM (
    SELECT referrer, bitmapAndnotCardinality(groupBitmapMergeState(users), ${ANONYMOUS_USER_NUMBERS}) AS referrer_visitors
    FROM ${WINDOW_REFERRER_DAYS}
    GROUP BY referrer
    UNION ALL
    SELECT * FROM (SELECT referrer, uniqExact(unnumbered_user) FROM ${unnumberedVisitors('referrer')} GROUP BY referrer ${NO_CONDITION_CACHE})
  )
  GROUP BY referrer
  HAVING visitors > 0
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
