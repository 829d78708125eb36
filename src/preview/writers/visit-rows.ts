// Seeded visits → the compact rows ClickHouse expands into event rows (visit-events.ts).
// Pure. Every piece of JSON in an event's data is written here with JSON.stringify, in the key order of
// src/preview/generate/visit-events.ts, so ClickHouse only concatenates: the rows it builds are the
// generator's `events` byte for byte (tested in visit-events.test.ts).
import type { Person } from '../generate/person.js';
import { CLICK_TARGET_WEIGHTS, PAGES, REFERRER_WEIGHTS, type ClickTarget, type SitePage } from '../generate/site.js';
import type { SeededVisit } from '../generate/visit.js';

/** `{"a":1,"b":2}` → `"a":1,"b":2`: an object's members, to splice into a larger object. */
const members = (o: object): string => JSON.stringify(o).slice(1, -1);

/** Fixed pieces, indexed by the numbers in a VisitRow (0-based here, 1-based in SQL arrays). */
export const VISIT_DICTIONARIES = {
  /** `"url":…,"path":…` of each site page. */
  pageHeads: PAGES.map((p) => members({ url: p.url, path: p.path })),
  /** `"title":…` of each site page. */
  pageTitles: PAGES.map((p) => members({ title: p.title })),
  /** Each referrer as a JSON string. */
  referrers: REFERRER_WEIGHTS.map(([r]) => JSON.stringify(r)),
  /** `"selector":…,"tag_name":…[,"text":…][,"href":…]` of each click target. */
  clickHeads: CLICK_TARGET_WEIGHTS.map(([t]) =>
    members({
      selector: t.selector,
      tag_name: t.tagName,
      ...(t.text === undefined ? {} : { text: t.text }),
      ...(t.href === undefined ? {} : { href: t.href }),
    }),
  ),
};

const pageIndex = new Map<SitePage, number>(PAGES.map((p, i) => [p, i]));
const referrerIndex = new Map<string, number>(REFERRER_WEIGHTS.map(([r], i) => [r, i]));
const targetIndex = new Map<ClickTarget, number>(CLICK_TARGET_WEIGHTS.map(([t], i) => [t, i]));

/** One visit. Keys are short: a `large` preview sends ~284k of these. */
export interface VisitRow {
  /** Person index (PersonRow.i). */
  u: number;
  /** Refresh token id. */
  t: string;
  /** Session replay id. */
  r: string | null;
  /** The `$token-refresh` time, ms since the epoch. */
  s: number;
  /** Referrer index. */
  f: number;
  /** Page view times and page indexes. */
  pa: number[];
  pp: number[];
  /** The click: time (-1 when none), target index, x, y. */
  ca: number;
  ct: number;
  cx: number;
  cy: number;
}

/** What every event of one person carries. */
export interface PersonRow {
  i: number;
  id: string;
  /** `true` / `false`. */
  a: string;
  /** The `$token-refresh` data after its refresh_token_id: `,"is_anonymous":…,"ip_info":…}`. */
  rt: string;
  /** A page view's data after its title: `,"is_anonymous":…,"viewport_width":…,…}`. */
  pv: string;
}

function indexOf<K>(map: Map<K, number>, key: K, what: string): number {
  const i = map.get(key);
  if (i === undefined) throw new Error(`visit rows: ${what} is not in the site dictionaries`);
  return i;
}

export function visitRow(v: SeededVisit): VisitRow {
  const { click } = v;
  return {
    u: v.person.index,
    t: v.refreshTokenId,
    r: v.sessionReplayId,
    s: v.startMs,
    f: indexOf(referrerIndex, v.referrer, `referrer ${v.referrer}`),
    pa: v.pages.map((p) => p.atMs),
    pp: v.pages.map((p) => indexOf(pageIndex, p.page, `page ${p.page.path}`)),
    ca: click ? click.atMs : -1,
    ct: click ? indexOf(targetIndex, click.target, `click target ${click.target.selector}`) : 0,
    cx: click ? click.x : 0,
    cy: click ? click.y : 0,
  };
}

export function personRow(p: Person): PersonRow {
  const d = p.device;
  return {
    i: p.index,
    id: p.id,
    a: String(p.isAnonymous),
    rt: `,${members({ is_anonymous: p.isAnonymous, ip_info: p.ipInfo })}}`,
    pv: `,${members({ is_anonymous: p.isAnonymous, viewport_width: d.viewportWidth, viewport_height: d.viewportHeight, screen_width: d.screenWidth, screen_height: d.screenHeight })}}`,
  };
}

/** The people the visits belong to, once each. */
export function visitPeople(visits: readonly SeededVisit[]): PersonRow[] {
  const seen = new Map<number, PersonRow>();
  for (const v of visits) if (!seen.has(v.person.index)) seen.set(v.person.index, personRow(v.person));
  return [...seen.values()];
}
