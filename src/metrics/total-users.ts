// total_users: users in the mirror now (latest version, not a tombstone); anonymous ones only when asked.
// Read from the user counts (user-counts.ts), the query it shares with the other three.
import type { MetricReaders, MetricScope } from './types.js';
import { userCounts } from './user-counts.js';

export async function totalUsers(readers: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  return (await userCounts(readers, scope, now)).total;
}
