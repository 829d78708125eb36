// Pure: live users by country → globe markers, sized by how many users each country has.
import type { LiveUsersByCountry } from '../../../contract/metrics.js';

export interface GlobeMarker {
  country: string;
  lat: number;
  lng: number;
  users: number;
  /** cobe marker size: 0.04 for one user, growing with the square root of the count, capped. */
  size: number;
}

const MIN_SIZE = 0.04;
const MAX_SIZE = 0.12;

export function globeMarkers(
  byCountry: LiveUsersByCountry,
  centroids: Record<string, [number, number]>,
): GlobeMarker[] {
  return Object.entries(byCountry)
    .filter(([country, users]) => users.length > 0 && centroids[country])
    .map(([country, users]) => {
      const [lat, lng] = centroids[country]!;
      return { country, lat, lng, users: users.length, size: Math.min(MAX_SIZE, MIN_SIZE * Math.sqrt(users.length)) };
    })
    .sort((a, b) => b.users - a.users || a.country.localeCompare(b.country));
}
