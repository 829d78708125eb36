// The registry: every overview metric, listed once, under its response key. The route asks for names;
// an unknown name fails loudly instead of becoming a missing figure.
import { anonymousUsers } from './anonymous-users.js';
import { dailyActiveUsers } from './daily-active-users.js';
import { dailyActiveUsersSplit } from './daily-active-users-split.js';
import { dailyClicks } from './daily-clicks.js';
import { dailyPageViews } from './daily-page-views.js';
import { dailySignups } from './daily-signups.js';
import { dailyVisitors } from './daily-visitors.js';
import { emails } from './emails.js';
import { liveUsers } from './live-users.js';
import { liveUsersByCountry } from './live-users-by-country.js';
import { loginMethods } from './login-methods.js';
import { mau } from './mau.js';
import { payments } from './payments.js';
import { recentlyActive } from './recently-active.js';
import { recentlyRegistered } from './recently-registered.js';
import { replays } from './replays.js';
import { topReferrers } from './top-referrers.js';
import { topRegion } from './top-region.js';
import { totalTeams } from './total-teams.js';
import { totalUsers } from './total-users.js';
import { unverifiedUsers } from './unverified-users.js';
import { usersByCountry } from './users-by-country.js';
import { verifiedUsers } from './verified-users.js';
import { visitors } from './visitors.js';
import type { Stores } from '../stores.js';
import type { Metric, MetricReaders, MetricScope } from './types.js';
import { QueryBatch } from '../analytics/query-batch.js';
import { mayBeSmall, readProjectRows } from './project-rows.js';

export const METRICS = {
  total_users: totalUsers,
  anonymous_users: anonymousUsers,
  verified_users: verifiedUsers,
  unverified_users: unverifiedUsers,
  total_teams: totalTeams,
  mau,
  live_users: liveUsers,
  live_users_by_country: liveUsersByCountry,
  users_by_country: usersByCountry,
  daily_signups: dailySignups,
  daily_active_users: dailyActiveUsers,
  daily_active_users_split: dailyActiveUsersSplit,
  daily_page_views: dailyPageViews,
  daily_clicks: dailyClicks,
  daily_visitors: dailyVisitors,
  visitors,
  top_referrers: topReferrers,
  top_region: topRegion,
  recently_registered: recentlyRegistered,
  recently_active: recentlyActive,
  login_methods: loginMethods,
  emails,
  payments,
  replays,
} satisfies Record<string, Metric<unknown>>;

export type MetricName = keyof typeof METRICS;
export type MetricValues<Name extends MetricName> = { [K in Name]: Awaited<ReturnType<(typeof METRICS)[K]>> };

export const OVERVIEW_METRICS = Object.keys(METRICS) as MetricName[];
export const LIVE_METRICS = ['live_users', 'live_users_by_country'] as const satisfies readonly MetricName[];

/** The metric registered under `name`; throws on a name that is not in the registry. */
export function metric(name: string): Metric<unknown> {
  if (!Object.hasOwn(METRICS, name))
    throw new Error(`Unknown metric: ${JSON.stringify(name)} (known: ${OVERVIEW_METRICS.join(', ')})`);
  return METRICS[name as MetricName];
}

/** The metrics that are computed from a small project's rows when it has them (project-rows.ts). */
export const ROW_METRICS: readonly MetricName[] = [
  'total_users',
  'anonymous_users',
  'verified_users',
  'unverified_users',
  'mau',
  'live_users',
  'live_users_by_country',
  'users_by_country',
  'daily_signups',
  'daily_active_users',
  'daily_active_users_split',
  'daily_page_views',
  'daily_clicks',
  'daily_visitors',
  'visitors',
  'top_referrers',
  'top_region',
  'recently_registered',
  'recently_active',
];
/** Below this many of them in one call, their own queries cost less than reading the rows. */
const ROWS_WORTH_READING = 4;

export interface RunOptions {
  /**
   * 'auto' (default): a small project's rows when enough ROW_METRICS are asked; 'always': whenever the
   * project is small (tests); 'never': queries only.
   */
  rows?: 'auto' | 'always' | 'never';
}

/**
 * Runs the named metrics concurrently against one `now`; the first failure rejects the whole call.
 * Their ClickHouse queries go out as one batch (one round trip, see query-batch.ts); Postgres metrics
 * run alongside it. When a small project's rows serve enough of them, the batch reads those rows with
 * the other metrics' queries, and the metrics they serve are computed from them afterwards (those
 * that still need a query, or all of them when the project turns out large, send a second batch).
 */
export async function runMetrics<Name extends MetricName>(
  names: readonly Name[],
  stores: Stores,
  scope: MetricScope,
  now: Date,
  { rows: useRows = 'auto' }: RunOptions = {},
): Promise<MetricValues<Name>> {
  const rowNames = names.filter((name) => ROW_METRICS.includes(name));
  const worthIt =
    useRows === 'always' ? rowNames.length > 0 : useRows === 'auto' && rowNames.length >= ROWS_WORTH_READING;
  const first = new QueryBatch(stores.analytics);
  const rowsRead = worthIt && mayBeSmall(scope, now) ? readProjectRows(first, scope, now) : undefined;
  const values = new Map<Name, Promise<unknown>>();
  const start = (name: Name, readers: MetricReaders) => {
    const value = metric(name)(readers, scope, now);
    value.catch(() => undefined); // awaited below; a rejection before then is not unhandled
    values.set(name, value);
  };
  for (const name of names) if (!rowsRead || !rowNames.includes(name)) start(name, { ...stores, analytics: first });
  await first.flush();
  if (rowsRead) {
    const rows = await rowsRead;
    const second = new QueryBatch(stores.analytics);
    for (const name of rowNames) start(name, { ...stores, analytics: second, rows });
    await second.flush();
  }
  const settled = await Promise.all(names.map((name) => values.get(name)!));
  return Object.fromEntries(names.map((name, i) => [name, settled[i]])) as MetricValues<Name>;
}
