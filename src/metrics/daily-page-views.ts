// daily_page_views: `$page-view` events per UTC day of the window. Anonymous events (the event or its user says so) only when asked.
import { EVENT_VISIBLE, IN_SCOPE, IN_WINDOW } from './clickhouse-scope.js';
import { dailySeries } from './daily-series.js';

const QUERY = `
  SELECT toString(toDate(event_at)) AS day, count() AS value
  FROM analytics_internal.events
  WHERE ${IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}
  GROUP BY day`;

export const dailyPageViews = dailySeries(QUERY);
