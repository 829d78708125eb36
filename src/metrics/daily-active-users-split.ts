// daily_active_users_split: each day's active users (as in daily-active-users.ts) split in three:
// new = the day is the user's first-ever active day; retained = the user was also active the day
// before; reactivated = active before, but not the day before. new + retained + reactivated = DAU.
import type { DailyActiveSplitPoint } from '../../contract/metrics.js';
import { queryRows } from '../analytics/store.js';
import { chParams, EVENT_NOT_ANONYMOUS, IN_SCOPE, USER_IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow } from './window.js';

// One row per user: the first-ever active day (all history up to now) and the active days from the
// day before the window on; then one row per active window day. Grouping by user keeps memory at one
// small array per user, where a window function over every (user, day) pair would sort them all.
const QUERY = `
  SELECT toString(active_day) AS day,
         countIf(active_day = first_day) AS new,
         countIf(active_day > first_day AND has(active_days, active_day - 1)) AS retained,
         countIf(active_day > first_day AND NOT has(active_days, active_day - 1)) AS reactivated
  FROM (
    SELECT user_id,
           min(toDate(event_at)) AS first_day,
           groupUniqArrayIf(toDate(event_at), event_at >= {from:DateTime64(3, 'UTC')} - INTERVAL 1 DAY) AS active_days
    FROM analytics_internal.events
    WHERE ${IN_SCOPE}
      AND event_type = '$token-refresh'
      AND event_at <= {now:DateTime64(3, 'UTC')}
      AND ${EVENT_NOT_ANONYMOUS}
      AND ${USER_IN_SCOPE}
    GROUP BY user_id
  )
  ARRAY JOIN active_days AS active_day
  WHERE active_day >= toDate({from:DateTime64(3, 'UTC')})
  GROUP BY active_day`;

type Row = Omit<DailyActiveSplitPoint, 'date'> & { day: string };

export async function dailyActiveUsersSplit({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<DailyActiveSplitPoint[]> {
  const rows = await queryRows<Row>(analytics, QUERY, chParams(scope, now));
  const byDay = new Map(rows.map(({ day, ...split }) => [day, split]));
  const { days } = metricWindow(now);
  const outside = rows.find((row) => !days.includes(row.day));
  if (outside) throw new Error(`daily_active_users_split returned day ${outside.day}, outside the window`);
  return days.map((date) => ({ date, ...(byDay.get(date) ?? { new: 0, retained: 0, reactivated: 0 }) }));
}
