// Page views and clicks per day of the window: what daily_page_views and daily_clicks are read from.
import type { DaySource, DayRow } from './daily-series.js';
import type { ProjectRows } from './row-types.js';
import { EVENTS_IN_SCOPE } from './clickhouse-scope.js';
import { ANONYMOUS_USER_IDS, ROLLUP_ROWS, ROW_NOT_ANONYMOUS, WINDOW_DAYS } from './rollup-scope.js';
import { dayText, rowScope } from './row-scope.js';
import type { MetricScope } from './types.js';

/**
 * Page views and clicks per day of the window, as EVENT_VISIBLE counts them: each day's counts from
 * daily_users (events without a user count), less, unless anonymous users are asked for, the counts of
 * the users the mirror calls anonymous, read from their user_activity rows (few: the ids are looked up by
 * the sort key). Both daily series read this one query (a batch sends it once).
 * :TRICKY: the outer aliases page_views and clicks would shadow user_activity's columns of the same names,
 * so its rows are expanded in a subquery.
 */
const QUERY = `
  SELECT toString(toDate('1970-01-01') + day) AS day, sum(views) AS page_views, sum(taps) AS clicks
  FROM (
    SELECT day, toInt64(if(kind = 2, events, 0)) AS views, toInt64(if(kind = 3, events, 0)) AS taps
    FROM analytics_internal.daily_users
    WHERE ${EVENTS_IN_SCOPE} AND ${ROW_NOT_ANONYMOUS} AND kind IN (2, 3)
      AND day BETWEEN {fromDay:UInt16} AND {toDay:UInt16}
    UNION ALL
    SELECT day, -toInt64(if(counted.1 = 1, counted.3, 0)) AS views, -toInt64(if(counted.1 = 2, counted.3, 0)) AS taps
    FROM (
      SELECT toUInt16(block * 64 + counted.2) AS day, counted
      FROM analytics_internal.user_activity
      ARRAY JOIN arrayConcat(
        arrayMap((offset, n) -> (1, offset, n), page_views.1, page_views.2),
        arrayMap((offset, n) -> (2, offset, n), clicks.1, clicks.2)) AS counted
      WHERE NOT {includeAnonymous:Bool} AND ${ROLLUP_ROWS(WINDOW_DAYS)} AND ${ROW_NOT_ANONYMOUS}
        AND user_id IN (${ANONYMOUS_USER_IDS})
      SETTINGS use_index_for_in_with_subqueries = 1
    )
    WHERE day BETWEEN {fromDay:UInt16} AND {toDay:UInt16}
  )
  GROUP BY day
  HAVING page_views != 0 OR clicks != 0`;

/** QUERY's rows, from a small project's rows. */
function fromRows(rows: ProjectRows, scope: MetricScope, now: Date): DayRow[] {
  const s = rowScope(rows, scope, now);
  const { windowFromBlock, windowToBlock, fromDay, toDay } = s.params;
  const byDay = new Map<number, { day: string; page_views: number; clicks: number }>();
  const add = (block: number, [offsets, counts]: [number[], number[]], kind: 'page_views' | 'clicks') =>
    offsets.forEach((offset, i) => {
      const day = block * 64 + offset;
      if (day < fromDay || day > toDay) return;
      let row = byDay.get(day);
      if (!row) byDay.set(day, (row = { day: dayText(day), page_views: 0, clicks: 0 }));
      row[kind] += Number(counts[i]);
    });
  for (const row of rows.activity) {
    if (row.block < windowFromBlock || row.block > windowToBlock || !s.visible(row)) continue;
    add(row.block, row.page_views, 'page_views');
    add(row.block, row.clicks, 'clicks');
  }
  return [...byDay.values()];
}

export const EVENTS_PER_DAY: DaySource = { query: QUERY, fromRows };
