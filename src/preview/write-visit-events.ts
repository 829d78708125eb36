// Writes a preview's historic events on chDB by sending its visits, not its rows: two small JSON files
// (visits, people) and one INSERT … SELECT in which ClickHouse expands every visit into its
// `$token-refresh`, page views and click, concatenating the JSON pieces of src/preview/visit-rows.ts.
// A `large` preview's ~1M rows are ~480 MB of JSONEachRow, which JSON.stringify alone takes ~4.5 s to
// build; its ~284k visits are ~8 MB per 50k (numbers: docs/benchmarks.md).
import fs from 'node:fs';
import { pipelineBatches, stageRows } from '../analytics/bulk-insert.js';
import { runCommand, type AnalyticsStore } from '../analytics/store.js';
import type { SeededVisit } from './generate/visit-events.js';
import { VISIT_DICTIONARIES, visitPeople, visitRow } from './visit-rows.js';

const VISIT_STRUCTURE = 'u UInt32, t String, r Nullable(String), s Int64, f UInt8, pa Array(Int64), pp Array(UInt8), ca Int64, ct UInt8, cx UInt32, cy UInt32';
const PERSON_STRUCTURE = 'i UInt32, id String, a String, rt String, pv String';

// Each visit unfolds (ARRAY JOIN) into small (kind, time, page) tuples: 0 its `$token-refresh`, 1 a page
// view, 2 its click; the outer SELECT builds each row's data from them. The dictionaries are read outside
// any lambda: captured in one, a constant array is copied for every row (measured ~2× slower).
// As in the generator, the `$token-refresh` carries no session replay id. `t` (a refresh token id) is
// a UUID from ids.ts, so it is spliced into the JSON without escaping.
const expandSql = (visitsFile: string, peopleFile: string) => `
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
    {projectId:String}, {branchId:String}, id, NULL, t, if(e.1 = 0, NULL, r), 1
  FROM (
    SELECT v.*, p.id, p.a, p.rt, p.pv
    FROM file('${visitsFile}', JSONEachRow, '${VISIT_STRUCTURE}') AS v
    INNER JOIN file('${peopleFile}', JSONEachRow, '${PERSON_STRUCTURE}') AS p ON v.u = p.i
  )
  ARRAY JOIN arrayConcat([(0, s, 0)], arrayMap((at, page) -> (1, at, page), pa, pp), if(ca < 0, [], [(2, ca, 0)])) AS e`;

/** Visits per INSERT (~3.6 events each), so a `large` preview goes in a few steps, with progress. */
const BATCH_VISITS = 50_000;

async function stage(visits: readonly SeededVisit[]): Promise<[string, string]> {
  const staged = await Promise.allSettled([stageRows(visits.map(visitRow)), stageRows(visitPeople(visits))]);
  const files = staged.flatMap((s) => (s.status === 'fulfilled' ? [s.value.file] : []));
  const failed = staged.find((s) => s.status === 'rejected');
  if (failed) {
    await removeFiles(files);
    throw failed.reason;
  }
  return files as [string, string];
}

const removeFiles = (files: readonly string[]) => Promise.all(files.map((f) => fs.promises.rm(f, { force: true })));

/**
 * Inserts the events of these visits (marked seeded = 1), BATCH_VISITS at a time, staging the next batch's
 * files while ClickHouse expands the current one. chDB only: the engine reads the files.
 * `onBatch` gets the number of visits written so far.
 */
export async function writeVisitEvents(
  store: AnalyticsStore,
  scope: { projectId: string; branchId: string },
  visits: readonly SeededVisit[],
  onBatch?: (visitsWritten: number) => void,
): Promise<void> {
  if (store.driver !== 'chdb') throw new Error('writeVisitEvents needs the embedded chDB store (it reads local files)');
  await pipelineBatches(visits.length, BATCH_VISITS, {
    stage: (from, to) => stage(visits.slice(from, to)),
    async write(files) {
      try {
        // The file names are ours (random hex under the temp dir), never user input.
        await runCommand(store, expandSql(...files), { ...scope, ...VISIT_DICTIONARIES });
      } finally {
        await removeFiles(files);
      }
    },
    discard: removeFiles,
    onBatch,
  });
}
