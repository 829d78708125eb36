// top_region: the (country, region) where the most distinct existing users made a located
// `$token-refresh` in the window; ties go to the alphabetically first. null when nobody was located.
// From the places rollup, through the window's places (window-places.ts), the query it shares with
// users_by_country: a user counts for a place if any of their rows there has a day in the window.
import type { TopRegion } from '../../contract/metrics.js';
import type { MetricReaders, MetricScope } from './types.js';
import { windowPlaces } from './window-places.js';

/** The places come most users first, ties by country then region (none last): the first is the top. */
export async function topRegion(readers: MetricReaders, scope: MetricScope, now: Date): Promise<TopRegion> {
  return (await windowPlaces(readers, scope, now)).places[0] ?? null;
}
