// daily_active_users_split: each day's active users (as in daily-active-users.ts) split in three:
// new = the day is the user's first-ever active day; retained = the user was also active the day
// before; reactivated = active before, but not the day before. new + retained + reactivated = DAU.
import type { DailyActiveSplitPoint } from '../../contract/metrics.js';
import { chParams } from './clickhouse-scope.js';
import { DAILY_REFRESHES, EXISTING_USER_NUMBERS } from './rollup-scope.js';
import type { DaySource } from './daily-series.js';
import { ALL_BITS } from './day-masks.js';
import type { ProjectRows } from './row-types.js';
import { bitPositions, dayText, onRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';
import { metricWindow } from './window.js';

// From the days' bitmaps (migration 0008), each day of the window once: its active users are the day's
// bitmap intersected with the users that exist now; new ones were active on no day before it (the union
// of every earlier day, back to the first); retained ones were active the day before; the rest came back.
// A user's first-ever day is taken over their non-anonymous days, as the raw definition does.
export const SPLIT_QUERY = `
  WITH days AS (
    SELECT day, groupBitmapMergeState(users) AS users
    FROM analytics_internal.daily_users
    WHERE ${DAILY_REFRESHES} AND day <= {toDay:UInt16}
    GROUP BY day
  )
  SELECT toString(toDate('1970-01-01') + day) AS day,
         bitmapAndnotCardinality(active, before_it) AS new,
         bitmapAndCardinality(active, day_before) AS retained,
         bitmapCardinality(active) - new - retained AS reactivated
  FROM (
    SELECT d.day AS day, bitmapAnd(any(d.users), ${EXISTING_USER_NUMBERS}) AS active,
           groupBitmapMergeStateIf(earlier.users, earlier.day < d.day) AS before_it,
           groupBitmapMergeStateIf(earlier.users, earlier.day = d.day - 1) AS day_before
    FROM days AS d CROSS JOIN days AS earlier
    WHERE d.day >= {fromDay:UInt16}
    GROUP BY d.day
  )
  WHERE bitmapCardinality(active) > 0`;

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
