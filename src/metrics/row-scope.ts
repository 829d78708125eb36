// The filters of rollup-scope.ts and clickhouse-scope.ts, applied in-process to a small project's rows
// (project-rows.ts), with the same bound values chParams gives the queries. Pure.
import { chParams } from './clickhouse-scope.js';
import { ALL_BITS } from './day-masks.js';
import type { ProjectRows } from './row-types.js';
import type { MetricScope } from './types.js';
import { DAY_MS, dayOf } from './window.js';

export interface RowScope {
  params: ReturnType<typeof chParams>;
  /** The window's days in `block` (WINDOW_DAYS.mask), 0n outside it. */
  windowMask(block: number): bigint;
  /** MAU's period's days (today and the 30 before) in `block`, 0n outside it. */
  mauMask(block: number): bigint;
  /** Every day up to the window's end, in `block` (a user's first-ever active day lies there). */
  toWindowEndMask(block: number): bigint;
  /** ROW_NOT_ANONYMOUS. */
  notAnonymous(row: { event_anonymous: number }): boolean;
  /** Neither the row nor, per the mirror, its user is anonymous (unless asked for), as EVENT_VISIBLE. */
  visible(row: { event_anonymous: number; user_id: string }): boolean;
  /** The mirror does not call the user anonymous (or anonymous users are asked for). */
  userNotAnonymous(userId: string): boolean;
  /** ROW_USER_EXISTS (SCOPED_USER_IDS). */
  exists(userId: string): boolean;
}

const masksByBlock = (blocks: readonly number[], masks: readonly bigint[]) =>
  new Map(blocks.map((block, i) => [block, masks[i]!]));

export const rowScope = (rows: ProjectRows, scope: MetricScope, now: Date): RowScope =>
  onRows(rows, 'scope', scope, now, () => newRowScope(rows, scope, now));

function newRowScope(rows: ProjectRows, scope: MetricScope, now: Date): RowScope {
  const params = chParams(scope, now);
  const include = scope.includeAnonymous;
  const window = masksByBlock(params.windowBlocks, params.windowMasks);
  const mau = masksByBlock(params.mauBlocks, params.mauMasks);
  const anonymous = new Set(rows.users.filter((u) => u.is_anonymous).map((u) => u.id));
  const existing = new Set(
    rows.users.filter((u) => !u.sync_is_deleted && (include || !u.is_anonymous)).map((u) => u.id),
  );
  const userNotAnonymous = (userId: string) => include || !anonymous.has(userId);
  return {
    params,
    windowMask: (block) => window.get(block) ?? 0n,
    mauMask: (block) => mau.get(block) ?? 0n,
    toWindowEndMask: (block) =>
      block < params.windowToBlock ? ALL_BITS : block === params.windowToBlock ? params.windowToBlockMask : 0n,
    notAnonymous: (row) => include || !row.event_anonymous,
    visible: (row) => include || (!row.event_anonymous && userNotAnonymous(row.user_id)),
    userNotAnonymous,
    exists: (userId) => existing.has(userId),
  };
}

/**
 * perActiveUser of rollup-scope.ts, on rows: `rows` with a day of `days(row)` in `mask`, not anonymous unless
 * asked, grouped per user, existing users only.
 */
export function activeUserRows<Row extends { user_id: string; block: number; event_anonymous: number }>(
  s: RowScope,
  rows: readonly Row[],
  days: (row: Row) => bigint,
  mask: (block: number) => bigint,
): Map<string, Row[]> {
  const byUser = new Map<string, Row[]>();
  for (const row of rows) {
    if ((days(row) & mask(row.block)) === 0n || !s.notAnonymous(row) || !s.exists(row.user_id)) continue;
    const list = byUser.get(row.user_id);
    if (list) list.push(row);
    else byUser.set(row.user_id, [row]);
  }
  return byUser;
}

/** The positions of `bits`' set bits, lowest first (bitPositionsToArray), read 32 bits at a time. */
export function bitPositions(bits: bigint): number[] {
  const positions: number[] = [];
  if (bits === 0n) return positions;
  for (let rest = Number(bits & 0xffffffffn) | 0; rest !== 0; rest &= rest - 1)
    positions.push(31 - Math.clz32(rest & -rest));
  for (let rest = Number(bits >> 32n) | 0; rest !== 0; rest &= rest - 1) positions.push(63 - Math.clz32(rest & -rest));
  return positions;
}

/** A day number (days since 1970-01-01) as 'YYYY-MM-DD'. */
export const dayText = (dayNumber: number): string => dayOf(dayNumber * DAY_MS);

const SURROGATE = /[\uD800-\uDFFF]/;
/** ClickHouse's order of two strings: by their UTF-8 bytes (UTF-16 order is the same without surrogates). */
export const byBytes = (a: string, b: string): number =>
  SURROGATE.test(a) || SURROGATE.test(b) ? Buffer.compare(Buffer.from(a), Buffer.from(b)) : a < b ? -1 : a > b ? 1 : 0;

/** ClickHouse's order of two Nullable strings: by bytes, NULL last (its default). */
export const byBytesNullsLast = (a: string | null, b: string | null): number =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : byBytes(a, b);

const memo = new WeakMap<ProjectRows, Map<string, unknown>>();
/**
 * `compute` once per project rows, name, scope and instant: figures that share a query share its
 * in-process form the same way (a batch sends a shared query once). Callers must not change the result.
 */
export function onRows<T>(rows: ProjectRows, name: string, scope: MetricScope, now: Date, compute: () => T): T {
  let cache = memo.get(rows);
  if (!cache) memo.set(rows, (cache = new Map()));
  const key = JSON.stringify([name, scope, now.getTime()]);
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}

/** How many items have each key. */
export function countBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
