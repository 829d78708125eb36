// daily_active_users_split: each day's active users (as in daily-active-users.ts) split in three:
// new = the day is the user's first-ever active day; retained = the user was also active the day
// before; reactivated = active before, but not the day before. new + retained + reactivated = DAU.
import type { DailyActiveSplitPoint } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import {
  DAYS_TO_WINDOW_END,
  daysIn,
  ROLLUP_ROWS,
  ROW_NOT_ANONYMOUS,
  ROW_USER_EXISTS,
  WINDOW_DAYS,
} from './rollup-scope.js';
import type { DaySource } from './daily-series.js';
import { ALL_BITS } from './day-masks.js';
import type { ProjectRows } from './row-types.js';
import { bitPositions, dayText, onRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow } from './window.js';

// From the activity rollup, each existing user grouped once: their first-ever active day (up to the
// window's end) and their refresh days in each of the window's blocks and the block before it (rows of
// the same block OR-ed together, -ForEach over the bound list of blocks). The day before each day is
// then the bits shifted by one with the previous block's last bit carried in, and the first-ever day
// is new. Each day of the window is counted once, under its kind (1 new, 2 retained, 3 reactivated).
const inWindow = (bits: string) => daysIn(bits, WINDOW_DAYS);

export const SPLIT_QUERY = `
  SELECT toString(toDate('1970-01-01') + (block * 64 + day_kind.1)) AS day,
         countIf(day_kind.2 = 1) AS new, countIf(day_kind.2 = 2) AS retained, countIf(day_kind.2 = 3) AS reactivated
  FROM (
    SELECT block, bits,
           if(intDiv(first_day, 64) = block, bitShiftLeft(toUInt64(1), first_day % 64), toUInt64(0)) AS new_days,
           bitOr(bitShiftLeft(bits, 1), bitShiftRight(bits_before, 63)) AS day_before,
           ${inWindow('new_days')} AS new_in_window,
           ${inWindow('bitAnd(bits, day_before)')} AS retained_in_window,
           ${inWindow('bitAnd(bits, bitNot(bitOr(day_before, new_days)))')} AS reactivated_in_window
    FROM (
      SELECT min(block * 64 + bitPositionsToArray(active)[1]) AS first_day,
             groupBitOrForEach(arrayMap(b -> if(block = b, active, toUInt64(0)),
                                        {windowBlocksFromBefore:Array(UInt16)})) AS by_block
      FROM (
        SELECT user_id, block, ${daysIn('refresh_days', DAYS_TO_WINDOW_END)} AS active
        FROM analytics_internal.user_activity
        WHERE ${ROLLUP_ROWS(DAYS_TO_WINDOW_END)} AND ${ROW_NOT_ANONYMOUS}
      )
      WHERE active != 0
      GROUP BY user_id
      HAVING ${ROW_USER_EXISTS}
    )
    ARRAY JOIN arraySlice({windowBlocksFromBefore:Array(UInt16)}, 2) AS block,
               arraySlice(by_block, 2) AS bits,
               arraySlice(by_block, 1, length(by_block) - 1) AS bits_before
    WHERE bits != 0
  )
  ARRAY JOIN arrayConcat(
    arrayMap(i -> (i, 1), bitPositionsToArray(new_in_window)),
    arrayMap(i -> (i, 2), bitPositionsToArray(retained_in_window)),
    arrayMap(i -> (i, 3), bitPositionsToArray(reactivated_in_window))) AS day_kind
  GROUP BY day`;

type Row = Omit<DailyActiveSplitPoint, 'date'> & { day: string };

/** SPLIT_QUERY's rows, from a small project's rows: the same steps, one user at a time. */
export function splitFromRows(rows: ProjectRows, scope: MetricScope, now: Date): Row[] {
  const s = rowScope(rows, scope, now);
  const blocks = s.params.windowBlocksFromBefore;
  const users = new Map<string, { firstDay: number; byBlock: bigint[] }>();
  for (const row of rows.activity) {
    const active = row.refresh_days & s.toWindowEndMask(row.block);
    if (active === 0n || !s.notAnonymous(row)) continue;
    let user = users.get(row.user_id);
    if (!user) users.set(row.user_id, (user = { firstDay: Infinity, byBlock: blocks.map(() => 0n) }));
    user.firstDay = Math.min(user.firstDay, row.block * 64 + bitPositions(active)[0]!);
    const i = blocks.indexOf(row.block);
    if (i >= 0) user.byBlock[i]! |= active;
  }
  const byDay = new Map<number, Row>();
  const count = (day: number, kind: 'new' | 'retained' | 'reactivated') => {
    let row = byDay.get(day);
    if (!row) byDay.set(day, (row = { day: dayText(day), new: 0, retained: 0, reactivated: 0 }));
    row[kind] += 1;
  };
  for (const [userId, { firstDay, byBlock }] of users) {
    if (!s.exists(userId)) continue;
    for (let i = 1; i < blocks.length; i++) {
      const [block, bits, bitsBefore] = [blocks[i]!, byBlock[i]!, byBlock[i - 1]!];
      if (bits === 0n) continue;
      const newDays = Math.floor(firstDay / 64) === block ? 1n << BigInt(firstDay % 64) : 0n;
      const dayBefore = ((bits << 1n) | (bitsBefore >> 63n)) & ALL_BITS;
      const mask = s.windowMask(block);
      for (const d of bitPositions(newDays & mask)) count(block * 64 + d, 'new');
      for (const d of bitPositions(bits & dayBefore & mask)) count(block * 64 + d, 'retained');
      for (const d of bitPositions(bits & ~(dayBefore | newDays) & mask)) count(block * 64 + d, 'reactivated');
    }
  }
  return [...byDay.values()];
}

/** The split's rows, for the daily series that read them (daily-active-users.ts). */
export const SPLIT: DaySource = { query: SPLIT_QUERY, fromRows: splitFromRows };

export async function dailyActiveUsersSplit(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<DailyActiveSplitPoint[]> {
  const rows = projectRows
    ? onRows(projectRows, SPLIT_QUERY, scope, now, () => splitFromRows(projectRows, scope, now))
    : await analytics.query<Row>(SPLIT_QUERY, chParams(scope, now));
  const byDay = new Map(rows.map(({ day, ...split }) => [day, split]));
  const { days } = metricWindow(now, scope.range);
  const outside = rows.find((row) => !days.includes(row.day));
  if (outside) throw new Error(`daily_active_users_split returned day ${outside.day}, outside the window`);
  return days.map((date) => ({ date, ...(byDay.get(date) ?? { new: 0, retained: 0, reactivated: 0 }) }));
}
