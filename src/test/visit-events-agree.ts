// One check for every store: a standard preview's events written through its visits (ClickHouse expands
// them) and as rows (the one writer of event rows) must be the same rows, byte for byte.
import { expect, it } from 'vitest';
import { insertEvents } from '../analytics/insert-events.js';
import type { AnalyticsStore } from '../analytics/store.js';
import { generatePreviewDataset } from '../preview/generate/index.js';
import { writeVisitEvents } from '../preview/writers/visit-events.js';

// Every column of an event row, as text, one line per row, sorted: the two writers must agree exactly.
const ROWS = `SELECT arraySort(groupArray(concat(event_type, '|', toString(event_at), '|', ifNull(user_id, '∅'), '|', ifNull(team_id, '∅'), '|',
    ifNull(refresh_token_id, '∅'), '|', ifNull(session_replay_id, '∅'), '|', toString(seeded), '|', data_text))) AS rows, count() AS n
  FROM analytics_internal.events WHERE project_id = {projectId:String}`;

export function visitEventsAgree(analytics: () => AnalyticsStore): void {
  it("makes ClickHouse build exactly the generator's events, byte for byte, from the visits", async () => {
    const d = generatePreviewDataset({
      projectId: 'p',
      seed: 'visits',
      now: new Date('2026-11-28T16:45:00.000Z'),
      size: 'standard',
    });
    expect(d.visits.length).toBeGreaterThan(1_000);
    expect(new Set(d.events.map((e) => e.event_type))).toEqual(new Set(['$token-refresh', '$page-view', '$click']));
    // One dataset written twice, under two project ids: through its visits, and as rows.
    const store = analytics();
    await writeVisitEvents(store, { projectId: 'from-visits', branchId: d.branchId, seeded: 1 }, d.visits);
    await insertEvents(
      store,
      d.events.map((e) => ({ ...e, project_id: 'from-rows' })),
      { seeded: 1 },
    );
    const [fromVisits] = await store.query<{ rows: string[]; n: number }>(ROWS, { projectId: 'from-visits' });
    const [fromRows] = await store.query<{ rows: string[]; n: number }>(ROWS, { projectId: 'from-rows' });
    expect(fromRows!.n).toBe(d.events.length);
    expect(fromVisits!.n).toBe(d.events.length);
    expect(fromVisits!.rows).toEqual(fromRows!.rows);
  });
}
