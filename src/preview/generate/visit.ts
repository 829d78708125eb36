// A visit's shape: its bounds (the timeline keeps every visit's last event before `now`, see
// HISTORY_END_MARGIN_MS) and the types visit-plan.ts fills in. A leaf, so the timeline can read the bounds.
import type { Person } from './person.js';
import type { ClickTarget, SitePage } from './site.js';

export const FIRST_PAGE_DELAY_MS = [150, 1_500] as const;
export const PAGE_GAP_MS = [4_000, 150_000] as const;
export const CLICK_DELAY_MS = [800, 25_000] as const;
export const MAX_PAGES = 4;
export const MAX_VISIT_SPAN_MS = FIRST_PAGE_DELAY_MS[1] + (MAX_PAGES - 1) * PAGE_GAP_MS[1] + CLICK_DELAY_MS[1];

export interface PageStep {
  atMs: number;
  page: SitePage;
}

export interface ClickStep {
  atMs: number;
  /** The page view it happened on. */
  pageIndex: number;
  target: ClickTarget;
  x: number;
  y: number;
}

export interface Visit {
  person: Person;
  refreshTokenId: string;
  startMs: number;
  /** The last event's time. */
  endMs: number;
  /** The landing page's document.referrer, kept by later SPA navigations (see visit-events.ts). */
  referrer: string;
  pages: PageStep[];
  click: ClickStep | null;
}

/** A visit as planned, with the replay that recorded it: what ClickHouse expands into the same rows
 * (src/preview/write-visit-events.ts), far fewer bytes to send than the rows themselves. */
export interface SeededVisit extends Visit {
  sessionReplayId: string | null;
}
