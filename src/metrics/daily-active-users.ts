// daily_active_users: distinct existing users with a `$token-refresh` per UTC day of the window.
import { EVENT_NOT_ANONYMOUS, IN_SCOPE, IN_WINDOW, USER_IN_SCOPE } from './clickhouse-scope.js';
import { dailySeries } from './daily-series.js';

const QUERY = `
  SELECT toString(toDate(event_at)) AS day, uniqExact(user_id) AS value
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$token-refresh'
    AND ${IN_WINDOW}
    AND ${EVENT_NOT_ANONYMOUS}
    AND ${USER_IN_SCOPE}
  GROUP BY day`;

export const dailyActiveUsers = dailySeries(QUERY);
