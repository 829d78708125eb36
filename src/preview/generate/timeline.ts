// The time frame of a generation, all in epoch milliseconds. History is the `days` × 24 h before `now`,
// cut off early enough that a visit starting at the cut-off still ends before `now`; live events alone
// fill the last seconds. Days are UTC days, indexed from the one holding the window's start.
import { MAX_VISIT_SPAN_MS } from './visit.js';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** Room between the last possible visit start and `now`: the longest visit plus a minute of slack. */
export const HISTORY_END_MARGIN_MS = MAX_VISIT_SPAN_MS + MINUTE_MS;

export interface Timeline {
  nowMs: number;
  /** First instant of history. */
  startMs: number;
  /** Last instant at which anything in history may start (visits, sign-ups, rows' createdAt). */
  latestMs: number;
  /** UTC midnight of day 0. */
  firstDayMs: number;
  /** UTC days touched by [startMs, latestMs]; the first and last are partial. */
  dayCount: number;
}

export function createTimeline(now: Date, days: number): Timeline {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');
  const startMs = nowMs - days * DAY_MS;
  const latestMs = nowMs - HISTORY_END_MARGIN_MS;
  const firstDayMs = Math.floor(startMs / DAY_MS) * DAY_MS;
  return { nowMs, startMs, latestMs, firstDayMs, dayCount: Math.floor((latestMs - firstDayMs) / DAY_MS) + 1 };
}

export function dayStartMs(timeline: Timeline, day: number): number {
  return timeline.firstDayMs + day * DAY_MS;
}

export function dayIndexOf(timeline: Timeline, ms: number): number {
  return Math.floor((ms - timeline.firstDayMs) / DAY_MS);
}

/** Keeps derived row times (memberships, payments, ...) inside history. */
export function clampToHistory(timeline: Timeline, ms: number): number {
  return Math.min(timeline.latestMs, Math.max(timeline.startMs, ms));
}
