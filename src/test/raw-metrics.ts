// The overview's window figures as they were before the rollups: each read from the raw events, as
// PRODUCT.md §6 defines it (users by country and recently active: the queries those metrics run for a
// window that ended before today). The reference the rollup queries are tested against (src/metrics/rollups.test.ts).
import type { DailyActiveSplitPoint } from '../../contract/metrics.js';
import { TOP_LIMIT } from '../../contract/metrics.js';
import { parseEventAt } from '../events/event-rows.js';
import {
  chParams,
  COUNTRY,
  EVENT_NOT_ANONYMOUS,
  EVENT_VISIBLE,
  IN_MAU_PERIOD,
  EVENTS_IN_SCOPE,
  IN_WINDOW,
  USER_IN_SCOPE,
} from '../metrics/clickhouse-scope.js';
import { dailySeries } from '../metrics/daily-series.js';
import { PAST_WINDOW_QUERY as RECENTLY_ACTIVE_QUERY } from '../metrics/recently-active.js';
import { PAST_WINDOW_QUERY as USERS_BY_COUNTRY_QUERY } from '../metrics/users-by-country.js';
import type { MetricReaders, MetricScope } from '../metrics/types.js';
import { metricWindow } from '../metrics/window.js';

const MAU = `
  SELECT uniqExact(user_id) AS users
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$token-refresh'
    AND ${IN_MAU_PERIOD}
    AND ${EVENT_NOT_ANONYMOUS}
    AND ${USER_IN_SCOPE}`;

const DAILY_ACTIVE_USERS = `
  SELECT toString(toDate(event_at)) AS day, uniqExact(user_id) AS value
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$token-refresh'
    AND ${IN_WINDOW}
    AND ${EVENT_NOT_ANONYMOUS}
    AND ${USER_IN_SCOPE}
  GROUP BY day`;

const DAILY_ACTIVE_USERS_SPLIT = `
  WITH toDate({from:DateTime64(3, 'UTC')}) - 1 AS day_before
  SELECT toString(day_before + i) AS day,
         countIf(day_before + i = first_day) AS new,
         countIf(day_before + i > first_day AND bitmapContains(active_days, toUInt32(i - 1))) AS retained,
         countIf(day_before + i > first_day AND NOT bitmapContains(active_days, toUInt32(i - 1))) AS reactivated
  FROM (
    SELECT user_id,
           min(toDate(event_at)) AS first_day,
           groupBitmapStateIf(
             toUInt16(greatest(dateDiff('day', day_before, toDate(event_at)), 0)),
             event_at >= {from:DateTime64(3, 'UTC')} - INTERVAL 1 DAY) AS active_days
    FROM analytics_internal.events
    WHERE ${EVENTS_IN_SCOPE}
      AND event_type = '$token-refresh'
      AND event_at <= {to:DateTime64(3, 'UTC')}
      AND ${EVENT_NOT_ANONYMOUS}
      AND ${USER_IN_SCOPE}
    GROUP BY user_id
  )
  ARRAY JOIN arrayFilter(i -> i >= 1, bitmapToArray(active_days)) AS i
  GROUP BY day`;

const DAILY_PAGE_VIEWS = `
  SELECT toString(toDate(event_at)) AS day, count() AS value
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}
  GROUP BY day`;

const DAILY_CLICKS = `
  SELECT toString(toDate(event_at)) AS day, count() AS value
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$click'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}
  GROUP BY day`;

const DAILY_VISITORS = `
  SELECT toString(toDate(event_at)) AS day, uniqExact(user_id) AS value
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}
  GROUP BY day`;

const VISITORS = `
  SELECT uniqExact(user_id) AS visitors
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}`;

const TOP_REFERRERS = `
  SELECT ifNull(data_referrer, '') AS referrer, uniqExact(user_id) AS visitors
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$page-view'
    AND ${IN_WINDOW}
    AND ${EVENT_VISIBLE}
    AND user_id IS NOT NULL
  GROUP BY referrer
  ORDER BY visitors DESC, referrer
  LIMIT {limit:UInt32}`;

const TOP_REGION = `
  SELECT ${COUNTRY} AS country_code,
         data_region_code AS region_code,
         uniqExact(user_id) AS users
  FROM analytics_internal.events
  WHERE ${EVENTS_IN_SCOPE}
    AND event_type = '$token-refresh'
    AND ${IN_WINDOW}
    AND ${COUNTRY} IS NOT NULL
    AND ${EVENT_NOT_ANONYMOUS}
    AND ${USER_IN_SCOPE}
  GROUP BY country_code, region_code
  ORDER BY users DESC, country_code, region_code NULLS LAST
  LIMIT 1`;

const one =
  (query: string, column: string) =>
  async ({ analytics }: MetricReaders, scope: MetricScope, now: Date): Promise<number> => {
    const rows = await analytics.query<Record<string, number>>(query, chParams(scope, now));
    return Number(rows[0]?.[column]);
  };

const rows =
  (query: string) =>
  ({ analytics }: MetricReaders, scope: MetricScope, now: Date) =>
    analytics.query<Record<string, unknown>>(query, { ...chParams(scope, now), limit: TOP_LIMIT });

export const RAW_METRICS = {
  mau: one(MAU, 'users'),
  visitors: one(VISITORS, 'visitors'),
  daily_active_users: dailySeries(DAILY_ACTIVE_USERS),
  daily_page_views: dailySeries(DAILY_PAGE_VIEWS),
  daily_clicks: dailySeries(DAILY_CLICKS),
  daily_visitors: dailySeries(DAILY_VISITORS),
  daily_active_users_split: async (readers: MetricReaders, scope: MetricScope, now: Date) => {
    const found = (await rows(DAILY_ACTIVE_USERS_SPLIT)(readers, scope, now)) as (Omit<
      DailyActiveSplitPoint,
      'date'
    > & { day: string })[];
    const byDay = new Map(found.map(({ day, ...split }) => [day, split]));
    return metricWindow(now, scope.range).days.map((date) => ({
      date,
      ...(byDay.get(date) ?? { new: 0, retained: 0, reactivated: 0 }),
    }));
  },
  top_referrers: rows(TOP_REFERRERS),
  top_region: async (readers: MetricReaders, scope: MetricScope, now: Date) =>
    (await rows(TOP_REGION)(readers, scope, now))[0] ?? null,
  users_by_country: async (readers: MetricReaders, scope: MetricScope, now: Date) =>
    Object.fromEntries(
      (await rows(USERS_BY_COUNTRY_QUERY)(readers, scope, now)).map((r) => [
        r.country_code as string,
        r.users as number,
      ]),
    ),
  recently_active: async (readers: MetricReaders, scope: MetricScope, now: Date) =>
    (await rows(RECENTLY_ACTIVE_QUERY)(readers, scope, now)).map((r) => ({
      ...r,
      last_active_at: parseEventAt(r.last_active_at as string).toISOString(),
    })),
};
