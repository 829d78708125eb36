// Test helpers: what a preview project holds in each store, counted straight from the tables.
import { ROLLUP_TABLES } from '../analytics/project-data.js';
import { sql } from 'drizzle-orm';
import type { AnalyticsStore } from '../analytics/store.js';
import { selectRows, toCount, type Db } from '../db/store.js';

export async function analyticsCounts(analytics: AnalyticsStore, projectId: string) {
  const [row] = await analytics.query<Record<string, number>>(
    `SELECT
       (SELECT count() FROM analytics_internal.users FINAL WHERE project_id = {p:String} AND sync_is_deleted = 0) AS users,
       (SELECT countIf(is_anonymous = 0) FROM analytics_internal.users FINAL WHERE project_id = {p:String} AND sync_is_deleted = 0) AS non_anonymous_users,
       (SELECT count() FROM analytics_internal.teams FINAL WHERE project_id = {p:String}) AS teams,
       (SELECT count() FROM analytics_internal.contact_channels FINAL WHERE project_id = {p:String}) AS contact_channels,
       (SELECT count() FROM analytics_internal.team_members FINAL WHERE project_id = {p:String}) AS team_members,
       (SELECT max(m) FROM (SELECT max(sync_sequence_id) AS m FROM analytics_internal.users WHERE project_id = {p:String}
          UNION ALL SELECT max(sync_sequence_id) FROM analytics_internal.teams WHERE project_id = {p:String}
          UNION ALL SELECT max(sync_sequence_id) FROM analytics_internal.contact_channels WHERE project_id = {p:String})) AS max_sequence,
       (SELECT count() FROM analytics_internal.events WHERE project_id = {p:String}) AS events`,
    { p: projectId },
  );
  return row!;
}

/** Distinct users and countries with `$token-refresh` in (at − 120 s, at]. */
export async function liveUsersAt(analytics: AnalyticsStore, projectId: string, at: Date) {
  const [row] = await analytics.query<{ users: number; countries: string[] }>(
    `SELECT uniqExact(user_id) AS users, arraySort(groupUniqArray(data.ip_info.country_code::String)) AS countries
     FROM analytics_internal.events
     WHERE project_id = {p:String} AND event_type = '$token-refresh'
       AND event_at > {at:DateTime64(3, 'UTC')} - INTERVAL 120 SECOND AND event_at <= {at:DateTime64(3, 'UTC')}`,
    { p: projectId, at: at.getTime() / 1000 },
  );
  return row!;
}

export async function eventsAfter(analytics: AnalyticsStore, projectId: string, at: Date): Promise<number> {
  const [row] = await analytics.query<{ n: number }>(
    `SELECT count() AS n FROM analytics_internal.events WHERE project_id = {p:String} AND event_at > {at:DateTime64(3, 'UTC')}`,
    { p: projectId, at: at.getTime() / 1000 },
  );
  return row!.n;
}

export async function postgresCounts(db: Db, projectId: string) {
  const n = async (table: string, column = 'project_id') =>
    toCount(
      (
        await selectRows<{ n: unknown }>(
          db,
          sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${projectId}`,
        )
      )[0]?.n,
    );
  return {
    projects: await n('projects', 'id'),
    users: await n('users'),
    teams: await n('teams'),
    contact_channels: await n('contact_channels'),
    team_members: await n('team_members'),
    api_keys: await n('api_keys'),
    emails: await n('email_outbox'),
    session_replays: await n('session_replays'),
    subscriptions: await n('subscriptions'),
    invoices: await n('invoices'),
    one_time_purchases: await n('one_time_purchases'),
    auth_methods: await n('auth_methods'),
  };
}

/** Rows of a project in each ClickHouse table it can have rows in, all versions counted. */
export async function rowsPerTable(analytics: AnalyticsStore, projectId: string): Promise<Record<string, number>> {
  const tables = ['events', 'users', 'contact_channels', 'teams', 'team_members'];
  const [row] = await analytics.query<Record<string, number>>(
    `SELECT ${tables
      .map((t) => `(SELECT count() FROM analytics_internal.${t} WHERE project_id = {p:String}) AS ${t}`)
      .join(', ')}`,
    { p: projectId },
  );
  return row!;
}

/** Rows of a project in the activity rollups, all tables together. */
export async function rolledRows(analytics: AnalyticsStore, projectId: string): Promise<number> {
  const counts = await Promise.all(
    ROLLUP_TABLES.map(async (table) => {
      const [row] = await analytics.query<{ rows: number }>(
        `SELECT count() AS rows FROM ${table} WHERE project_id = {p:String}`,
        { p: projectId },
      );
      return row!.rows;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * What the rollups say of a project's events against the events themselves: page views and clicks per
 * day and seed generation, and each user's active days per generation. Equal when the rollups are right.
 */
export async function rollupsAgainstEvents(analytics: AnalyticsStore, projectId: string) {
  const read = (query: string) => analytics.query(query, { p: projectId });
  return {
    events: await read(`SELECT event_type, toString(toDate(event_at)) AS day, seeded, count() AS n
      FROM analytics_internal.events WHERE project_id = {p:String} AND event_type IN ('$page-view', '$click')
      GROUP BY ALL ORDER BY ALL`),
    rolledEvents:
      await read(`SELECT event_type, toString(toDate('1970-01-01') + (block * 64 + offset)) AS day, seeded, sum(events) AS n
      FROM (SELECT '$page-view' AS event_type, block, seeded, page_views AS per_day FROM analytics_internal.user_activity WHERE project_id = {p:String}
            UNION ALL SELECT '$click', block, seeded, clicks FROM analytics_internal.user_activity WHERE project_id = {p:String})
      ARRAY JOIN per_day.1 AS offset, per_day.2 AS events
      GROUP BY ALL HAVING n > 0 ORDER BY ALL`),
    activeDays: await read(`SELECT user_id, seeded, arraySort(groupUniqArray(toString(toDate(event_at)))) AS days
      FROM analytics_internal.events WHERE project_id = {p:String} AND event_type = '$token-refresh' AND user_id IS NOT NULL
      GROUP BY ALL ORDER BY ALL`),
    rolledActiveDays: await read(`SELECT user_id, seeded,
      arraySort(groupUniqArrayArray(arrayMap(i -> toString(toDate('1970-01-01') + (block * 64 + i)), bitPositionsToArray(refresh_days)))) AS days
      FROM analytics_internal.user_activity WHERE project_id = {p:String} AND refresh_days != 0 GROUP BY ALL ORDER BY ALL`),
  };
}
