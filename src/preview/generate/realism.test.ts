// Does the standard preview look like a real product? Each measure is computed from the dataset alone,
// the way a dashboard reader would, and checked against the ranges of docs/product.md §4 / issue 3.
import { describe, expect, it } from 'vitest';
import { parseEventAt, type EventRow, type TokenRefreshData } from '../../events/event-rows.js';
import { generatePreviewDataset } from './index.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-03-18T15:42:07.123Z');
const dataset = generatePreviewDataset({
  projectId: '5d0f3a9e-7c2b-4d18-a6e4-93b1c8f2e7a0',
  seed: 'realism',
  now: NOW,
  size: 'standard',
});

const tokenRefreshes = dataset.events.filter((e) => e.event_type === '$token-refresh');
const ipInfo = (e: EventRow) => (e.data as TokenRefreshData).ip_info;
const utcDay = (e: EventRow): number => Math.floor(parseEventAt(e.event_at).getTime() / DAY_MS);
const today = Math.floor(NOW.getTime() / DAY_MS);
const lastFullDay = today - 1;

/** Distinct users with a `$token-refresh` per UTC day (days since the epoch). */
const activeByDay = new Map<number, Set<string>>();
for (const e of tokenRefreshes) {
  const users = activeByDay.get(utcDay(e)) ?? new Set<string>();
  users.add(e.user_id as string);
  activeByDay.set(utcDay(e), users);
}
const dau = (day: number): number => activeByDay.get(day)?.size ?? 0;

describe('realism of the standard preview', () => {
  it('(a) visits follow the local day: each local hour 00:00–05:59 has ≤ 25 % of the peak hour', () => {
    // A visit starts with a `$token-refresh` (every history token refresh does); its local hour is read in
    // the zone its ip_info names, with the runtime's tz database (summer time included).
    const hourOf = new Map<string, Intl.DateTimeFormat>();
    const visitsByLocalHour = new Array<number>(24).fill(0);
    for (const e of tokenRefreshes) {
      const zone = ipInfo(e)?.tz_identifier as string;
      let format = hourOf.get(zone);
      if (!format) {
        format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' });
        hourOf.set(zone, format);
      }
      const hour = Number(format.format(parseEventAt(e.event_at)));
      visitsByLocalHour[hour] = (visitsByLocalHour[hour] as number) + 1;
    }
    const peak = Math.max(...visitsByLocalHour);
    const nightShares = visitsByLocalHour.slice(0, 6).map((n) => n / peak);
    expect(
      nightShares.every((share) => share <= 0.25),
      `night shares ${nightShares.map((s) => s.toFixed(2)).join(' ')}`,
    ).toBe(true);
    // And the day is busy: the peak is in local working hours.
    expect(visitsByLocalHour.indexOf(peak)).toBeGreaterThanOrEqual(9);
    expect(visitsByLocalHour.indexOf(peak)).toBeLessThanOrEqual(17);
  });

  it('(b) weekends: mean DAU Sat+Sun ÷ mean DAU Mon–Fri over the last 28 full UTC days is 0.55–0.75', () => {
    const weekend: number[] = [];
    const weekday: number[] = [];
    for (let day = lastFullDay - 27; day <= lastFullDay; day += 1) {
      const weekdayIndex = new Date(day * DAY_MS).getUTCDay();
      (weekdayIndex === 0 || weekdayIndex === 6 ? weekend : weekday).push(dau(day));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect([weekend.length, weekday.length]).toEqual([8, 20]);
    const ratio = mean(weekend) / mean(weekday);
    expect(ratio).toBeGreaterThanOrEqual(0.55);
    expect(ratio).toBeLessThanOrEqual(0.75);
  });

  it('(c) retention by UTC day: D1 30–45 %, D7 15–25 %, D30 5–15 %', () => {
    // Dn: of the users whose sign-up day s has s + n ≤ the last full day, the share active (any
    // `$token-refresh`) on day s + n exactly.
    const retention = (n: number): number => {
      const eligible = dataset.users.filter((u) => Math.floor(u.signedUpAt.getTime() / DAY_MS) + n <= lastFullDay);
      const retained = eligible.filter((u) =>
        activeByDay.get(Math.floor(u.signedUpAt.getTime() / DAY_MS) + n)?.has(u.id),
      );
      return retained.length / eligible.length;
    };
    const [d1, d7, d30] = [retention(1), retention(7), retention(30)];
    expect(d1).toBeGreaterThanOrEqual(0.3);
    expect(d1).toBeLessThanOrEqual(0.45);
    expect(d7).toBeGreaterThanOrEqual(0.15);
    expect(d7).toBeLessThanOrEqual(0.25);
    expect(d30).toBeGreaterThanOrEqual(0.05);
    expect(d30).toBeLessThanOrEqual(0.15);
  });

  it('(d) the top country (by where users signed up from) has 25–40 % of users', () => {
    const homeCountry = new Map<string, string>();
    for (const e of tokenRefreshes)
      if (!homeCountry.has(e.user_id as string))
        homeCountry.set(e.user_id as string, ipInfo(e)?.country_code as string);
    const counts = new Map<string, number>();
    for (const country of homeCountry.values()) counts.set(country, (counts.get(country) ?? 0) + 1);
    const [top, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
    expect(top).toBe('US');
    expect(topCount / dataset.users.length).toBeGreaterThanOrEqual(0.25);
    expect(topCount / dataset.users.length).toBeLessThanOrEqual(0.4);
    expect(counts.size).toBeGreaterThanOrEqual(20);
  });

  it('(e) sign-ups ramp up: the last 30 days have more than the first 30', () => {
    const signUpDays = dataset.users.map((u) => Math.floor(u.signedUpAt.getTime() / DAY_MS));
    const firstHalf = signUpDays.filter((d) => d < today - 30).length;
    const secondHalf = signUpDays.length - firstHalf;
    expect(secondHalf / firstHalf).toBeGreaterThan(1.2);
    expect(secondHalf / firstHalf).toBeLessThan(2.5);
  });

  it('(f) ~70 % of users come back on a later day', () => {
    const signUpDay = new Map(dataset.users.map((u) => [u.id, Math.floor(u.signedUpAt.getTime() / DAY_MS)]));
    const returned = new Set(
      tokenRefreshes.filter((e) => utcDay(e) > (signUpDay.get(e.user_id as string) as number)).map((e) => e.user_id),
    );
    // Users who signed up in the last days had little chance to come back; count those with ≥ 14 days.
    const old = dataset.users.filter((u) => (signUpDay.get(u.id) as number) <= today - 14);
    const share = old.filter((u) => returned.has(u.id)).length / old.length;
    expect(share).toBeGreaterThanOrEqual(0.62);
    expect(share).toBeLessThanOrEqual(0.78);
  });
});
