// daily_clicks: `$click` events per UTC day of the window. Anonymous events (the event or its user says so) only when asked.
import { EVENTS_PER_DAY } from './events-per-day.js';
import { dailySeries } from './daily-series.js';

export const dailyClicks = dailySeries(EVENTS_PER_DAY, (row) => Number(row.clicks));
