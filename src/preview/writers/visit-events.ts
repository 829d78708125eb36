// Writes a preview's historic events by sending its visits, not its rows: two small staged inputs
// (visits, people) and one INSERT … SELECT in which ClickHouse expands every visit into its
// `$token-refresh`, page views and click, concatenating the JSON pieces of visit-rows.ts. The visits
// are a small fraction of the JSON text of the rows they become, which is what building and parsing cost.
import { pipelineBatches } from '../../analytics/pipeline-batches.js';
import type { AnalyticsStore, Staged } from '../../analytics/store.js';
import type { SeededVisit } from '../generate/visit.js';
import { VISIT_DICTIONARIES, visitPeople, visitRow } from './visit-rows.js';

const VISIT_STRUCTURE =
  'u UInt32, t String, r Nullable(String), s Int64, f UInt8, pa Array(Int64), pp Array(UInt8), ca Int64, ct UInt8, cx UInt32, cy UInt32';
const PERSON_STRUCTURE = 'i UInt32, id String, a String, rt String, pv String';

// Each visit unfolds (ARRAY JOIN) into small (kind, time, page) tuples: 0 its `$token-refresh`, 1 a page
// view, 2 its click; the outer SELECT builds each row's data from them. The dictionaries are read outside
// any lambda: captured in one, a constant array is copied for every row.
// As in the generator, the `$token-refresh` carries no session replay id. `t` (a refresh token id) is
// a UUID from ids.ts, so it is spliced into the JSON without escaping.
const expandSql = (staged: Staged) => `
  INSERT INTO analytics_internal.events
    (event_type, event_at, data_text, project_id, branch_id, user_id, team_id, refresh_token_id, session_replay_id, seeded)
  SELECT
    ['$token-refresh', '$page-view', '$click'][e.1 + 1],
    fromUnixTimestamp64Milli(e.2, 'UTC'),
    multiIf(
      e.1 = 0, concat('{"refresh_token_id":"', t, '"', rt),
      e.1 = 1, concat('{', {pageHeads:Array(String)}[e.3 + 1], ',"referrer":', {referrers:Array(String)}[f + 1], ',',
        {pageTitles:Array(String)}[e.3 + 1], pv),
      concat('{', {clickHeads:Array(String)}[ct + 1], ',"x":', toString(cx), ',"y":', toString(cy), ',"is_anonymous":', a, '}')),
    {projectId:String}, {branchId:String}, id, NULL, t, if(e.1 = 0, NULL, r), {seeded:UInt8}
  FROM (
    SELECT v.*, p.id, p.a, p.rt, p.pv
    FROM ${staged.from('visits')} AS v
    INNER JOIN ${staged.from('people')} AS p ON v.u = p.i
  )
  ARRAY JOIN arrayConcat([(0, s, 0)], arrayMap((at, page) -> (1, at, page), pa, pp), if(ca < 0, [], [(2, ca, 0)])) AS e`;

/** Visits per INSERT (~3.6 events each), so a `large` preview goes in a few steps, with progress. */
const BATCH_VISITS = 50_000;

const stage = (store: AnalyticsStore, visits: readonly SeededVisit[]): Promise<Staged> =>
  store.stage({
    visits: { structure: VISIT_STRUCTURE, rows: visits.map(visitRow) },
    people: { structure: PERSON_STRUCTURE, rows: visitPeople(visits) },
  });

/**
 * Inserts the events of these visits (marked with the seed generation), BATCH_VISITS at a time, staging the next batch
 * while ClickHouse expands the current one.
 * `onBatch` gets the number of visits written so far.
 */
export async function writeVisitEvents(
  store: AnalyticsStore,
  scope: { projectId: string; branchId: string; seeded: number },
  visits: readonly SeededVisit[],
  onBatch?: (visitsWritten: number) => void,
): Promise<void> {
  await pipelineBatches(visits.length, BATCH_VISITS, {
    stage: (from, to) => stage(store, visits.slice(from, to)),
    async write(staged) {
      try {
        await store.command(expandSql(staged), { ...scope, ...VISIT_DICTIONARIES });
      } finally {
        await staged.release();
      }
    },
    discard: (staged) => staged.release(),
    onBatch,
  });
}
