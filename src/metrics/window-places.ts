// The window's places: what users_by_country and top_region are read from, in one query over the places
// rollup. Each existing user located in the window (anonymous ones only when asked) is grouped once,
// with the country of their latest located refresh and every (country, region) they were located in;
// kind 0 rows count users by latest country (right when the window ends now: see users-by-country.ts),
// kind 1 rows count users per place (right for any window). Both figures ask for it
// with the same parameters, so a batch (query-batch.ts) sends it once: one grouping of users and one
// planning instead of two.
import { chParams } from './clickhouse-scope.js';
import { perActiveUser, WINDOW_DAYS } from './rollup-scope.js';
import type { ProjectRows } from './row-types.js';
import { activeUserRows, byBytes, byBytesNullsLast, onRows, rowScope } from './row-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

// Rows come ordered for both readers: per kind, most users first, then by country and region (NULL last).
const QUERY = `
  SELECT place.1 AS kind, place.2 AS country_code, place.3 AS region_code, count() AS users
  FROM (
    SELECT argMax(country_code, last_located_at) AS latest,
           groupUniqArray((country_code, region_code)) AS located
    ${perActiveUser('user_places', 'located_days', WINDOW_DAYS)}
  )
  ARRAY JOIN arrayConcat([(0, latest, CAST(NULL, 'Nullable(String)'))],
                         arrayMap(p -> (1, p.1, p.2), located)) AS place
  GROUP BY kind, country_code, region_code
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
