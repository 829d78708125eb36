-- Activity rollups: what the overview's window figures need, kept by materialized views on every insert
-- into the events table, sized by users and days instead of by events (docs/rollups.md).
-- * user_activity: per user (or '' for events without one) and 64-day block, the days with a
--   `$token-refresh` and with a `$page-view` as the bits of a UInt64 (bit i = day block * 64 + i, days
--   counted from 1970-01-01), the latest refresh, and page views and clicks per day of the block.
-- * user_places: the same per located (country, region), with the days located there and the latest time.
-- * user_referrers: the days a user viewed a page with each referrer ('' = direct).
-- Bits, max and sums merge per key, so unmerged rows read like merged ones. Every row keeps its events'
-- anonymous flag and seed generation, so filters and deletes apply to it as to the events.
-- Rerunnable from any statement: the tables and views are IF NOT EXISTS, and each backfill empties its
-- table first (nothing writes while migrations run: the data dir is locked).

CREATE TABLE IF NOT EXISTS analytics_internal.user_activity
(
    project_id String,
    branch_id String,
    user_id String,
    block UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    refresh_days SimpleAggregateFunction(groupBitOr, UInt64),
    view_days SimpleAggregateFunction(groupBitOr, UInt64),
    last_refresh_at SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    page_views SimpleAggregateFunction(sumMap, Tuple(Array(UInt8), Array(UInt64))),
    clicks SimpleAggregateFunction(sumMap, Tuple(Array(UInt8), Array(UInt64)))
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, user_id, block, event_anonymous, seeded);

CREATE TABLE IF NOT EXISTS analytics_internal.user_places
(
    project_id String,
    branch_id String,
    user_id String,
    block UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    country_code String,
    region_code Nullable(String),
    located_days SimpleAggregateFunction(groupBitOr, UInt64),
    last_located_at SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, user_id, block, event_anonymous, seeded, country_code, region_code)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS analytics_internal.user_referrers
(
    project_id String,
    branch_id String,
    user_id String,
    block UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    referrer String,
    view_days SimpleAggregateFunction(groupBitOr, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, user_id, block, event_anonymous, seeded, referrer);

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_activity_mv TO analytics_internal.user_activity AS
SELECT project_id, branch_id, ifNull(user_id, '') AS user_id,
       toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block,
       data_is_anonymous AS event_anonymous, seeded,
       groupBitOrIf(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64), event_type = '$token-refresh') AS refresh_days,
       groupBitOrIf(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64), event_type = '$page-view') AS view_days,
       maxIf(event_at, event_type = '$token-refresh') AS last_refresh_at,
       sumMapIf(([toUInt8(toUInt16(toDate(event_at)) % 64)], [toUInt64(1)]), event_type = '$page-view') AS page_views,
       sumMapIf(([toUInt8(toUInt16(toDate(event_at)) % 64)], [toUInt64(1)]), event_type = '$click') AS clicks
FROM analytics_internal.events
WHERE event_type IN ('$token-refresh', '$page-view', '$click')
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_places_mv TO analytics_internal.user_places AS
SELECT project_id, branch_id, assumeNotNull(user_id) AS user_id,
       toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block,
       data_is_anonymous AS event_anonymous, seeded,
       assumeNotNull(data_country_code) AS country_code, data_region_code AS region_code,
       groupBitOr(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64)) AS located_days,
       max(event_at) AS last_located_at
FROM analytics_internal.events
WHERE user_id IS NOT NULL AND event_type = '$token-refresh' AND data_country_code IS NOT NULL
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded, country_code, region_code;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_referrers_mv TO analytics_internal.user_referrers AS
SELECT project_id, branch_id, assumeNotNull(user_id) AS user_id,
       toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block,
       data_is_anonymous AS event_anonymous, seeded,
       ifNull(data_referrer, '') AS referrer,
       groupBitOr(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64)) AS view_days
FROM analytics_internal.events
WHERE user_id IS NOT NULL AND event_type = '$page-view'
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded, referrer;

TRUNCATE TABLE analytics_internal.user_activity;

INSERT INTO analytics_internal.user_activity
SELECT project_id, branch_id, ifNull(user_id, '') AS user_id,
       toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block,
       data_is_anonymous AS event_anonymous, seeded,
       groupBitOrIf(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64), event_type = '$token-refresh') AS refresh_days,
       groupBitOrIf(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64), event_type = '$page-view') AS view_days,
       maxIf(event_at, event_type = '$token-refresh') AS last_refresh_at,
       sumMapIf(([toUInt8(toUInt16(toDate(event_at)) % 64)], [toUInt64(1)]), event_type = '$page-view') AS page_views,
       sumMapIf(([toUInt8(toUInt16(toDate(event_at)) % 64)], [toUInt64(1)]), event_type = '$click') AS clicks
FROM analytics_internal.events
WHERE event_type IN ('$token-refresh', '$page-view', '$click')
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded;

TRUNCATE TABLE analytics_internal.user_places;

INSERT INTO analytics_internal.user_places
SELECT project_id, branch_id, assumeNotNull(user_id) AS user_id,
       toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block,
       data_is_anonymous AS event_anonymous, seeded,
       assumeNotNull(data_country_code) AS country_code, data_region_code AS region_code,
       groupBitOr(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64)) AS located_days,
       max(event_at) AS last_located_at
FROM analytics_internal.events
WHERE user_id IS NOT NULL AND event_type = '$token-refresh' AND data_country_code IS NOT NULL
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded, country_code, region_code;

TRUNCATE TABLE analytics_internal.user_referrers;

INSERT INTO analytics_internal.user_referrers
SELECT project_id, branch_id, assumeNotNull(user_id) AS user_id,
       toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block,
       data_is_anonymous AS event_anonymous, seeded,
       ifNull(data_referrer, '') AS referrer,
       groupBitOr(bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64)) AS view_days
FROM analytics_internal.events
WHERE user_id IS NOT NULL AND event_type = '$page-view'
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded, referrer;
