// What the metrics over the activity rollups (ClickHouse migration 0006, docs/rollups.md) filter on.
// A rollup row holds one user's days of one 64-day block as bits (bit i = day block * 64 + i, days
// counted from 1970-01-01); a window is a range of day numbers, so "active in the window" is a mask.
// Constant SQL with `{name:Type}` placeholders, like clickhouse-scope.ts.
import { EVENTS_IN_SCOPE, IN_SCOPE, SCOPED_USER_IDS } from './clickhouse-scope.js';

/**
 * A run of days, as the placeholders chParams binds (day-masks.ts): which blocks hold its days, and the
 * mask of its days in the row's `block`, defined for those blocks.
 */
export interface DayBounds {
  blocks: string;
  mask: string;
}
/** The overview's window: its first day to the day of its end (now, or the end of its last day). */
export const WINDOW_DAYS: DayBounds = {
  blocks: 'block BETWEEN {windowFromBlock:UInt16} AND {windowToBlock:UInt16}',
  mask: '{windowMasks:Array(UInt64)}[indexOf({windowBlocks:Array(UInt16)}, block)]',
};

/** `column`'s days within `days` (0 when it has none there). */
export const daysIn = (column: string, days: DayBounds) => `bitAnd(${column}, ${days.mask})`;

/**
 * A rollup row of the project and branch (current seed generation), from the blocks of `days` (the sort
 * key cannot skip the others: user_id comes first).
 */
export const ROLLUP_ROWS = (days: DayBounds) => `${EVENTS_IN_SCOPE} AND ${days.blocks}`;

/** The row's events did not call themselves anonymous (or anonymous events are asked for). */
export const ROW_NOT_ANONYMOUS = `({includeAnonymous:Bool} OR event_anonymous = 0)`;

/** The row's user exists now (and is not anonymous, unless asked for): as USER_IN_SCOPE on events. */
export const ROW_USER_EXISTS = `user_id IN (${SCOPED_USER_IDS})`;

/**
 * The end of a query whose SELECT aggregates per user: `table`'s rows with a day of `column` in `days`
 * (not anonymous unless asked), one group per user, existing users only. Users are grouped before the
 * existence test, so each id is looked up once.
 */
export const perActiveUser = (table: string, column: string, days: DayBounds) => `
  FROM analytics_internal.${table}
  WHERE ${ROLLUP_ROWS(days)}
    AND ${daysIn(column, days)} != 0
    AND ${ROW_NOT_ANONYMOUS}
  GROUP BY user_id
  HAVING ${ROW_USER_EXISTS}`;

/**
 * The numbers (migration 0008) of the users that exist now, anonymous ones only when asked: a bitmap, as
 * SCOPED_USER_IDS holds their ids.
 */
export const EXISTING_USER_NUMBERS = `(
  SELECT groupBitmapState(n) FROM analytics_internal.user_states FINAL
  WHERE ${IN_SCOPE} AND sync_is_deleted = 0 AND ({includeAnonymous:Bool} OR is_anonymous = 0))`;

/**
 * daily_users rows (migration 0008) of the project and branch (current seed generation) and of one kind
 * (1 refreshes, 2 page views, 3 clicks), not anonymous unless asked.
 */
export const dailyRows = (kind: 1 | 2 | 3) => `${EVENTS_IN_SCOPE} AND ${ROW_NOT_ANONYMOUS} AND kind = ${kind}`;

/** The refreshing users of each day: kind 1's '' place (a located refresh also has a row of its place). */
export const DAILY_REFRESHES = `${dailyRows(1)} AND country_code = ''`;

/**
 * The numbers of the users the mirror calls anonymous, deleted or not (as ANONYMOUS_USER_IDS), or none when
 * anonymous users are asked for: a bitmap to take out of the visitors.
 */
export const ANONYMOUS_USER_NUMBERS = `(
  SELECT groupBitmapState(n) FROM analytics_internal.user_states FINAL
  WHERE ${IN_SCOPE} AND is_anonymous = 1 AND NOT {includeAnonymous:Bool})`;

/** The window's page-view rows of daily_users (their bitmaps: the numbered visitors per referrer and day). */
export const WINDOW_REFERRER_DAYS = `
  analytics_internal.daily_users
  WHERE ${dailyRows(2)} AND day BETWEEN {fromDay:UInt16} AND {toDay:UInt16}`;

/**
 * The window's ids that had no number when their page views were written and have none now, one row per
 * id and `by` (day or referrer): ids the users mirror never held, so none it calls anonymous. The only
 * visitors the bitmaps do not hold (daily_users.unnumbered_users, migration 0009). A query reading them
 * ends with NO_CONDITION_CACHE.
 */
export const unnumberedVisitors = (by: 'day' | 'referrer') => `(
    SELECT ${by}, arrayJoin(groupUniqArrayMerge(unnumbered_users)) AS unnumbered_user
    FROM ${WINDOW_REFERRER_DAYS}
    GROUP BY ${by})
  WHERE joinGet('analytics_internal.user_numbers', 'n', concat({projectId:String}, ':', unnumbered_user)) = 0`;

/** :TRICKY: joinGet's answer changes as users are numbered; the query condition cache would keep an old one. */
export const NO_CONDITION_CACHE = `SETTINGS use_query_condition_cache = 0`;

/** Ids the mirror calls anonymous, deleted or not (a tombstone keeps the flag). */
export const ANONYMOUS_USER_IDS = `
  SELECT toString(id) FROM analytics_internal.users FINAL WHERE ${IN_SCOPE} AND is_anonymous = 1`;
