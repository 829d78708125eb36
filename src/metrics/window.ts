// The overview window: whole UTC days, by default today and the 30 days before it, ending at the end of
// its last day or at `now`, whichever is earlier. Every daily series is zero-filled here, after the
// query, so a chart never has to guess at a missing day.
import { DEFAULT_RANGE, LIVE_SECONDS, RANGES, type DailyPoint, type RangeName } from '../../contract/metrics.js';

export const DAY_MS = 86_400_000;

/** Whole UTC days, both included, as 'YYYY-MM-DD'. */
export interface DayRange {
  first: string;
  last: string;
}

export interface MetricWindow {
  /** 00:00:00.000 UTC of the first day. */
  from: Date;
  /** The last millisecond of the last day, or `now` if earlier, inclusive: nothing after now is counted. */
  to: Date;
  /** The days, oldest first, as 'YYYY-MM-DD'. */
  days: string[];
}

export const dayOf = (instant: Date | number): string => new Date(instant).toISOString().slice(0, 10);
const midnight = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const startOfDay = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** `range=Nd`: today (UTC) and the N days before it. */
export function lastDays(range: RangeName, now: Date): DayRange {
  const today = startOfDay(now);
  return { first: dayOf(today - RANGES[range] * DAY_MS), last: dayOf(today) };
}

/** Days from `first` to `last`, both included. */
export const daysBetween = ({ first, last }: DayRange): number =>
  Math.round((midnight(last) - midnight(first)) / DAY_MS) + 1;

/** The window of `range` (the default range when none is given) as seen at `now`. */
export function metricWindow(now: Date, range: DayRange = lastDays(DEFAULT_RANGE, now)): MetricWindow {
  const from = midnight(range.first);
  const endOfLastDay = midnight(range.last) + DAY_MS - 1;
  const days = Array.from({ length: daysBetween(range) }, (_, i) => dayOf(from + i * DAY_MS));
  return { from: new Date(from), to: endOfLastDay < now.getTime() ? new Date(endOfLastDay) : now, days };
}

/** The window ends now (its last day is today), not at the end of a past day. */
export const windowEndsNow = (now: Date, range?: DayRange): boolean =>
  metricWindow(now, range).to.getTime() === now.getTime();

/** Start of `mau`'s own period, whatever the window: today's and the 30 previous days' first instant. */
export const mauSince = (now: Date): Date => new Date(midnight(lastDays(DEFAULT_RANGE, now).first));

/** Start of the live interval (now − 120 s), exclusive. */
export const liveSince = (now: Date): Date => new Date(now.getTime() - LIVE_SECONDS * 1000);

/** Start of "the last 30 days" (now − 30 × 24 h), exclusive. */
export const thirtyDaysBefore = (now: Date): Date => new Date(now.getTime() - 30 * DAY_MS);

/** One point per window day, in order; days the query did not return are 0. Unknown days fail loudly. */
export function zeroFill(
  days: readonly string[],
  rows: readonly { day: string; value: number | string }[],
): DailyPoint[] {
  const inWindow = new Set(days);
  const byDay = new Map<string, number>();
  for (const row of rows) {
    if (!inWindow.has(row.day))
      throw new Error(`metric returned day ${row.day}, outside the window ${days[0]}..${days.at(-1)}`);
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + Number(row.value));
  }
  return days.map((date) => ({ date, activity: byDay.get(date) ?? 0 }));
}
