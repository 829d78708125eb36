-- daily_users again, with the page views of ids without a number kept as a set per row
-- (`unnumbered_users`, groupUniqArray) instead of a row per id: an insert of page views by ids the users
-- mirror never held groups them into one row per day and referrer, not one row each (docs/rollups.md).
-- The table is dropped with the four views that write it, created again and rebuilt from the per-user
-- rollups: counts, the bitmaps of numbered users, then the sets of ids still without a number. Every
-- mirrored user already has a number (0008), so nothing else changes. Rerunnable from the first statement.
-- :TRICKY: the rebuild filters on joinGet, so the query condition cache is off there (see 0008).

DROP VIEW IF EXISTS analytics_internal.daily_users_mv;

DROP VIEW IF EXISTS analytics_internal.daily_users_refresh_backfill_mv;

DROP VIEW IF EXISTS analytics_internal.daily_users_place_backfill_mv;

DROP VIEW IF EXISTS analytics_internal.daily_users_view_backfill_mv;

DROP TABLE IF EXISTS analytics_internal.daily_users;

CREATE TABLE analytics_internal.daily_users
(
    project_id String,
    branch_id String,
    kind UInt8,
    day UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    country_code String,
    region_code Nullable(String),
    referrer String,
    users AggregateFunction(groupBitmap, UInt32),
    unnumbered_users AggregateFunction(groupUniqArray, String),
    events SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, kind, country_code, region_code, referrer, day, event_anonymous, seeded)
SETTINGS allow_nullable_key = 1, index_granularity = 128;

-- Users numbered from now on get their earlier days from the per-user rollups (as in 0008), reading only
-- their projects' rows: the `project_id IN (…)` filter uses the primary key. Pulse turns that analysis off
-- for queries (client-store.ts), and with it off every insert into the users mirror scanned the three
-- rollups whole.
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_refresh_backfill_mv TO analytics_internal.daily_users AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt8(1) AS kind, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, '' AS country_code, CAST(NULL, 'Nullable(String)') AS region_code, '' AS referrer,
       groupBitmapState(fresh.n) AS users, toUInt64(0) AS events
FROM (SELECT k, n FROM analytics_internal.user_numbers) AS fresh
INNER JOIN
(
    SELECT *, concat(project_id, ':', user_id) AS k
    FROM analytics_internal.user_activity
    WHERE project_id IN (SELECT splitByChar(':', k)[1] FROM analytics_internal.user_numbers)
      AND concat(project_id, ':', user_id) IN (SELECT k FROM analytics_internal.user_numbers)
      AND refresh_days != 0
) AS a ON fresh.k = a.k
ARRAY JOIN bitPositionsToArray(a.refresh_days) AS i
GROUP BY ALL
SETTINGS use_query_condition_cache = 0, use_index_for_in_with_subqueries = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_place_backfill_mv TO analytics_internal.daily_users AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt8(1) AS kind, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, a.country_code AS country_code, a.region_code AS region_code, '' AS referrer,
       groupBitmapState(fresh.n) AS users, toUInt64(0) AS events
FROM (SELECT k, n FROM analytics_internal.user_numbers) AS fresh
INNER JOIN
(
    SELECT *, concat(project_id, ':', user_id) AS k
    FROM analytics_internal.user_places
    WHERE project_id IN (SELECT splitByChar(':', k)[1] FROM analytics_internal.user_numbers)
      AND concat(project_id, ':', user_id) IN (SELECT k FROM analytics_internal.user_numbers)
) AS a ON fresh.k = a.k
ARRAY JOIN bitPositionsToArray(a.located_days) AS i
GROUP BY ALL
SETTINGS use_query_condition_cache = 0, use_index_for_in_with_subqueries = 1;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_view_backfill_mv TO analytics_internal.daily_users AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt8(2) AS kind, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, '' AS country_code, CAST(NULL, 'Nullable(String)') AS region_code, a.referrer AS referrer,
       groupBitmapState(fresh.n) AS users, toUInt64(0) AS events
FROM (SELECT k, n FROM analytics_internal.user_numbers) AS fresh
INNER JOIN
(
    SELECT *, concat(project_id, ':', user_id) AS k
    FROM analytics_internal.user_referrers
    WHERE project_id IN (SELECT splitByChar(':', k)[1] FROM analytics_internal.user_numbers)
      AND concat(project_id, ':', user_id) IN (SELECT k FROM analytics_internal.user_numbers)
) AS a ON fresh.k = a.k
ARRAY JOIN bitPositionsToArray(a.view_days) AS i
GROUP BY ALL
SETTINGS use_query_condition_cache = 0, use_index_for_in_with_subqueries = 1;

