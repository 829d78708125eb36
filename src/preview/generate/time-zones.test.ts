import { describe, expect, it } from 'vitest';
import { dailyUtcOffsets, utcOffsetMinutes } from './time-zones.js';

const DAY_MS = 86_400_000;

describe('utcOffsetMinutes', () => {
  it('reads whole, half-hour, negative and zero offsets, summer time included', () => {
    const winter = Date.parse('2026-01-15T12:00:00Z');
    const summer = Date.parse('2026-07-15T12:00:00Z');
    expect(utcOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(utcOffsetMinutes('America/Los_Angeles', winter)).toBe(-480);
    expect(utcOffsetMinutes('America/Los_Angeles', summer)).toBe(-420);
    expect(utcOffsetMinutes('Europe/London', winter)).toBe(0);
    expect(utcOffsetMinutes('Australia/Sydney', winter)).toBe(660);
    expect(utcOffsetMinutes('Australia/Sydney', summer)).toBe(600);
  });
});

describe('dailyUtcOffsets', () => {
  it('finds the exact day summer time starts between weekly probes', () => {
    // US summer time 2026 starts on Sunday 8 March at 02:00 local (10:00 UTC): the noon offset changes that day.
    const firstNoon = Date.parse('2026-02-20T12:00:00Z');
    const offsets = [...dailyUtcOffsets('America/New_York', firstNoon, DAY_MS, 40)];
    const switchDay = offsets.indexOf(-240);
    expect(new Date(firstNoon + switchDay * DAY_MS).toISOString().slice(0, 10)).toBe('2026-03-08');
    expect(offsets.slice(0, switchDay).every((o) => o === -300)).toBe(true);
    expect(offsets.slice(switchDay).every((o) => o === -240)).toBe(true);
  });

  it('matches a day-by-day lookup over a whole year', () => {
    const firstNoon = Date.parse('2026-01-01T12:00:00Z');
    for (const zone of ['Europe/Berlin', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Tokyo']) {
      const expected = Array.from({ length: 366 }, (_, i) => utcOffsetMinutes(zone, firstNoon + i * DAY_MS));
      expect([...dailyUtcOffsets(zone, firstNoon, DAY_MS, 366)]).toEqual(expected);
    }
  });
});
