// A synthetic project for the metrics benchmark, written by the stores themselves: ClickHouse rows with
// INSERT … SELECT FROM numbers() and deterministic hashes (cityHash64 of the row number), Postgres rows
// with generate_series. Same inputs ⇒ same rows. Not the preview seeder: just volume with a plausible shape.
// Events give only `data_text`: the table derives its typed copies of the overview's paths (migration 0004).
import { sql, type SQL } from 'drizzle-orm';
import type { AnalyticsStore } from '../src/analytics/store.js';
import type { PostgresStore } from '../src/db/store.js';
import { formatEventAt } from '../src/events/event-rows.js';
import { DEFAULT_BRANCH } from '../src/branch.js';

export interface SyntheticProject {
  projectId: string;
  now: Date;
  users: number;
  events: number;
  days: number;
  /** Live refreshes in the last few seconds, one per country (at most 8). */
  liveUsers?: number;
  /**
   * Events per visit (default 1). 1 spreads every event uniformly: each user is active nearly every
   * day with ~1 event of each type, the worst case for anything that groups a user's day. Above 1,
   * consecutive events form a visit of one user, 20 s apart, as real sessions do.
   */
  eventsPerVisit?: number;
}

const LIVE_COUNTRIES = ['US', 'GB', 'DE', 'JP', 'AU', 'IN', 'BR', 'CA'];

// Per user: a fixed country/region (US-heavy) and anonymous for 1 in 300. Per event: type 35 % refresh,
// 50 % page view, 15 % click; a uniform instant in the last `days` (never after now; a visit's last
// event at that instant, the others 20 s apart before it); weighted referrer, one per visit.
const EVENTS = `
  INSERT INTO analytics_internal.events (event_type, event_at, data_text, project_id, branch_id, user_id, refresh_token_id)
  SELECT
    multiIf(k < 35, '$token-refresh', k < 85, '$page-view', '$click') AS event_type,
    {now:DateTime64(3, 'UTC')} - toIntervalMillisecond(cityHash64(visit, 'at') % {spanMs:UInt64} + ({perVisit:UInt64} - 1 - step) * 20000) AS event_at,
    multiIf(
      k < 35, concat('{"refresh_token_id":"rt-', uid, '","is_anonymous":', anon, ',"ip_info":{"ip":"203.0.113.7","is_trusted":true,"country_code":"',
        country, '","region_code":"', country, '-', toString(u % 3), '","city_name":null,"latitude":null,"longitude":null,"tz_identifier":null}}'),
      k < 85, concat('{"path":"/p', toString(cityHash64(number, 'path') % 17), '","referrer":"',
        ['', '', '', 'https://google.com/', 'https://google.com/', 'https://github.com/', 'https://twitter.com/', 'https://news.ycombinator.com/']
          [cityHash64(visit, 'ref') % 8 + 1], '","is_anonymous":', anon, '}'),
      concat('{"selector":"#cta","is_anonymous":', anon, '}')
    ) AS data_text,
    {projectId:String}, {branchId:String}, uid, concat('rt-', uid)
  FROM (
    SELECT number, intDiv(number, {perVisit:UInt64}) AS visit, number % {perVisit:UInt64} AS step,
           cityHash64(number, 'kind') % 100 AS k, cityHash64(visit, 'user') % {users:UInt64} AS u,
           concat('00000000-0000-4000-8000-', leftPad(toString(u), 12, '0')) AS uid,
           if(u % 300 = 7, 'true', 'false') AS anon,
           ['US', 'US', 'US', 'US', 'IN', 'IN', 'GB', 'CA', 'DE', 'FR', 'JP', 'BR', 'AU', 'ES', 'NL', 'MX'][cityHash64(u, 'country') % 16 + 1] AS country
    FROM numbers({events:UInt64})
  )`;

const USERS = `
  INSERT INTO analytics_internal.users (project_id, branch_id, id, display_name, profile_image_url, primary_email, primary_email_verified,
    signed_up_at, client_metadata, client_read_only_metadata, server_metadata, is_anonymous, restricted_by_admin, sync_sequence_id, sync_is_deleted)
  SELECT {projectId:String}, {branchId:String}, toUUID(concat('00000000-0000-4000-8000-', leftPad(toString(number), 12, '0'))),
    concat('User ', toString(number)), NULL, concat('user', toString(number), '@example.com'), cityHash64(number, 'verified') % 4 != 0,
    {now:DateTime64(3, 'UTC')} - toIntervalMillisecond(cityHash64(number, 'signup') % {spanMs:UInt64}), '{}', '{}', '{}',
    number % 300 = 7, 0, 0, 0
  FROM numbers({users:UInt64})`;

const CHANNELS = `
  INSERT INTO analytics_internal.contact_channels (project_id, branch_id, id, user_id, type, value, is_primary, is_verified, used_for_auth,
    created_at, sync_sequence_id, sync_is_deleted)
  SELECT {projectId:String}, {branchId:String}, toUUID(concat('00000000-0000-4000-9000-', leftPad(toString(number), 12, '0'))),
    toUUID(concat('00000000-0000-4000-8000-', leftPad(toString(number), 12, '0'))), 'EMAIL', concat('user', toString(number), '@example.com'),
    1, cityHash64(number, 'verified') % 4 != 0, 1, {now:DateTime64(3, 'UTC')}, 0, 0
  FROM numbers({users:UInt64})`;

const TEAMS = `
  INSERT INTO analytics_internal.teams (project_id, branch_id, id, display_name, created_at, client_metadata, client_read_only_metadata,
    server_metadata, sync_sequence_id, sync_is_deleted)
  SELECT {projectId:String}, {branchId:String}, toUUID(concat('00000000-0000-4000-a000-', leftPad(toString(number), 12, '0'))),
    concat('Team ', toString(number)), {now:DateTime64(3, 'UTC')}, '{}', '{}', '{}', 0, 0
  FROM numbers(8)`;

