// Page views and clicks per day of the window: what daily_page_views and daily_clicks are read from.
import type { DaySource, DayRow } from './daily-series.js';
import type { ProjectRows } from './row-types.js';
import { ROLLUP_ROWS, ROW_VISIBLE, WINDOW_DAYS } from './rollup-scope.js';
import { dayText, rowScope } from './row-scope.js';
import type { MetricScope } from './types.js';

/**
 * Page views and clicks per day of the window, from the per-day counts of user_activity, as
 * EVENT_VISIBLE counts them: the rows of users the mirror calls anonymous are left out, events without
 * a user (user_id '') count. Both daily series read this one query (a batch sends it once), and it
 * reads the rows once: each row's page-view and click counts are expanded together, tagged by kind.
 * :TRICKY: the outer aliases page_views and clicks would shadow the columns of the same names, so the
 * rows are expanded in a subquery.
 */
const QUERY = `
  SELECT toString(toDate('1970-01-01') + day_number) AS day,
         sumIf(events, kind = 1) AS page_views, sumIf(events, kind = 2) AS clicks
  FROM (
    SELECT block * 64 + counted.2 AS day_number, counted.1 AS kind, counted.3 AS events
    FROM analytics_internal.user_activity
    ARRAY JOIN arrayConcat(
      arrayMap((offset, n) -> (1, offset, n), page_views.1, page_views.2),
      arrayMap((offset, n) -> (2, offset, n), clicks.1, clicks.2)) AS counted
    WHERE ${ROLLUP_ROWS(WINDOW_DAYS)} AND ${ROW_VISIBLE}
  )
  WHERE day_number BETWEEN {fromDay:UInt32} AND {toDay:UInt32}
  GROUP BY day_number`;

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
