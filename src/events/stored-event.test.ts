import { describe, expect, it } from 'vitest';
import { insertEvents } from '../analytics/insert-events.js';
import { generatePreviewDataset } from '../preview/generate/index.js';
import { useMigratedChdb } from '../test/migrated-chdb.js';
import type { EventRow, IpInfo } from './event-rows.js';

type Written = {
  data_text: string;
  data_is_anonymous: number;
  data_country_code: string | null;
  data_region_code: string | null;
  data_referrer: string | null;
  seeded?: number;
};

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
  const dataset = generatePreviewDataset({
    projectId: 'p',
    seed: 's',
    now: new Date('2026-03-01T12:00:00Z'),
    size: 'tiny',
  });
  const events = [...dataset.events, ...dataset.liveEvents];

  it('covers every event shape', () => {
    const shapes = events.map(expected);
    expect(new Set(events.map((e) => e.event_type))).toEqual(new Set(['$token-refresh', '$page-view', '$click']));
    expect(
      shapes.some((w) => w.data_is_anonymous === 1) &&
        shapes.some((w) => w.data_referrer === '') &&
        shapes.some((w) => w.data_country_code),
    ).toBe(true);
  });

  // [name, `seeded`, copies of the events]: above 10,000 rows chDB's insert goes through files.
  const paths: [string, boolean, number][] = [
    ["chDB's raw insert (a small batch)", false, 1],
    ['seeded, small batch', true, 1],
    ['file + INSERT … SELECT (a large batch)', true, 12],
  ];
  it.each(paths)('%s', async (name, seeded, copies) => {
    const projectId = `via ${name}`;
    const rows = Array.from({ length: copies }, () => events.map((e) => ({ ...e, project_id: projectId }))).flat();
    expect(rows.length > 10_000).toBe(copies > 1);
    await insertEvents(store(), rows, { seeded: seeded ? 1 : 0 });
    const written = await store().query<Written>(
      `SELECT data_text, data_is_anonymous, data_country_code, data_region_code, data_referrer, seeded
       FROM analytics_internal.events WHERE project_id = {projectId:String}`,
      { projectId },
    );
    const sorted = (list: Written[]) => list.map((w) => JSON.stringify(w)).sort();
    expect(sorted(written)).toEqual(sorted(rows.map((e) => ({ ...expected(e), seeded: seeded ? 1 : 0 }))));
  });
});
