// anonymous_users: anonymous users in the mirror now, whatever include_anonymous says.
// Read from the user counts (user-counts.ts), the query it shares with the other three.
import type { MetricReaders, MetricScope } from './types.js';
import { userCounts } from './user-counts.js';

export async function anonymousUsers(readers: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  return (await userCounts(readers, scope, now)).anonymous;
}