-- One view on the events, each event's number looked up once; a located refresh also counts in the day's
-- '' place (as in 0008).
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_mv TO analytics_internal.daily_users AS
SELECT project_id, branch_id, kind, day, event_anonymous, seeded,
       place.1 AS country_code, place.2 AS region_code, referrer,
       groupBitmapStateIf(n, n != 0) AS users, groupUniqArrayStateIf(user_id, n = 0 AND kind = 2 AND user_id != '') AS unnumbered_users, count() AS events
FROM
(
    SELECT project_id, branch_id,
           multiIf(event_type = '$token-refresh', 1, event_type = '$page-view', 2, 3) AS kind,
           toUInt16(toDate(event_at)) AS day, data_is_anonymous AS event_anonymous, seeded,
           if(kind = 2, ifNull(data_referrer, ''), '') AS referrer,
           ifNull(user_id, '') AS user_id,
           if(kind != 3 AND user_id IS NOT NULL,
              joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', assumeNotNull(user_id))),
              toUInt32(0)) AS n,
           if(kind = 1 AND data_country_code IS NOT NULL,
              [('', CAST(NULL, 'Nullable(String)')), (toString(assumeNotNull(data_country_code)), data_region_code)],
              [('', CAST(NULL, 'Nullable(String)'))]) AS places
    FROM analytics_internal.events
    WHERE event_type IN ('$token-refresh', '$page-view', '$click')
)
ARRAY JOIN places AS place
GROUP BY project_id, branch_id, kind, day, event_anonymous, seeded, country_code, region_code, referrer;

-- Page views and clicks per day, from the activity rollup's per-day counts (expanded in a subquery: the
-- outer aliases would shadow the columns of the same names).
INSERT INTO analytics_internal.daily_users (project_id, branch_id, kind, day, event_anonymous, seeded, events)
SELECT project_id, branch_id, kind, day, event_anonymous, seeded, sum(n) AS events
FROM
(
    SELECT project_id, branch_id, counted.1 AS kind, toUInt16(block * 64 + counted.2) AS day, event_anonymous,
           seeded, counted.3 AS n
    FROM analytics_internal.user_activity
    ARRAY JOIN arrayConcat(arrayMap((d, c) -> (toUInt8(2), d, c), page_views.1, page_views.2),
                           arrayMap((d, c) -> (toUInt8(3), d, c), clicks.1, clicks.2)) AS counted
)
GROUP BY project_id, branch_id, kind, day, event_anonymous, seeded;

-- The days of numbered users, from the per-user rollups.
INSERT INTO analytics_internal.daily_users (project_id, branch_id, kind, day, event_anonymous, seeded, country_code, region_code, referrer, users)
SELECT project_id, branch_id, kind, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, country_code,
       region_code, referrer, groupBitmapState(n) AS users
FROM
(
    SELECT *, joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', user_id)) AS n
    FROM
    (
        SELECT project_id, branch_id, toUInt8(1) AS kind, block, event_anonymous, seeded, '' AS country_code,
               CAST(NULL, 'Nullable(String)') AS region_code, '' AS referrer, refresh_days AS bits, user_id
        FROM analytics_internal.user_activity WHERE user_id != '' AND refresh_days != 0
        UNION ALL
        SELECT project_id, branch_id, 1, block, event_anonymous, seeded, country_code, region_code, '', located_days, user_id
        FROM analytics_internal.user_places
        UNION ALL
        SELECT project_id, branch_id, 2, block, event_anonymous, seeded, '', NULL, referrer, view_days, user_id
        FROM analytics_internal.user_referrers
    )
)
ARRAY JOIN bitPositionsToArray(bits) AS i
WHERE n != 0
GROUP BY project_id, branch_id, kind, day, event_anonymous, seeded, country_code, region_code, referrer
SETTINGS use_query_condition_cache = 0;

-- The page views of ids still without a number, a set per day and referrer.
INSERT INTO analytics_internal.daily_users (project_id, branch_id, kind, day, event_anonymous, seeded, referrer, unnumbered_users)
SELECT project_id, branch_id, toUInt8(2) AS kind, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, referrer,
       groupUniqArrayState(user_id) AS unnumbered_users
FROM analytics_internal.user_referrers
ARRAY JOIN bitPositionsToArray(view_days) AS i
WHERE joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', user_id)) = 0
GROUP BY project_id, branch_id, kind, day, event_anonymous, seeded, referrer
SETTINGS use_query_condition_cache = 0;
