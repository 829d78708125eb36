// daily_clicks: `$click` events per UTC day of the window. Anonymous events (the event or its user says so) only when asked.
import { countEventsPerDay } from './rollup-scope.js';
import { dailySeries } from './daily-series.js';

export const dailyClicks = dailySeries(countEventsPerDay('clicks'));
