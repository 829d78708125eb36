// The numbering sweep: the users numbered in a span of time (migration 0010's recently_numbered) get their
// days added again to daily_users from the per-user rollups, as the backfill views did when they were
// numbered. On a ClickHouse server inserts run concurrently, so an event inserted while its user was being
// numbered can miss both the events' view (no number yet) and the backfill views (its rollup rows not yet
// written); a second backfill once both inserts have ended adds what they missed. Bitmaps are sets, so
// a day added twice reads the same. chDB runs one statement at a time and has no such race.
import type { Logger } from 'pino';
import { startPeriodicJob } from '../periodic-job.js';
import type { AnalyticsStore } from './store.js';

const NUMBERING_SWEEP_INTERVAL_MS = 60_000;
/** Users numbered this recently wait for the next sweep: an insert racing their numbering may still run. */
const NUMBERING_SWEEP_DELAY_MS = 60_000;
/** How far back the first sweep after a start looks. */
const NUMBERING_SWEEP_FIRST_SPAN_MS = 3_600_000;

const FRESH = `SELECT project_id, user_id, n FROM analytics_internal.recently_numbered
  WHERE numbered_at >= {from:DateTime('UTC')} AND numbered_at < {to:DateTime('UTC')}`;

// Every refresh day to the '' place, located days to their place as well, page-view days per referrer.
// The project filter reads only those projects' rows (the primary key); the user filter keeps the join small.
const SWEEP = `
  INSERT INTO analytics_internal.daily_users
    (project_id, branch_id, kind, day, event_anonymous, seeded, country_code, region_code, referrer, users)
  WITH fresh AS (${FRESH})
  SELECT project_id, branch_id, kind, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, country_code,
         region_code, referrer, groupBitmapState(n) AS users
  FROM (
    SELECT project_id, branch_id, user_id, toUInt8(1) AS kind, block, event_anonymous, seeded, '' AS country_code,
           CAST(NULL, 'Nullable(String)') AS region_code, '' AS referrer, refresh_days AS bits
    FROM analytics_internal.user_activity
    WHERE project_id IN (SELECT project_id FROM fresh) AND (project_id, user_id) IN (SELECT project_id, user_id FROM fresh) AND refresh_days != 0
    UNION ALL
    SELECT project_id, branch_id, user_id, 1, block, event_anonymous, seeded, country_code, region_code, '', located_days
    FROM analytics_internal.user_places
    WHERE project_id IN (SELECT project_id FROM fresh) AND (project_id, user_id) IN (SELECT project_id, user_id FROM fresh)
    UNION ALL
    SELECT project_id, branch_id, user_id, 2, block, event_anonymous, seeded, '', NULL, referrer, view_days
    FROM analytics_internal.user_referrers
    WHERE project_id IN (SELECT project_id FROM fresh) AND (project_id, user_id) IN (SELECT project_id, user_id FROM fresh)
  ) AS rolled
  INNER JOIN fresh USING (project_id, user_id)
  ARRAY JOIN bitPositionsToArray(bits) AS i
  GROUP BY project_id, branch_id, kind, day, event_anonymous, seeded, country_code, region_code, referrer
  SETTINGS use_index_for_in_with_subqueries = 1`;

/** Backfills again the days of the users numbered in [from, to); returns how many users that was. */
export async function sweepNumberedUsers(store: AnalyticsStore, from: Date, to: Date): Promise<number> {
  const params = { from: dateTime(from), to: dateTime(to) };
  const [row] = await store.query<{ users: number }>(`SELECT count() AS users FROM (${FRESH})`, params);
  const users = Number(row?.users ?? 0);
  if (users > 0) await store.command(SWEEP, params);
  return users;
}

export interface NumberingSweepOptions {
  intervalMs?: number;
  delayMs?: number;
  /** ClickHouse's own clock by default: it is what stamped the numbers (a server's may differ from ours). */
  clock?: () => Promise<Date>;
}

/** Sweeps every interval up to (now − delay), from where the last sweep that succeeded ended; returns stop. */
export function startNumberingSweep(
  store: AnalyticsStore,
  logger: Logger,
  {
    intervalMs = NUMBERING_SWEEP_INTERVAL_MS,
    delayMs = NUMBERING_SWEEP_DELAY_MS,
    clock = () => clickHouseNow(store),
  }: NumberingSweepOptions = {},
): () => Promise<void> {
  let swept: Date | undefined;
  return startPeriodicJob(async () => {
    try {
      const now = (await clock()).getTime();
      swept ??= new Date(now - delayMs - NUMBERING_SWEEP_FIRST_SPAN_MS);
      const to = new Date(Math.floor((now - delayMs) / 1000) * 1000);
      if (to <= swept) return;
      const users = await sweepNumberedUsers(store, swept, to);
      swept = to;
      if (users > 0) logger.debug({ users }, 'numbering sweep: days of newly numbered users added again');
    } catch (error) {
      logger.error({ err: error }, 'numbering sweep failed; the next one retries it');
    }
  }, intervalMs);
}

async function clickHouseNow(store: AnalyticsStore): Promise<Date> {
  const [row] = await store.query<{ now: number }>('SELECT toUnixTimestamp(now()) AS now');
  return new Date(Number(row?.now) * 1000);
}

/** A DateTime parameter as text (UTC, whole seconds): a short number is not read as seconds since 1970. */
const dateTime = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');
