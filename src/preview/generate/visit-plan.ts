// What happens in one visit: a `$token-refresh`, 1–4 page views a few seconds to minutes apart, sometimes a
// click, drawn within the bounds of visit.ts.
import type { Person } from './person.js';
import { Random, WeightedTable } from './random.js';
import {
  CLICK_TARGET_WEIGHTS,
  LANDING_PAGE_WEIGHTS,
  NAVIGATION_PAGE_WEIGHTS,
  REFERRER_WEIGHTS,
  pageByPath,
  type SitePage,
} from './site.js';
import {
  CLICK_DELAY_MS,
  FIRST_PAGE_DELAY_MS,
  PAGE_GAP_MS,
  type ClickStep,
  type PageStep,
  type Visit,
} from './visit.js';

const PAGE_COUNT_WEIGHTS = [
  [1, 35],
  [2, 30],
  [3, 20],
  [4, 15],
] as const;
const CLICK_CHANCE = 0.4;
/** Sign-up visits walk landing → sign-up form → the app. */
const SIGN_UP_PATHS = ['/sign-up', '/dashboard'] as const;

const landingPages = new WeightedTable(LANDING_PAGE_WEIGHTS);
const navigationPages = new WeightedTable(NAVIGATION_PAGE_WEIGHTS);
const referrers = new WeightedTable(REFERRER_WEIGHTS);
const pageCounts = new WeightedTable(PAGE_COUNT_WEIGHTS);
const clickTargets = new WeightedTable(CLICK_TARGET_WEIGHTS);
const signUpPages = SIGN_UP_PATHS.map(pageByPath);

export function planVisit(random: Random, person: Person, startMs: number, isSignUp: boolean): Visit {
  const refreshTokenId = isSignUp ? (person.refreshTokenIds[0] as string) : random.pick(person.refreshTokenIds);
  const referrer = referrers.pick(random);
  const route = isSignUp ? [landingPages.pick(random), ...signUpPages] : pageRoute(random);

  const pages: PageStep[] = [];
  let atMs = startMs + random.int(FIRST_PAGE_DELAY_MS[0], FIRST_PAGE_DELAY_MS[1]);
  for (const page of route) {
    pages.push({ atMs, page });
    atMs += random.int(PAGE_GAP_MS[0], PAGE_GAP_MS[1]);
  }
  const lastPage = pages[pages.length - 1] as PageStep;

  let click: ClickStep | null = null;
  if (random.chance(CLICK_CHANCE)) {
    const pageIndex = random.int(0, pages.length - 1);
    const { device } = person;
    const pageAtMs = (pages[pageIndex] as PageStep).atMs;
    // The click happens on that page, so before the next page view (gaps are longer than the shortest delay).
    const nextAtMs = pages[pageIndex + 1]?.atMs ?? Infinity;
    click = {
      atMs: pageAtMs + random.int(CLICK_DELAY_MS[0], Math.min(CLICK_DELAY_MS[1], nextAtMs - pageAtMs - 1)),
      pageIndex,
      target: clickTargets.pick(random),
      x: random.int(0, device.viewportWidth - 1),
      y: random.int(0, device.viewportHeight - 1),
    };
  }
  const endMs = Math.max(lastPage.atMs, click?.atMs ?? 0);
  return { person, refreshTokenId, startMs, endMs, referrer, pages, click };
}

function pageRoute(random: Random): SitePage[] {
  const count = pageCounts.pick(random);
  const route = [landingPages.pick(random)];
  while (route.length < count) {
    // One re-draw avoids most "reloads" of the page just seen without a loop that could run long.
    let next = navigationPages.pick(random);
    if (next === route[route.length - 1]) next = navigationPages.pick(random);
    route.push(next);
  }
  return route;
}
