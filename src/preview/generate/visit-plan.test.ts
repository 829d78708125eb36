import { describe, expect, it } from 'vitest';
import { CITIES, ipInfoFor, type City } from './geo.js';
import type { Person } from './person.js';
import { Random } from './random.js';
import { HISTORY_END_MARGIN_MS } from './timeline.js';
import { planVisit } from './visit-plan.js';
import { MAX_VISIT_SPAN_MS, type Visit } from './visit.js';

const person: Person = {
  index: 0,
  id: 'user',
  displayName: 'Test',
  email: 't@example.com',
  emailVerified: true,
  isAnonymous: false,
  profileImageUrl: null,
  cityIndex: 0,
  ipInfo: ipInfoFor(CITIES[0] as City, new Random('ip')),
  device: { screenWidth: 1920, screenHeight: 1080, viewportWidth: 1903, viewportHeight: 969 },
  refreshTokenIds: ['token-a', 'token-b'],
  signedUpAtMs: 0,
  signUpDay: 0,
  returns: true,
  engagement: 1,
  authMethods: [],
  lastActiveAtMs: 0,
};
const START = Date.parse('2026-03-18T12:00:00Z');

function plan(n: number, isSignUp: boolean): Visit[] {
  const random = new Random('visits');
  return Array.from({ length: n }, () => planVisit(random, person, START, isSignUp));
}

describe('planVisit', () => {
  const visits = plan(3_000, false);

  it('plans 1–4 page views in time order, all within the span the timeline keeps free before now', () => {
    expect(MAX_VISIT_SPAN_MS).toBeLessThan(HISTORY_END_MARGIN_MS);
    const counts = new Set<number>();
    for (const v of visits) {
      counts.add(v.pages.length);
      const times = v.pages.map((p) => p.atMs);
      expect(times[0]).toBeGreaterThan(v.startMs);
      expect(times.every((t, i) => i === 0 || t > (times[i - 1] as number))).toBe(true);
      expect(v.endMs).toBe(Math.max(...times, v.click?.atMs ?? 0));
      expect(v.endMs - v.startMs).toBeLessThanOrEqual(MAX_VISIT_SPAN_MS);
    }
    expect([...counts].sort()).toEqual([1, 2, 3, 4]);
  });

  it('clicks on a page between its view and the next one, inside the viewport, in ~40 % of visits', () => {
    const withClick = visits.filter((v) => v.click !== null);
    expect(withClick.length / visits.length).toBeGreaterThan(0.37);
    expect(withClick.length / visits.length).toBeLessThan(0.43);
    for (const v of withClick) {
      const click = v.click as NonNullable<Visit['click']>;
      const page = v.pages[click.pageIndex];
      expect(click.atMs).toBeGreaterThan(page?.atMs as number);
      expect(click.atMs).toBeLessThan(v.pages[click.pageIndex + 1]?.atMs ?? Infinity);
      expect(click.x).toBeLessThan(person.device.viewportWidth);
      expect(click.y).toBeLessThan(person.device.viewportHeight);
    }
  });

  it('walks sign-up visits from a landing page to the sign-up form and into the app, on the first token', () => {
    for (const v of plan(200, true)) {
      expect(v.pages.map((p) => p.page.path).slice(1)).toEqual(['/sign-up', '/dashboard']);
      expect(v.refreshTokenId).toBe('token-a');
    }
  });
});
