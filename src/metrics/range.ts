// The window a GET /metrics request asks for: `range=7d|30d|90d|365d`, or `from`/`to` as whole UTC
// days. The contract has checked each value's format; these are the rules across parameters and
// against today, each failure naming the parameter to fix.
import { DEFAULT_RANGE, MAX_WINDOW_DAYS, type MetricsQuery } from '../../contract/metrics.js';
import { dayOf, daysBetween, lastDays, type DayRange } from './window.js';

/** The first day a window may start on. */
export const FIRST_DAY = '1970-01-01';

export class RangeParamError extends Error {
  constructor(
    readonly param: 'range' | 'from' | 'to',
    message: string,
  ) {
    super(message);
    this.name = 'RangeParamError';
  }
}

/** The days of the request's window at `now`; throws RangeParamError naming the bad parameter. */
export function requestedRange({ range, from, to }: Pick<MetricsQuery, 'range' | 'from' | 'to'>, now: Date): DayRange {
  if (range !== undefined) {
    if (from !== undefined) throw new RangeParamError('from', 'cannot be combined with range');
    if (to !== undefined) throw new RangeParamError('to', 'cannot be combined with range');
    return lastDays(range, now);
  }
  if (from === undefined && to === undefined) return lastDays(DEFAULT_RANGE, now);
  if (from === undefined) throw new RangeParamError('from', 'is required with to');
  if (to === undefined) throw new RangeParamError('to', 'is required with from');
  const today = dayOf(now);
  // 'YYYY-MM-DD' strings order as their dates.
  if (to > today) throw new RangeParamError('to', `must not be after today (${today} UTC)`);
  if (from > to) throw new RangeParamError('from', `must not be after to (${to})`);
  // ClickHouse days (and the rollups' day numbers) start there.
  if (from < FIRST_DAY) throw new RangeParamError('from', `must not be before ${FIRST_DAY}`);
  if (daysBetween({ first: from, last: to }) > MAX_WINDOW_DAYS)
    throw new RangeParamError('from', `must be at most ${MAX_WINDOW_DAYS} days before to, both included`);
  return { first: from, last: to };
}
