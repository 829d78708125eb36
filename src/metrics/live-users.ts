// live_users: distinct existing users with a `$token-refresh` in (now − 120 s, now]. An event dated
// after now (a client clock ahead) is never live. Read from the live roster (live-roster.ts), the
// query it shares with live_users_by_country.
import { liveRoster } from './live-roster.js';
import type { MetricReaders, MetricScope } from './types.js';

export async function liveUsers(readers: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const [first] = await liveRoster(readers, scope, now);
  return first?.live_users ?? 0;
}
