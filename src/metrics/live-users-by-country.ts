// live_users_by_country: the live users (see live-users.ts) placed by the country of their latest
// located live `$token-refresh`, at most 8 per country, most recent first. Live users whose live
// refreshes carry no location are counted in live_users but placed nowhere. Read from the live roster
// (live-roster.ts), the query it shares with live_users.
import type { LiveUsersByCountry } from '../../contract/metrics.js';
import { liveRoster } from './live-roster.js';
import type { MetricReaders, MetricScope } from './types.js';

export async function liveUsersByCountry(
  readers: MetricReaders,
  scope: MetricScope,
  now: Date,
): Promise<LiveUsersByCountry> {
  const byCountry: LiveUsersByCountry = {};
  for (const { country_code, live_users: _, ...user } of await liveRoster(readers, scope, now)) {
    if (country_code !== null) (byCountry[country_code] ??= []).push(user);
  }
  return byCountry;
}
