import { describe, expect, it } from 'vitest';
import { DailyCycle, WEEKEND_FACTOR } from './daily-cycle.js';
import { CITIES, cityByName } from './geo.js';
import { Random } from './random.js';
import { createTimeline, dayIndexOf, dayStartMs } from './timeline.js';

const NOW = new Date('2026-03-18T15:42:07.123Z'); // a Wednesday
const timeline = createTimeline(NOW, 60);
const cycle = new DailyCycle(timeline);
const tokyo = CITIES.indexOf(cityByName('Tokyo'));
const newYork = CITIES.indexOf(cityByName('New York'));
const dayOf = (iso: string): number => dayIndexOf(timeline, Date.parse(iso));

describe('DailyCycle', () => {
  it('weighs a full local weekday 1 and a full local weekend day the weekend factor', () => {
    // In Tokyo (UTC+9) the UTC Wednesday is Wed 09:00 – Thu 09:00 local; the UTC Saturday is Sat 09:00 – Sun 09:00.
    expect(cycle.dayWeight(tokyo, dayOf('2026-03-11T12:00:00Z'))).toBeCloseTo(1, 9);
    expect(cycle.dayWeight(tokyo, dayOf('2026-03-14T12:00:00Z'))).toBeCloseTo(WEEKEND_FACTOR, 9);
    // The UTC Sunday ends in Monday's quiet early hours: a little above the weekend factor.
    const sunday = cycle.dayWeight(tokyo, dayOf('2026-03-15T12:00:00Z'));
    expect(sunday).toBeGreaterThan(WEEKEND_FACTOR);
    expect(sunday).toBeLessThan(WEEKEND_FACTOR + 0.05);
  });

  it('has no time before the window or after the history cut-off', () => {
    expect(cycle.dayWeight(tokyo, 0)).toBeLessThan(1);
    const last = timeline.dayCount - 1;
    expect(dayStartMs(timeline, last)).toBeLessThanOrEqual(timeline.latestMs);
    const random = new Random('cycle');
    for (let i = 0; i < 2_000; i += 1) {
      const at = cycle.sampleInstant(newYork, last, random);
      expect(at).toBeGreaterThanOrEqual(dayStartMs(timeline, last));
      expect(at).toBeLessThan(timeline.latestMs);
    }
  });

  it("puts instants in the city's local daytime", () => {
    const random = new Random('daytime');
    const day = dayOf('2026-03-10T12:00:00Z');
    const hours = new Array<number>(24).fill(0);
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    for (let i = 0; i < 5_000; i += 1) {
      const hour = Number(format.format(cycle.sampleInstant(newYork, day, random)));
      hours[hour] = (hours[hour] as number) + 1;
    }
    // The UTC day 10 March covers New York from 20:00 (9 March) to 20:00: its nights are 00:00–06:00.
    const night = hours.slice(0, 6).reduce((a, b) => a + b, 0);
    const workday = hours.slice(10, 16).reduce((a, b) => a + b, 0);
    expect(night / workday).toBeLessThan(0.1);
  });
});
