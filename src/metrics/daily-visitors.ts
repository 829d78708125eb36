// daily_visitors: distinct users with a `$page-view` per UTC day of the window. Anonymous events (the event or its user says so) only when asked.
// From the activity rollup: each user's page-view days of a block, merged over their rows, count once per day.
import { countDayBits, daysIn, ROLLUP_ROWS, ROW_HAS_USER, ROW_VISIBLE, WINDOW_DAYS } from './rollup-scope.js';
import { dailySeries } from './daily-series.js';

const QUERY = countDayBits(`
  SELECT block, groupBitOr(${daysIn('view_days', WINDOW_DAYS)}) AS bits
  FROM analytics_internal.user_activity
  WHERE ${ROLLUP_ROWS(WINDOW_DAYS)}
    AND ${ROW_HAS_USER}
    AND ${ROW_VISIBLE}
  GROUP BY user_id, block`);

export const dailyVisitors = dailySeries(QUERY);
