// Nothing in a preview is dated after the `now` it was generated for, whatever the clock says: right after
// or before midnight UTC, late evening in far-off zones (local "today" ends while UTC continues), month,
// year and leap-day boundaries, and a summer-time switch inside the history.
import { describe, expect, it } from 'vitest';
import { formatEventAt, parseEventAt, type EventRow } from '../../events/event-rows.js';
import { generatePreviewDataset } from './index.js';
import type { PreviewDataset, PreviewSize } from './types.js';

const NOWS: readonly (readonly [label: string, iso: string])[] = [
  ['just after 00:00 UTC', '2026-03-18T00:00:00.001Z'],
  ['midnight UTC exactly', '2026-03-19T00:00:00.000Z'],
  ['23:59:59.999 UTC', '2026-03-18T23:59:59.999Z'],
  ['22:30 in America/Los_Angeles (PDT)', '2026-03-19T05:30:00.000Z'],
  ['22:30 in Asia/Tokyo', '2026-03-18T13:30:00.000Z'],
  ['22:30 in Australia/Sydney (AEDT)', '2026-03-18T11:30:00.000Z'],
  ['22:30 in Asia/Kolkata', '2026-03-18T17:00:00.000Z'],
  ['month boundary', '2026-05-01T00:00:00.000Z'],
  ['year boundary', '2026-01-01T00:00:00.050Z'],
  ['leap day', '2028-02-29T23:59:59.999Z'],
  ['just after the leap day', '2028-03-01T00:00:00.007Z'],
  ['a day after US summer time starts', '2026-03-09T07:15:00.000Z'],
];

/** Every Date in a row, except a subscription's period end (a future end of a period is no event). */
function rowInstants(dataset: PreviewDataset): { where: string; at: number }[] {
  const found: { where: string; at: number }[] = [];
  const tables = {
    users: dataset.users,
    contactChannels: dataset.contactChannels,
    teams: dataset.teams,
    teamMembers: dataset.teamMembers,
    authMethods: dataset.authMethods,
    emails: dataset.emails,
    sessionReplays: dataset.sessionReplays,
    subscriptions: dataset.subscriptions,
    invoices: dataset.invoices,
    oneTimePurchases: dataset.oneTimePurchases,
  };
  for (const [table, rows] of Object.entries(tables)) {
    for (const row of rows as readonly object[]) {
      for (const [column, value] of Object.entries(row)) {
        if (value instanceof Date && !(table === 'subscriptions' && column === 'currentPeriodEnd'))
          found.push({ where: `${table}.${column}`, at: value.getTime() });
      }
    }
  }
  return found;
}

describe.each(['tiny', 'standard'] as const satisfies readonly PreviewSize[])('%s: no timestamp after now', (size) => {
  it.each(NOWS)('%s (%s)', (_label, iso) => {
    const now = new Date(iso);
    const nowMs = now.getTime();
    const dataset = generatePreviewDataset({
      projectId: 'b1f4c7d0-0000-4000-8000-000000000001',
      seed: `time-${size}`,
      now,
      size,
    });

    const rowsAfterNow = rowInstants(dataset).filter(({ at }) => at > nowMs);
    expect(rowsAfterNow).toEqual([]);

    // event_at is fixed-width UTC text, so text order is time order.
    const nowText = formatEventAt(now);
    const events = [...dataset.events, ...dataset.liveEvents];
    expect(events.filter((e) => e.event_at > nowText).map((e) => e.event_at)).toEqual([]);
    expect(events.filter((e) => e.event_at === nowText).length).toBeLessThanOrEqual(2);
    // History still reaches close to now: it is not "safe" by being empty or stale.
    const newest = parseEventAt((dataset.events[dataset.events.length - 1] as EventRow).event_at).getTime();
    expect(newest).toBeGreaterThan(nowMs - 86_400_000);

    // Derived times keep their order too.
    for (const r of dataset.sessionReplays)
      expect(r.lastEventAt.getTime()).toBeGreaterThanOrEqual(r.startedAt.getTime());
    for (const s of dataset.subscriptions) {
      expect(s.currentPeriodStart.getTime()).toBeGreaterThanOrEqual(s.createdAt.getTime());
      expect(s.currentPeriodEnd.getTime()).toBeGreaterThan(s.currentPeriodStart.getTime());
    }
    for (const u of dataset.users)
      expect((u.lastActiveAt as Date).getTime()).toBeGreaterThanOrEqual(u.signedUpAt.getTime());
  });
});
