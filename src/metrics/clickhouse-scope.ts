// What every ClickHouse metric binds and filters on. The fragments below are constant SQL with
// `{name:Type}` placeholders (never values), so the queries that embed them stay fully parameterised.
import { formatEventAt } from '../events/event-rows.js';
import { blockMask, blockMasks, dayNumber } from './day-masks.js';
import type { MetricScope } from './types.js';
import { liveSince, mauSince, metricWindow } from './window.js';

/** A block number no row has (day 65,535, the last ClickHouse Date, lies in block 1,023). */
const NO_BLOCK = 65_535;
const blockBefore = (block: number) => (block > 0 ? block - 1 : NO_BLOCK);

/** Bound parameters of every ClickHouse metric; a query uses the ones it names. */
export function chParams(scope: MetricScope, now: Date) {
  const window = metricWindow(now, scope.range);
  const [fromDay, toDay] = [dayNumber(window.from), dayNumber(window.to)];
  const windowMasks = blockMasks(fromDay, toDay);
  const mauMasks = blockMasks(dayNumber(mauSince(now)), dayNumber(now));
  const [windowFromBlock, windowToBlock] = [windowMasks.blocks[0]!, windowMasks.blocks.at(-1)!];
  return {
    projectId: scope.projectId,
    branchId: scope.branchId,
    includeAnonymous: scope.includeAnonymous,
    seedGeneration: scope.seedGeneration,
    from: formatEventAt(window.from),
    to: formatEventAt(window.to),
    now: formatEventAt(now),
    mauSince: formatEventAt(mauSince(now)),
    liveSince: formatEventAt(liveSince(now)),
    // Days and their masks per 64-day block for the rollups (rollup-scope.ts, day-masks.ts).
    fromDay,
    toDay,
    mauFromDay: dayNumber(mauSince(now)),
    nowDay: dayNumber(now),
    windowBlocks: windowMasks.blocks,
    windowMasks: windowMasks.masks,
    windowFromBlock,
    windowToBlock,
    windowToBlockMask: blockMask(windowToBlock, 0, toDay),
    // The window's blocks and the one before it (its last day is the first day's day before); before
    // block 0 there is none, and NO_BLOCK holds no row.
    windowBlocksFromBefore: [blockBefore(windowFromBlock), ...windowMasks.blocks],
    mauBlocks: mauMasks.blocks,
    mauMasks: mauMasks.masks,
  };
}

/** The project and branch: first in every table's ORDER BY, so ClickHouse reads only their range. */
export const IN_SCOPE = `project_id = {projectId:String} AND branch_id = {branchId:String}`;

/**
 * Real events (seeded = 0) and the demo events of the project's current seed generation: while a reseed
 * writes the next generation beside the old one, the overview counts exactly one of them.
 */
export const CURRENT_EVENTS = `seeded IN (0, {seedGeneration:UInt8})`;

/** The project and branch, and only events that count now: for the events table and the rollups. */
export const EVENTS_IN_SCOPE = `${IN_SCOPE} AND ${CURRENT_EVENTS}`;

/** The window: from the first day's midnight to the end of its last day or now, inclusive. Never after now. */
export const IN_WINDOW = `event_at >= {from:DateTime64(3, 'UTC')} AND event_at <= {to:DateTime64(3, 'UTC')}`;

/** MAU's own period, whatever the window: today and the 30 days before it, up to now inclusive. */
export const IN_MAU_PERIOD = `event_at >= {mauSince:DateTime64(3, 'UTC')} AND event_at <= {now:DateTime64(3, 'UTC')}`;

/**
 * Ids of the users that exist now (latest version is not a tombstone), anonymous ones only when asked.
 * :TRICKY: WHERE runs after FINAL picks each key's latest version (prewhere is not moved past FINAL),
 * so a tombstone hides the user instead of revealing an older live version.
 */
export const SCOPED_USER_IDS = `
  SELECT toString(id) FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE} AND sync_is_deleted = 0 AND ({includeAnonymous:Bool} OR is_anonymous = 0)`;

/**
 * The event's user exists now (and is not anonymous, unless asked for).
 * :TRICKY: ifNull turns the Nullable(String) user_id into a plain String: `user_id IN (…)` on the
 * Nullable column is several times slower once the mirror is large. A NULL user_id matches no id either way.
 */
export const USER_IN_SCOPE = `ifNull(user_id, '') IN (${SCOPED_USER_IDS})`;

/** The existing users as rows, with what the dashboard shows of each. */
export const SCOPED_USERS = `
  SELECT toString(id) AS id, display_name, primary_email, profile_image_url, signed_up_at
  FROM analytics_internal.users FINAL
  WHERE ${IN_SCOPE} AND sync_is_deleted = 0 AND ({includeAnonymous:Bool} OR is_anonymous = 0)`;

/** The event does not call itself anonymous (or anonymous events are asked for). */
export const EVENT_NOT_ANONYMOUS = `({includeAnonymous:Bool} OR data_is_anonymous = 0)`;

/**
 * For metrics that count events rather than users: the event is not anonymous, and neither is its user
 * according to the mirror (a user is anonymous if either says so). A deleted user's tombstone keeps
 * the old row, so an anonymous user stays anonymous after deletion.
 */
export const EVENT_VISIBLE = `(${EVENT_NOT_ANONYMOUS} AND ({includeAnonymous:Bool} OR ifNull(user_id, '') NOT IN (
  SELECT toString(id) FROM analytics_internal.users FINAL WHERE ${IN_SCOPE} AND is_anonymous = 1)))`;

/** The country of a `$token-refresh` (`data.ip_info.country_code`), or NULL when it was not located. */
export const COUNTRY = `data_country_code`;

/** The one row of an aggregate query; a missing row is a bug to surface, not a zero. */
export function onlyRow<Row>(rows: readonly Row[], metric: string): Row {
  const [row] = rows;
  if (rows.length !== 1 || row === undefined) throw new Error(`${metric}: expected one row, got ${rows.length}`);
  return row;
}
