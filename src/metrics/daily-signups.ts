// daily_signups: existing users per UTC sign-up day in the window (anonymous ones only when asked).
import { IN_SCOPE } from './clickhouse-scope.js';
import { dailySeries } from './daily-series.js';

const QUERY = `
  SELECT toString(toDate(signed_up_at)) AS day, count() AS value
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE}
    AND sync_is_deleted = 0
    AND ({includeAnonymous:Bool} OR is_anonymous = 0)
    AND signed_up_at >= {from:DateTime64(3, 'UTC')}
    AND signed_up_at <= {to:DateTime64(3, 'UTC')}
  GROUP BY day`;

export const dailySignups = dailySeries(QUERY);
