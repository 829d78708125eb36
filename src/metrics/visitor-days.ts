// The visitor days: what visitors and daily_visitors are read from, in one query over the activity
// rollup. Each user with a `$page-view` in the window (anonymous ones only when asked) is grouped once,
// their page-view days of the window listed; a row per day counts the users of that day, and one more
// row (the empty grouping set) counts each user once: the visitors of the whole window. Both figures ask
// for it with the same parameters, so a batch (query-batch.ts) sends it once: one grouping of users
// and one planning instead of two.
import { chParams } from './clickhouse-scope.js';
import { daysIn, ROLLUP_ROWS, ROW_HAS_USER, ROW_VISIBLE, WINDOW_DAYS } from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { bitPositions, dayText, onRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// A user's blocks are expanded to day numbers (a day lies in one block, so a user lists it once).
// j = 1 marks each user's first day: counted in the window's row, the users. `whole_window` is 1 on
// that row (the day is aggregated there, not a key).
const QUERY = `
  SELECT toString(toDate('1970-01-01') + day_number) AS day, count() AS visitors,
         countIf(j = 1) AS users, grouping(day_number) AS whole_window
  FROM (
    SELECT arrayFlatten(arrayMap(
             user_block -> arrayMap(i -> user_block.1 * 64 + i, bitPositionsToArray(user_block.2)),
             groupArray((block, ${daysIn('view_days', WINDOW_DAYS)})))) AS days
    FROM analytics_internal.user_activity
    WHERE ${ROLLUP_ROWS(WINDOW_DAYS)} AND ${ROW_HAS_USER} AND ${ROW_VISIBLE}
    GROUP BY user_id
  )
  ARRAY JOIN arrayDistinct(days) AS day_number, arrayEnumerate(arrayDistinct(days)) AS j
  GROUP BY GROUPING SETS ((day_number), ())`;

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
  const rows = await analytics.query<{ day: string; visitors: number; users: number; whole_window: number }>(
    QUERY,
    chParams(scope, now),
  );
  const whole = rows.find((row) => Number(row.whole_window) === 1);
  return {
    // No page view at all: ClickHouse may leave out the empty grouping set's row.
    visitors: whole ? Number(whole.users) : 0,
    days: rows
      .filter((row) => Number(row.whole_window) !== 1)
      .map((row) => ({ day: row.day, value: Number(row.visitors) })),
  };
}
