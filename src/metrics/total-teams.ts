// total_teams: teams in the mirror now (latest version, not a tombstone).
import { chParams, IN_SCOPE, onlyRow } from './clickhouse-scope.js';
import type { MetricReaders, MetricScope } from './types.js';

const QUERY = `
  SELECT count() AS teams
  FROM analytics_internal.teams FINAL
  WHERE ${IN_SCOPE} AND sync_is_deleted = 0`;

export async function totalTeams({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> {
  const rows = await analytics.query<{ teams: number }>(QUERY, chParams(scope, now));
  return onlyRow(rows, 'total_teams').teams;
}
