// daily_active_users_split: each day's active users (as in daily-active-users.ts) split in three:
// new = the day is the user's first-ever active day; retained = the user was also active the day
// before; reactivated = active before, but not the day before. new + retained + reactivated = DAU.
import type { DailyActiveSplitPoint } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import {
  DAYS_TO_WINDOW_END,
  daysIn,
  inBlocks,
  ROW_NOT_ANONYMOUS,
  ROW_USER_EXISTS,
  WINDOW_DAYS,
} from './rollup-scope.js';
import { IN_SCOPE } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow } from './window.js';

// From the activity rollup, one row per (user, block) with the user's refresh days up to the window's
// end. The day before each day is the bits shifted by one, the last bit of the user's previous block
// carried in; the first-ever day is the lowest bit of the user's first block. Each kind of day is then
// counted per day of the window, as daily-active-users.ts counts active days.
const perDay = (bits: string) =>
  `sumForEach(arrayMap(i -> toUInt64(bitTest(${daysIn(bits, WINDOW_DAYS)}, i)), range(64)))`;

export const SPLIT_QUERY = `
  SELECT toString(toDate('1970-01-01') + (block * 64 + i)) AS day, new, retained, reactivated
  FROM (
    SELECT block, ${perDay('new_days')} AS n, ${perDay('retained_days')} AS r, ${perDay('reactivated_days')} AS a
    FROM (
      SELECT block,
             if(block = first_block, bitShiftLeft(toUInt64(1), bitPositionsToArray(bits)[1]), toUInt64(0)) AS new_days,
             bitOr(bitShiftLeft(bits, 1), if(ifNull(previous_block = block - 1, 0), bitShiftRight(previous_bits, 63), 0)) AS day_before,
             bitAnd(bits, day_before) AS retained_days,
             bitAnd(bits, bitNot(bitOr(day_before, new_days))) AS reactivated_days
      FROM (
        SELECT block, bits,
               lagInFrame(bits) OVER by_user AS previous_bits,
               lagInFrame(toNullable(block)) OVER by_user AS previous_block,
               min(block) OVER (PARTITION BY user_id) AS first_block
        FROM (
          SELECT user_id, block, groupBitOr(${daysIn('refresh_days', DAYS_TO_WINDOW_END)}) AS bits
          FROM analytics_internal.user_activity
          WHERE ${IN_SCOPE} AND ${inBlocks(DAYS_TO_WINDOW_END)} AND ${ROW_NOT_ANONYMOUS}
          GROUP BY user_id, block
          HAVING bits != 0 AND ${ROW_USER_EXISTS}
        )
        WINDOW by_user AS (PARTITION BY user_id ORDER BY block ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
      )
    )
    WHERE ${inBlocks(WINDOW_DAYS)}
    GROUP BY block
  )
  ARRAY JOIN n AS new, r AS retained, a AS reactivated, range(64) AS i
  WHERE new + retained + reactivated > 0`;

type Row = Omit<DailyActiveSplitPoint, 'date'> & { day: string };

export async function dailyActiveUsersSplit(
  { analytics }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<DailyActiveSplitPoint[]> {
  const rows = await analytics.query<Row>(SPLIT_QUERY, chParams(scope, now));
  const byDay = new Map(rows.map(({ day, ...split }) => [day, split]));
  const { days } = metricWindow(now, scope.range);
  const outside = rows.find((row) => !days.includes(row.day));
  if (outside) throw new Error(`daily_active_users_split returned day ${outside.day}, outside the window`);
  return days.map((date) => ({ date, ...(byDay.get(date) ?? { new: 0, retained: 0, reactivated: 0 }) }));
}