// The live refreshes: one user per country, a few hundred ms apart, the last 500 ms before now.
const LIVE = `
  INSERT INTO analytics_internal.events (event_type, event_at, data_text, project_id, branch_id, user_id, refresh_token_id)
  SELECT '$token-refresh', {now:DateTime64(3, 'UTC')} - toIntervalMillisecond(500 + number * 300),
    concat('{"refresh_token_id":"rt-live","is_anonymous":false,"ip_info":{"ip":"203.0.113.7","is_trusted":true,"country_code":"',
      {countries:Array(String)}[number + 1], '","region_code":null,"city_name":null,"latitude":null,"longitude":null,"tz_identifier":null}}'),
    {projectId:String}, {branchId:String}, concat('00000000-0000-4000-8000-', leftPad(toString(number * 11 + 1), 12, '0')), 'rt-live'
  FROM numbers({live:UInt64})`;

export async function writeSyntheticAnalytics(store: AnalyticsStore, p: SyntheticProject): Promise<void> {
  const params = {
    projectId: p.projectId,
    branchId: DEFAULT_BRANCH,
    now: formatEventAt(p.now),
    spanMs: p.days * 86_400_000,
    users: p.users,
    events: p.events,
    countries: LIVE_COUNTRIES,
    live: Math.min(p.liveUsers ?? 0, LIVE_COUNTRIES.length),
    perVisit: p.eventsPerVisit ?? 1,
  };
  for (const statement of [USERS, CHANNELS, TEAMS, EVENTS, ...(params.live > 0 ? [LIVE] : [])])
    await store.command(statement, params);
}

/** The Postgres side: users and their login methods, emails, replays and payments. */
export async function writeSyntheticPostgres(store: PostgresStore, p: SyntheticProject): Promise<void> {
  const { db } = store;
  // Ids of these tables are global primary keys: derived from the project id, so projects never collide.
  const id = (kind: string, n: SQL = sql.raw('n')) =>
    sql`md5(${p.projectId}::text || ${`:${kind}:`}::text || (${n})::text)::uuid`;
  const userId = sql.raw(`('00000000-0000-4000-8000-' || lpad((n % ${Math.floor(p.users)})::text, 12, '0'))::uuid`);
  const ago = (days: number) => sql`${p.now.toISOString()}::timestamptz - (n % ${days * 24}) * interval '1 hour'`;
  const project = sql`${p.projectId}::uuid, ${DEFAULT_BRANCH}`;
  await db.execute(sql`INSERT INTO users (project_id, branch_id, id, is_anonymous, signed_up_at)
    SELECT ${project}, ${sql.raw(`('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid`)}, n % 300 = 7, ${ago(p.days)} FROM generate_series(0, ${p.users - 1}) AS n`);
  await db.execute(sql`INSERT INTO auth_methods (project_id, branch_id, id, user_id, kind, oauth_provider, created_at)
    SELECT ${project}, ${id('auth')}, ${userId}, CASE WHEN n % 3 = 0 THEN 'oauth' ELSE 'password' END,
      CASE WHEN n % 3 = 0 THEN (ARRAY['google', 'github', 'microsoft'])[n % 9 / 3 + 1] END, ${ago(p.days)}
    FROM generate_series(0, ${p.users - 1}) AS n`);
  await db.execute(sql`INSERT INTO email_outbox (project_id, branch_id, id, user_id, to_address, subject, status, created_at, sent_at, delivered_at, bounced_at)
    SELECT ${project}, ${id('email')}, ${userId}, 'user@example.com', 'Welcome', CASE WHEN n % 5 = 0 THEN 'error' ELSE 'ok' END,
      ${ago(30)}, ${ago(30)}, CASE WHEN n % 5 <> 0 THEN ${ago(30)} END, CASE WHEN n % 5 = 0 THEN ${ago(30)} END
    FROM generate_series(0, 39) AS n`);
  await db.execute(sql`INSERT INTO session_replays (project_id, branch_id, id, user_id, refresh_token_id, started_at, last_event_at)
    SELECT ${project}, ${id('replay')}, ${userId}, ${id('token')}, ${ago(14)}, ${ago(14)} + (10 + n * 37 % 1190) * interval '1 second'
    FROM generate_series(0, 249) AS n`);
  await db.execute(sql`INSERT INTO subscriptions (project_id, branch_id, id, customer_type, customer_id, product_id, status, current_period_start, current_period_end, created_at)
    SELECT ${project}, ${id('subscription')}, 'user', ${userId}, 'pro', (ARRAY['active', 'trialing', 'paused', 'canceled'])[n + 1], ${ago(30)}, ${ago(30)}, ${ago(30)}
    FROM generate_series(0, 3) AS n`);
  await db.execute(sql`INSERT INTO invoices (project_id, branch_id, id, subscription_id, status, amount_cents, created_at)
    SELECT ${project}, ${id('invoice')}, ${id('subscription', sql.raw('n % 4'))},
      (ARRAY['paid', 'succeeded', 'open', 'void'])[n % 4 + 1], 1900 + n * 100, ${ago(p.days)}
    FROM generate_series(0, 23) AS n`);
  await db.execute(sql`INSERT INTO one_time_purchases (project_id, branch_id, id, customer_type, customer_id, product_id, created_at)
    SELECT ${project}, ${id('purchase')}, 'user', ${userId}, 'credits', ${ago(p.days)} FROM generate_series(0, 4) AS n`);
}
