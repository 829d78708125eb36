// The window's places: what users_by_country and top_region are read from, in one query. Each existing
// user located in the window (anonymous ones only when asked) counts once in the country of their latest
// located refresh (kind 0 rows: right when the window ends now, see users-by-country.ts) and once in every
// (country, region) they were located in (kind 1 rows: right for any window). Both figures ask for it with
// the same parameters, so a batch (query-batch.ts) sends it once.
import { chParams, IN_SCOPE } from './clickhouse-scope.js';
import {
  dailyRows,
  daysIn,
  EXISTING_USER_NUMBERS,
  ROLLUP_ROWS,
  ROW_NOT_ANONYMOUS,
  WINDOW_DAYS,
} from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { activeUserRows, byBytes, byBytesNullsLast, onRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// From the days' bitmaps of located users (daily_users' refreshes per place, migration 0008), intersected with the users that
// exist now: per place, the union of the window's days (kind 1); per country, the same, and a user found in
// one country only has it as their latest. Users found in two or more (folding the countries: seen so far,
// and seen again) are few; only they are looked up in the places rollup, for the country of their latest
// located refresh. Rows come ordered for both readers: per kind, most users first, then by country and
// region (NULL last).
const WINDOW_ROWS = `${dailyRows(1)} AND country_code != '' AND day BETWEEN {fromDay:UInt16} AND {toDay:UInt16}`;
const EMPTY_BITMAP = `bitmapBuild(CAST([], 'Array(UInt32)'))`;
const QUERY = `
  WITH
    countries AS (
      SELECT country_code, bitmapAnd(groupBitmapMergeState(users), ${EXISTING_USER_NUMBERS}) AS users
      FROM analytics_internal.daily_users WHERE ${WINDOW_ROWS}
      GROUP BY country_code
    ),
    (
      SELECT arrayFold((seen, users) -> (bitmapOr(seen.1, users), bitmapOr(seen.2, bitmapAnd(seen.1, users))),
                       groupArray(users), (${EMPTY_BITMAP}, ${EMPTY_BITMAP})).2
      FROM countries
    ) AS movers
  SELECT kind, country_code, region_code, sum(place_users) AS users
  FROM (
    SELECT 1 AS kind, country_code, region_code,
           bitmapAndCardinality(groupBitmapMergeState(users), ${EXISTING_USER_NUMBERS}) AS place_users
    FROM analytics_internal.daily_users WHERE ${WINDOW_ROWS}
    GROUP BY country_code, region_code
    UNION ALL
    SELECT 0, country_code, CAST(NULL, 'Nullable(String)'), bitmapAndnotCardinality(users, movers) FROM countries
    UNION ALL
    SELECT 0, latest, NULL, count()
    FROM (
      SELECT argMax(country_code, last_located_at) AS latest
      FROM analytics_internal.user_places
      WHERE ${ROLLUP_ROWS(WINDOW_DAYS)} AND ${daysIn('located_days', WINDOW_DAYS)} != 0 AND ${ROW_NOT_ANONYMOUS}
        AND user_id IN (
          SELECT toString(id) FROM analytics_internal.user_states FINAL
          WHERE ${IN_SCOPE} AND bitmapContains(movers, n))
      GROUP BY user_id
      SETTINGS use_index_for_in_with_subqueries = 1
    )
    GROUP BY latest
  )
  GROUP BY kind, country_code, region_code
  HAVING users > 0
  ORDER BY kind, users DESC, country_code, region_code NULLS LAST`;

export interface PlaceCount {
  country_code: string;
  region_code: string | null;
  users: number;
}

export interface WindowPlaces {
  /** Users by the country of their latest located refresh in the window, most first. */
  latestCountries: PlaceCount[];
  /** Users per (country, region) they were located in during the window, most first. */
  places: PlaceCount[];
}

// QUERY's order: most users first, then country, then region with NULL last.
const byUsersThenPlace = (a: PlaceCount, b: PlaceCount) =>
  b.users - a.users || byBytes(a.country_code, b.country_code) || byBytesNullsLast(a.region_code, b.region_code);

/** The same, from a small project's rows. */
export function windowPlacesFromRows(rows: ProjectRows, scope: MetricScope, now: Date): WindowPlaces {
  const s = rowScope(rows, scope, now);
  const latest = new Map<string, PlaceCount>();
  const places = new Map<string, PlaceCount>();
  const count = (counts: Map<string, PlaceCount>, key: string, country_code: string, region_code: string | null) => {
    const place = counts.get(key);
    if (place) place.users += 1;
    else counts.set(key, { country_code, region_code, users: 1 });
  };
  for (const userRows of activeUserRows(s, rows.places, (row) => row.located_days, s.windowMask).values()) {
    const last = userRows.reduce((a, b) => (b.last_located_at > a.last_located_at ? b : a));
    count(latest, last.country_code, last.country_code, null);
    const located = new Map(userRows.map((row) => [placeKey(row), row]));
    for (const [key, row] of located) count(places, key, row.country_code, row.region_code);
  }
  return {
    latestCountries: [...latest.values()].sort(byUsersThenPlace),
    places: [...places.values()].sort(byUsersThenPlace),
  };
}

// A (country, region) as one key: the country's length first, so no two places share one.
const placeKey = (row: { country_code: string; region_code: string | null }) =>
  `${row.country_code.length}:${row.country_code}${row.region_code === null ? '!' : `=${row.region_code}`}`;

/** Shared with the other reader of the same batch. */
export async function windowPlaces(
  { analytics, rows: projectRows }: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<WindowPlaces> {
  if (projectRows) return onRows(projectRows, QUERY, scope, now, () => windowPlacesFromRows(projectRows, scope, now));
  const rows = await analytics.query<PlaceCount & { kind: number }>(QUERY, chParams(scope, now));
  const of = (kind: number) =>
    rows
      .filter((row) => Number(row.kind) === kind)
      .map(({ country_code, region_code, users }) => ({ country_code, region_code, users: Number(users) }));
  return { latestCountries: of(0), places: of(1) };
}
