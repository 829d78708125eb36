import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChdb } from '../analytics/chdb.js';
import { migrateAnalytics } from '../analytics/migrate.js';
import { insertRows, queryRows, type AnalyticsStore } from '../analytics/store.js';
import { generatePreviewDataset } from '../preview/generate/index.js';
import { makeTempDir } from '../test/temp-dir.js';
import { toStoredEvent } from './stored-event.js';

const COPIES = ['data_is_anonymous', 'data_country_code', 'data_region_code', 'data_referrer'] as const;

describe('toStoredEvent', () => {
  const temp = makeTempDir('pulse-stored-event-');
  let store: AnalyticsStore;
  beforeAll(async () => {
    store = await openChdb({ dataDir: temp.dir });
    await migrateAnalytics(store);
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('keeps data as its JSON text', () => {
    const d = generatePreviewDataset({ projectId: 'p', seed: 's', now: new Date('2026-03-01T12:00:00Z'), size: 'tiny' });
    for (const e of d.events.slice(0, 50)) expect(JSON.parse(toStoredEvent(e).data_text)).toEqual(e.data);
  });

  it('gives the same typed copies as the table derives from data_text alone, for every event shape', async () => {
    const d = generatePreviewDataset({ projectId: 'given', seed: 's', now: new Date('2026-03-01T12:00:00Z'), size: 'tiny' });
    const given = [...d.events, ...d.liveEvents].map(toStoredEvent);
    expect(new Set(given.map((e) => e.event_type))).toEqual(new Set(['$token-refresh', '$page-view', '$click']));
    expect(given.some((e) => e.data_is_anonymous === 1) && given.some((e) => e.data_referrer === '')).toBe(true);
    const derived = given.map((e) => {
      const row: Record<string, unknown> = { ...e, project_id: 'derived' };
      for (const c of COPIES) delete row[c];
      return row;
    });
    await insertRows(store, 'analytics_internal.events', given);
    await insertRows(store, 'analytics_internal.events', derived);
    const rows = await queryRows<{ project_id: string; copies: string }>(
      store,
      `SELECT project_id, toString(groupArray(tuple(${COPIES.join(', ')}))) AS copies
       FROM (SELECT * FROM analytics_internal.events ORDER BY event_at, data_text) GROUP BY project_id ORDER BY project_id`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]!.copies).toBe(rows[1]!.copies);
  });
});
