import { describe, expect, it } from 'vitest';
import { bulkInsert, writeBulkBatches } from '../analytics/bulk-insert.js';
import { insertJsonEachRow, insertRows, queryRows, type AnalyticsStore } from '../analytics/store.js';
import { generatePreviewDataset } from '../preview/generate/index.js';
import { useMigratedChdb } from '../test/migrated-chdb.js';
import type { EventRow, IpInfo } from './event-rows.js';
import { toStoredEvents } from './stored-event.js';

type Written = { data_text: string; data_is_anonymous: number; data_country_code: string | null; data_region_code: string | null; data_referrer: string | null; seeded?: number };

/** What the table must hold for an event: its data as JSON text, and the typed copies of its paths. */
function expected(e: EventRow): Written {
  const ipInfo = 'ip_info' in e.data ? (e.data.ip_info as IpInfo | null) : null;
  return {
    data_text: JSON.stringify(e.data),
    data_is_anonymous: e.data.is_anonymous ? 1 : 0,
    data_country_code: ipInfo?.country_code ?? null,
    data_region_code: ipInfo?.region_code ?? null,
    data_referrer: 'referrer' in e.data ? (e.data.referrer as string) : null,
  };
}

describe('events as stored: every insert path keeps data as its JSON text and derives the typed copies', () => {
  const store = useMigratedChdb('pulse-stored-event-');
  const dataset = generatePreviewDataset({ projectId: 'p', seed: 's', now: new Date('2026-03-01T12:00:00Z'), size: 'tiny' });
  const events = [...dataset.events, ...dataset.liveEvents];

  it('covers every event shape', () => {
    const shapes = events.map(expected);
    expect(new Set(events.map((e) => e.event_type))).toEqual(new Set(['$token-refresh', '$page-view', '$click']));
    expect(shapes.some((w) => w.data_is_anonymous === 1) && shapes.some((w) => w.data_referrer === '') && shapes.some((w) => w.data_country_code)).toBe(true);
  });

  // [name, writer, the `seeded` value it writes]
  const paths: [string, (s: AnalyticsStore, rows: object[]) => Promise<void>, number][] = [
    ['client insert (insertRows)', (s, rows) => insertRows(s, 'analytics_internal.events', rows), 0],
    ["chDB's raw insert (insertJsonEachRow)", (s, rows) => insertJsonEachRow(s, 'analytics_internal.events', rows), 0],
    ['small bulk insert (bulkInsert)', (s, rows) => bulkInsert(s, 'analytics_internal.events', rows, { seeded: 1 }), 1],
    ['file + INSERT … SELECT (writeBulkBatches)', (s, rows) => writeBulkBatches(s, 'analytics_internal.events', rows, { batchRows: 1_000, constants: { seeded: 1 } }), 1],
  ];
  it.each(paths)('%s', async (name, write, seeded) => {
    const projectId = `via ${name}`;
    const rows = events.map((e) => ({ ...e, project_id: projectId }));
    await write(store(), toStoredEvents(rows));
    const written = await queryRows<Written>(
      store(),
      `SELECT data_text, data_is_anonymous, data_country_code, data_region_code, data_referrer, seeded
       FROM analytics_internal.events WHERE project_id = {projectId:String}`,
      { projectId },
    );
    const sorted = (list: Written[]) => list.map((w) => JSON.stringify(w)).sort();
    expect(sorted(written)).toEqual(sorted(rows.map((e) => ({ ...expected(e), seeded }))));
  });
});
