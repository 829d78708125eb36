// The overview window: today (UTC) and the 30 days before it, ending at `now` inclusive. Every daily
// series is zero-filled here, after the query, so a chart never has to guess at a missing day.
import { LIVE_SECONDS, WINDOW_DAYS, type DailyPoint } from '../../contract/metrics.js';

const DAY_MS = 86_400_000;

export interface MetricWindow {
  /** 00:00:00.000 UTC of the first day. */
  from: Date;
  /** `now`, inclusive: nothing dated after it is counted anywhere. */
  to: Date;
  /** The 31 days, oldest first, as 'YYYY-MM-DD'. */
  days: string[];
}

export function metricWindow(now: Date): MetricWindow {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (WINDOW_DAYS - 1) * DAY_MS);
  const days = Array.from({ length: WINDOW_DAYS }, (_, i) => new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10));
  return { from, to: now, days };
}

/** Start of the live interval (now − 120 s), exclusive. */
export const liveSince = (now: Date): Date => new Date(now.getTime() - LIVE_SECONDS * 1000);

/** Start of "the last 30 days" (now − 30 × 24 h), exclusive. */
export const thirtyDaysBefore = (now: Date): Date => new Date(now.getTime() - 30 * DAY_MS);

/** One point per window day, in order; days the query did not return are 0. Unknown days fail loudly. */
export function zeroFill(days: readonly string[], rows: readonly { day: string; value: number | string }[]): DailyPoint[] {
  const byDay = new Map<string, number>();
  for (const row of rows) {
    if (!days.includes(row.day)) throw new Error(`metric returned day ${row.day}, outside the window ${days[0]}..${days.at(-1)}`);
    byDay.set(row.day, (byDay.get(row.day) ?? 0) + Number(row.value));
  }
  return days.map((date) => ({ date, activity: byDay.get(date) ?? 0 }));
}
