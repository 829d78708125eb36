// daily_active_users_split: each day's active users (as in daily-active-users.ts) split in three:
// new = the day is the user's first-ever active day; retained = the user was also active the day
// before; reactivated = active before, but not the day before. new + retained + reactivated = DAU.
import type { DailyActiveSplitPoint } from '../../contract/metrics.js';
import { chParams, EVENT_NOT_ANONYMOUS, IN_SCOPE, USER_IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow } from './window.js';

// One row per user: the first active day up to the window's end, and the active days from the day
// before the window on, as a bitmap of day numbers (0 = the day before the window, i = window day i,
// up to 366); then one row per active window day. Grouping by user keeps memory at a first day and a
// few bits per user, where a window function over every (user, day) pair would sort them all. A
// bitmap rather than the bits of one UInt64, because a window may hold up to 366 days.
// :TRICKY: the day number is computed for every row before the If drops the older ones, so it is
// clamped at 0 (a negative number does not fit the UInt16).
const QUERY = `
  WITH toDate({from:DateTime64(3, 'UTC')}) - 1 AS day_before
  SELECT toString(day_before + i) AS day,
         countIf(day_before + i = first_day) AS new,
         countIf(day_before + i > first_day AND bitmapContains(active_days, toUInt32(i - 1))) AS retained,
         countIf(day_before + i > first_day AND NOT bitmapContains(active_days, toUInt32(i - 1))) AS reactivated
  FROM (
    SELECT user_id,
           min(toDate(event_at)) AS first_day,
           groupBitmapStateIf(
             toUInt16(greatest(dateDiff('day', day_before, toDate(event_at)), 0)),
             event_at >= {from:DateTime64(3, 'UTC')} - INTERVAL 1 DAY) AS active_days
    FROM analytics_internal.events
    WHERE ${IN_SCOPE}
      AND event_type = '$token-refresh'
      AND event_at <= {to:DateTime64(3, 'UTC')}
      AND ${EVENT_NOT_ANONYMOUS}
      AND ${USER_IN_SCOPE}
    GROUP BY user_id
  )
  ARRAY JOIN arrayFilter(i -> i >= 1, bitmapToArray(active_days)) AS i
  GROUP BY day`;

type Row = Omit<DailyActiveSplitPoint, 'date'> & { day: string };

export async function dailyActiveUsersSplit(
  { analytics }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<DailyActiveSplitPoint[]> {
  const rows = await analytics.query<Row>(QUERY, chParams(scope, now));
  const byDay = new Map(rows.map(({ day, ...split }) => [day, split]));
  const { days } = metricWindow(now, scope.range);
  const outside = rows.find((row) => !days.includes(row.day));
  if (outside) throw new Error(`daily_active_users_split returned day ${outside.day}, outside the window`);
  return days.map((date) => ({ date, ...(byDay.get(date) ?? { new: 0, retained: 0, reactivated: 0 }) }));
}
