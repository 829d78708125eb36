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
import type { Metric, MetricScope } from './types.js';
import { QueryBatch } from '../analytics/query-batch.js';

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

/**
 * Runs the named metrics concurrently against one `now`; the first failure rejects the whole call.
 * Their ClickHouse queries go out as one batch (one round trip, see query-batch.ts); Postgres metrics
 * run alongside it.
 */
export async function runMetrics<Name extends MetricName>(
  names: readonly Name[],
  stores: Stores,
  scope: MetricScope,
  now: Date,
): Promise<MetricValues<Name>> {
  const batch = new QueryBatch(stores.analytics);
  const pending = names.map((name) => metric(name)({ ...stores, analytics: batch }, scope, now));
  await batch.flush();
  const values = await Promise.all(pending);
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as MetricValues<Name>;
}
