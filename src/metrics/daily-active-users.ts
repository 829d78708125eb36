// daily_active_users: distinct existing users with a `$token-refresh` per UTC day of the window.
// From the activity rollup: each user's refresh days of a block, merged over their rows, count once per day.
import { countDayBits, daysIn, ROLLUP_ROWS, ROW_NOT_ANONYMOUS, ROW_USER_EXISTS, WINDOW_DAYS } from './rollup-scope.js';
import { dailySeries } from './daily-series.js';

const QUERY = countDayBits(`
  SELECT block, groupBitOr(${daysIn('refresh_days', WINDOW_DAYS)}) AS bits
  FROM analytics_internal.user_activity
  WHERE ${ROLLUP_ROWS(WINDOW_DAYS)}
    AND ${ROW_NOT_ANONYMOUS}
  GROUP BY user_id, block
  HAVING ${ROW_USER_EXISTS}`);

export const dailyActiveUsers = dailySeries(QUERY);
