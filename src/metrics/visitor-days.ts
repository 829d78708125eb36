// The visitor days: what visitors and daily_visitors are read from, in one query: the users with a
// `$page-view` in the window (anonymous ones only when asked), per day and over the whole window. Both
// figures ask for it with the same parameters, so a batch (query-batch.ts) sends it once.
import { chParams } from './clickhouse-scope.js';
import {
  ANONYMOUS_USER_NUMBERS,
  NO_CONDITION_CACHE,
  unnumberedVisitors,
  WINDOW_REFERRER_DAYS,
} from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { bitPositions, dayText, onRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// Per day: the day's numbered visitors (the union of its referrers' bitmaps, less the users the mirror
// calls anonymous) plus the ids without a number seen that day. The empty grouping set's row
// (whole_window = 1) counts the window's visitors the same way, each once, from the same reads.
const QUERY = `
  SELECT if(whole_window = 1, '', toString(toDate('1970-01-01') + day)) AS day, sum(users) AS visitors, whole_window
  FROM (
    SELECT toUInt32(day) AS day, grouping(day) AS whole_window,
           bitmapAndnotCardinality(groupBitmapMergeState(users), ${ANONYMOUS_USER_NUMBERS}) AS users
    FROM ${WINDOW_REFERRER_DAYS}
    GROUP BY GROUPING SETS ((day), ())
    UNION ALL
    SELECT * FROM (
      SELECT toUInt32(day) AS day, grouping(day), uniqExact(unnumbered_user)
      FROM ${unnumberedVisitors('day')}
      GROUP BY GROUPING SETS ((day), ())
      ${NO_CONDITION_CACHE})
  )
  GROUP BY day, whole_window
  HAVING visitors > 0`;

export interface VisitorDays {
  /** Distinct users over the whole window. */
  visitors: number;
  /** Distinct users per day, for the days that had any. */
  days: { day: string; value: number }[];
}

/** The same, from a small project's rows. */
export function visitorDaysFromRows(rows: ProjectRows, scope: MetricScope, now: Date): VisitorDays {
  const s = rowScope(rows, scope, now);
  const daysOfUser = new Map<string, Set<number>>();
  for (const row of rows.activity) {
    const days = row.view_days & s.windowMask(row.block);
    if (days === 0n || row.user_id === '' || !s.visible(row)) continue;
    const seen = daysOfUser.get(row.user_id) ?? new Set<number>();
    for (const i of bitPositions(days)) seen.add(row.block * 64 + i);
    daysOfUser.set(row.user_id, seen);
  }
  const perDay = new Map<number, number>();
  for (const days of daysOfUser.values()) for (const day of days) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  return {
    visitors: daysOfUser.size,
    days: [...perDay].map(([day, value]) => ({ day: dayText(day), value })),
  };
}

/** Shared with the other reader of the same batch. */
export async function visitorDays(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<VisitorDays> {
  if (projectRows) return onRows(projectRows, QUERY, scope, now, () => visitorDaysFromRows(projectRows, scope, now));
  const rows = await analytics.query<{ day: string; visitors: number; whole_window: number }>(
    QUERY,
    chParams(scope, now),
  );
  const whole = rows.find((row) => Number(row.whole_window) === 1);
  return {
    // No page view at all: no row for the whole window either.
    visitors: whole ? Number(whole.visitors) : 0,
    days: rows
      .filter((row) => Number(row.whole_window) !== 1)
      .map((row) => ({ day: row.day, value: Number(row.visitors) })),
  };
}
