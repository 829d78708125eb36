// Where preview users live: real cities with their coordinates, IANA time zone, ISO 3166-2 region code
// and an address block of a local access provider (so an IP "looks" like the city). Weights are the
// share of users per city in percent; the US totals 35 %, then IN, GB, DE, CA, FR, JP, ...
import type { IpInfo } from '../../events/event-rows.js';
import type { Random } from './random.js';

export interface City {
  name: string;
  countryCode: string;
  regionCode: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  /** The first two octets of a block announced in that city's market; hosts are drawn per user. */
  ipPrefix: string;
  weight: number;
}

type CityRow = readonly [
  name: string,
  country: string,
  region: string,
  lat: number,
  lon: number,
  tz: string,
  ip: string,
  weight: number,
];

const CITY_ROWS: readonly CityRow[] = [
  ['New York', 'US', 'NY', 40.7128, -74.006, 'America/New_York', '68.173', 8],
  ['San Francisco', 'US', 'CA', 37.7749, -122.4194, 'America/Los_Angeles', '73.162', 8],
  ['Seattle', 'US', 'WA', 47.6062, -122.3321, 'America/Los_Angeles', '73.97', 5],
  ['Austin', 'US', 'TX', 30.2672, -97.7431, 'America/Chicago', '70.121', 5],
  ['Chicago', 'US', 'IL', 41.8781, -87.6298, 'America/Chicago', '73.44', 5],
  ['Boston', 'US', 'MA', 42.3601, -71.0589, 'America/New_York', '73.38', 4],
  ['Bengaluru', 'IN', 'KA', 12.9716, 77.5946, 'Asia/Kolkata', '49.207', 5.5],
  ['Mumbai', 'IN', 'MH', 19.076, 72.8777, 'Asia/Kolkata', '49.36', 4.5],
  ['London', 'GB', 'ENG', 51.5074, -0.1278, 'Europe/London', '86.150', 8],
  ['Toronto', 'CA', 'ON', 43.6532, -79.3832, 'America/Toronto', '99.231', 5],
  ['Berlin', 'DE', 'BE', 52.52, 13.405, 'Europe/Berlin', '91.47', 6],
  ['Paris', 'FR', 'IDF', 48.8566, 2.3522, 'Europe/Paris', '90.84', 4],
  ['Tokyo', 'JP', '13', 35.6762, 139.6503, 'Asia/Tokyo', '126.36', 4],
  ['São Paulo', 'BR', 'SP', -23.5505, -46.6333, 'America/Sao_Paulo', '177.92', 4],
  ['Sydney', 'AU', 'NSW', -33.8688, 151.2093, 'Australia/Sydney', '101.182', 3.5],
  ['Amsterdam', 'NL', 'NH', 52.3676, 4.9041, 'Europe/Amsterdam', '84.86', 2],
  ['Madrid', 'ES', 'MD', 40.4168, -3.7038, 'Europe/Madrid', '88.26', 2],
  ['Singapore', 'SG', '01', 1.3521, 103.8198, 'Asia/Singapore', '116.86', 2],
  ['Stockholm', 'SE', 'AB', 59.3293, 18.0686, 'Europe/Stockholm', '83.250', 1.5],
  ['Warsaw', 'PL', '14', 52.2297, 21.0122, 'Europe/Warsaw', '83.24', 1.5],
  ['Seoul', 'KR', '11', 37.5665, 126.978, 'Asia/Seoul', '211.234', 1.5],
  ['Mexico City', 'MX', 'CMX', 19.4326, -99.1332, 'America/Mexico_City', '189.203', 1.5],
  ['Lagos', 'NG', 'LA', 6.5244, 3.3792, 'Africa/Lagos', '105.112', 1.5],
  ['Tel Aviv', 'IL', 'TA', 32.0853, 34.7818, 'Asia/Jerusalem', '79.176', 1],
  ['Dublin', 'IE', 'D', 53.3498, -6.2603, 'Europe/Dublin', '86.40', 1],
  ['Zurich', 'CH', 'ZH', 47.3769, 8.5417, 'Europe/Zurich', '85.1', 1],
  ['Buenos Aires', 'AR', 'C', -34.6037, -58.3816, 'America/Argentina/Buenos_Aires', '181.46', 1],
  ['Jakarta', 'ID', 'JK', -6.2088, 106.8456, 'Asia/Jakarta', '180.252', 1],
  ['Kyiv', 'UA', '30', 50.4501, 30.5234, 'Europe/Kyiv', '93.72', 1],
  ['Cape Town', 'ZA', 'WC', -33.9249, 18.4241, 'Africa/Johannesburg', '105.224', 1],
];

export const CITIES: readonly City[] = CITY_ROWS.map(
  ([name, countryCode, regionCode, latitude, longitude, timeZone, ipPrefix, weight]) => ({
    name,
    countryCode,
    regionCode,
    latitude,
    longitude,
    timeZone,
    ipPrefix,
    weight,
  }),
);

export function cityByName(name: string): City {
  const city = CITIES.find((c) => c.name === name);
  if (!city) throw new Error(`unknown city ${name}`);
  return city;
}

export function firstCityOf(countryCode: string): City {
  const city = CITIES.find((c) => c.countryCode === countryCode);
  if (!city) throw new Error(`no city in ${countryCode}`);
  return city;
}

/** What the auth server would have resolved for a request from this city. */
export function ipInfoFor(city: City, random: Random): IpInfo {
  return {
    ip: `${city.ipPrefix}.${random.int(1, 254)}.${random.int(1, 254)}`,
    is_trusted: true,
    country_code: city.countryCode,
    region_code: city.regionCode,
    city_name: city.name,
    latitude: city.latitude,
    longitude: city.longitude,
    tz_identifier: city.timeZone,
  };
}
