// unverified_users: non-anonymous existing users without any verified EMAIL contact channel.
// Read from the user counts (user-counts.ts), the query it shares with the other three.
import type { MetricReaders, MetricScope } from './types.js';
import { userCounts } from './user-counts.js';

export async function unverifiedUsers(readers: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  return (await userCounts(readers, scope, now)).unverified;
}
