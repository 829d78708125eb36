// verified_users: non-anonymous existing users with at least one verified EMAIL contact channel (both
// mirrors read with FINAL, tombstones excluded). verified + unverified + anonymous = all users.
// Read from the user counts (user-counts.ts), the query it shares with the other three.
import type { MetricReaders, MetricScope } from './types.js';
import { userCounts } from './user-counts.js';

export async function verifiedUsers(readers: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  return (await userCounts(readers, scope, now)).verified;
}
