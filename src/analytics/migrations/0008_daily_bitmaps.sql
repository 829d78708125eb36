-- Per-day rollups whose users are bitmaps of dense user numbers, so the window figures of users who
-- exist now are bitmap unions and intersections over a few hundred rows per project instead of a grouping
-- of every user (docs/rollups.md).
-- * user_numbers: every user id the users mirror ever held gets a number, 1, 2, 3, … per project, never
--   changed (a re-created user keeps theirs). Keyed by 'project_id:user_id'. Numbered by a view on each
--   insert into the mirror, after the project's highest number so far (user_number_tops).
-- * user_states: the users mirror's rows by number (deleted? anonymous?), read with FINAL as the mirror
--   is, so the users that exist now are one bitmap without a lookup per user.
-- * daily_activity: per project, branch, day, events' anonymous flag and seed generation: the numbers of
--   the users with a `$token-refresh` that day, and the day's page views and clicks.
-- * daily_places: the same per located (country, region): the numbers of the users located there that day.
-- * daily_referrers: the same per referrer ('' = direct): the numbers of the users with a page view from it.
-- * unnumbered_views: page views of users without a number when they were written (ids the mirror never
--   held, or not yet), as user_referrers keeps them: the few visitors the bitmaps cannot hold.
-- Kept by views on the events; a user whose events came before their number gets their days from
-- user_activity and user_places when they are numbered. Bitmaps merge by union and counts by sum, so
-- unmerged rows read like merged ones. Rerunnable: tables and views are IF NOT EXISTS, numbering skips
-- numbered users, and the days are rebuilt.
-- :TRICKY: a filter on joinGet or on the inserted block reads MergeTree parts whose answer changes as users
-- are numbered; the query condition cache would remember an earlier run's empty answer, so it is off there.

CREATE TABLE IF NOT EXISTS analytics_internal.user_numbers
(
    k String,
    n UInt32
)
ENGINE = Join(ANY, LEFT, k);

CREATE TABLE IF NOT EXISTS analytics_internal.user_number_tops
(
    project_id String,
    n UInt32
)
ENGINE = Join(ANY, LEFT, project_id)
SETTINGS join_any_take_last_row = 1;

CREATE TABLE IF NOT EXISTS analytics_internal.user_states
(
    project_id String,
    branch_id String,
    n UInt32,
    id UUID,
    is_anonymous UInt8,
    sync_is_deleted UInt8,
    sync_sequence_id Int64
)
ENGINE = ReplacingMergeTree(sync_sequence_id)
ORDER BY (project_id, branch_id, n);

CREATE TABLE IF NOT EXISTS analytics_internal.daily_activity
(
    project_id String,
    branch_id String,
    day UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    refreshed AggregateFunction(groupBitmap, UInt32),
    page_views SimpleAggregateFunction(sum, UInt64),
    clicks SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, day, event_anonymous, seeded);

CREATE TABLE IF NOT EXISTS analytics_internal.daily_places
(
    project_id String,
    branch_id String,
    day UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    country_code String,
    region_code Nullable(String),
    located AggregateFunction(groupBitmap, UInt32)
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, day, event_anonymous, seeded, country_code, region_code)
SETTINGS allow_nullable_key = 1;

CREATE TABLE IF NOT EXISTS analytics_internal.daily_referrers
(
    project_id String,
    branch_id String,
    day UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    referrer String,
    viewed AggregateFunction(groupBitmap, UInt32)
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, day, event_anonymous, seeded, referrer);

CREATE TABLE IF NOT EXISTS analytics_internal.unnumbered_views
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

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_number_tops_mv TO analytics_internal.user_number_tops AS
SELECT splitByChar(':', k)[1] AS project_id, max(n) AS n
FROM analytics_internal.user_numbers
GROUP BY project_id;

-- In the next two views every reference to analytics_internal.user_numbers reads the inserted block: the
-- fresh numbers, whose users' earlier days are read from the activity rollups.
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_activity_backfill_mv TO analytics_internal.daily_activity AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, groupBitmapState(fresh.n) AS refreshed,
       toUInt64(0) AS page_views, toUInt64(0) AS clicks
FROM (SELECT k, n FROM analytics_internal.user_numbers) AS fresh
INNER JOIN
(
    SELECT project_id, branch_id, block, event_anonymous, seeded, refresh_days, concat(project_id, ':', user_id) AS k
    FROM analytics_internal.user_activity
    WHERE project_id IN (SELECT splitByChar(':', k)[1] FROM analytics_internal.user_numbers)
      AND concat(project_id, ':', user_id) IN (SELECT k FROM analytics_internal.user_numbers)
      AND refresh_days != 0
) AS a ON fresh.k = a.k
ARRAY JOIN bitPositionsToArray(a.refresh_days) AS i
GROUP BY project_id, branch_id, day, event_anonymous, seeded
SETTINGS use_query_condition_cache = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_places_backfill_mv TO analytics_internal.daily_places AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded,
       a.country_code AS country_code, a.region_code AS region_code, groupBitmapState(fresh.n) AS located
FROM (SELECT k, n FROM analytics_internal.user_numbers) AS fresh
INNER JOIN
(
    SELECT project_id, branch_id, block, event_anonymous, seeded, country_code, region_code, located_days,
           concat(project_id, ':', user_id) AS k
    FROM analytics_internal.user_places
    WHERE project_id IN (SELECT splitByChar(':', k)[1] FROM analytics_internal.user_numbers)
      AND concat(project_id, ':', user_id) IN (SELECT k FROM analytics_internal.user_numbers)
) AS a ON fresh.k = a.k
ARRAY JOIN bitPositionsToArray(a.located_days) AS i
GROUP BY project_id, branch_id, day, event_anonymous, seeded, country_code, region_code
SETTINGS use_query_condition_cache = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_referrers_backfill_mv TO analytics_internal.daily_referrers AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, a.referrer AS referrer,
       groupBitmapState(fresh.n) AS viewed
FROM (SELECT k, n FROM analytics_internal.user_numbers) AS fresh
INNER JOIN
(
    SELECT project_id, branch_id, block, event_anonymous, seeded, referrer, view_days,
           concat(project_id, ':', user_id) AS k
    FROM analytics_internal.user_referrers
    WHERE project_id IN (SELECT splitByChar(':', k)[1] FROM analytics_internal.user_numbers)
      AND concat(project_id, ':', user_id) IN (SELECT k FROM analytics_internal.user_numbers)
) AS a ON fresh.k = a.k
ARRAY JOIN bitPositionsToArray(a.view_days) AS i
GROUP BY project_id, branch_id, day, event_anonymous, seeded, referrer
SETTINGS use_query_condition_cache = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_numbers_mv TO analytics_internal.user_numbers AS
SELECT DISTINCT concat(project_id, ':', toString(id)) AS k, n
FROM analytics_internal.user_states
WHERE joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', toString(id))) = 0;

-- A user already numbered keeps their number; new ones (dense_rank: one number per id, in every branch)
-- follow the project's top.
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_states_mv TO analytics_internal.user_states AS
SELECT project_id, branch_id,
       toUInt32(if(known != 0, known, joinGet('analytics_internal.user_number_tops', 'n', project_id)
                                      + dense_rank() OVER (PARTITION BY project_id, known = 0 ORDER BY id))) AS n,
       id, is_anonymous, sync_is_deleted, sync_sequence_id
FROM
(
    SELECT project_id, branch_id, id, is_anonymous, sync_is_deleted, sync_sequence_id,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', toString(id))) AS known
    FROM analytics_internal.users
)
SETTINGS use_query_condition_cache = 0;

-- Events of a user not numbered yet count in page views and clicks; their refresh joins the bitmap when
-- the user is numbered (the backfill view above). joinGet runs for refreshes only (if() short-circuits).
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_activity_mv TO analytics_internal.daily_activity AS
SELECT project_id, branch_id, day, event_anonymous, seeded,
       groupBitmapStateIf(n, n != 0) AS refreshed,
       countIf(event_type = '$page-view') AS page_views,
       countIf(event_type = '$click') AS clicks
FROM
(
    SELECT project_id, branch_id, toUInt16(toDate(event_at)) AS day, data_is_anonymous AS event_anonymous, seeded,
           event_type,
           if(event_type = '$token-refresh' AND user_id IS NOT NULL,
              joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', assumeNotNull(user_id))),
              toUInt32(0)) AS n
    FROM analytics_internal.events
    WHERE event_type IN ('$token-refresh', '$page-view', '$click')
)
GROUP BY project_id, branch_id, day, event_anonymous, seeded;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_places_mv TO analytics_internal.daily_places AS
SELECT project_id, branch_id, day, event_anonymous, seeded, country_code, region_code, groupBitmapState(n) AS located
FROM
(
    SELECT project_id, branch_id, toUInt16(toDate(event_at)) AS day, data_is_anonymous AS event_anonymous, seeded,
           assumeNotNull(data_country_code) AS country_code, data_region_code AS region_code,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', assumeNotNull(user_id))) AS n
    FROM analytics_internal.events
    WHERE event_type = '$token-refresh' AND user_id IS NOT NULL AND data_country_code IS NOT NULL
)
WHERE n != 0
GROUP BY project_id, branch_id, day, event_anonymous, seeded, country_code, region_code;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_referrers_mv TO analytics_internal.daily_referrers AS
SELECT project_id, branch_id, day, event_anonymous, seeded, referrer, groupBitmapState(n) AS viewed
FROM
(
    SELECT project_id, branch_id, toUInt16(toDate(event_at)) AS day, data_is_anonymous AS event_anonymous, seeded,
           ifNull(data_referrer, '') AS referrer,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', assumeNotNull(user_id))) AS n
    FROM analytics_internal.events
    WHERE event_type = '$page-view' AND user_id IS NOT NULL
)
WHERE n != 0
GROUP BY project_id, branch_id, day, event_anonymous, seeded, referrer;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.unnumbered_views_mv TO analytics_internal.unnumbered_views AS
SELECT project_id, branch_id, user_id, block, event_anonymous, seeded, referrer, groupBitOr(bit) AS view_days
FROM
(
    SELECT project_id, branch_id, assumeNotNull(user_id) AS user_id,
           toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block, data_is_anonymous AS event_anonymous, seeded,
           ifNull(data_referrer, '') AS referrer, bitShiftLeft(toUInt64(1), toUInt16(toDate(event_at)) % 64) AS bit
    FROM analytics_internal.events
    WHERE event_type = '$page-view' AND user_id IS NOT NULL
      AND joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', assumeNotNull(user_id))) = 0
)
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded, referrer;

TRUNCATE TABLE analytics_internal.daily_activity;

-- Page views and clicks per day, from the activity rollup's per-day counts (expanded in a subquery: the
-- outer aliases would shadow the columns of the same names).
INSERT INTO analytics_internal.daily_activity (project_id, branch_id, day, event_anonymous, seeded, page_views, clicks)
SELECT project_id, branch_id, day, event_anonymous, seeded, sum(views) AS page_views, sum(taps) AS clicks
FROM
(
    SELECT project_id, branch_id, toUInt16(block * 64 + counted.1) AS day, event_anonymous, seeded,
           counted.2 AS views, counted.3 AS taps
    FROM analytics_internal.user_activity
    ARRAY JOIN arrayConcat(arrayMap((d, c) -> (d, c, toUInt64(0)), page_views.1, page_views.2),
                           arrayMap((d, c) -> (d, toUInt64(0), c), clicks.1, clicks.2)) AS counted
)
GROUP BY project_id, branch_id, day, event_anonymous, seeded;

-- Users numbered by an earlier run of this migration: their refresh days, from the activity rollup.
INSERT INTO analytics_internal.daily_activity (project_id, branch_id, day, event_anonymous, seeded, refreshed)
SELECT project_id, branch_id, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, groupBitmapState(n) AS refreshed
FROM
(
    SELECT project_id, branch_id, block, event_anonymous, seeded, refresh_days,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', user_id)) AS n
    FROM analytics_internal.user_activity
    WHERE user_id != '' AND refresh_days != 0
)
ARRAY JOIN bitPositionsToArray(refresh_days) AS i
WHERE n != 0
GROUP BY project_id, branch_id, day, event_anonymous, seeded
SETTINGS use_query_condition_cache = 0;

TRUNCATE TABLE analytics_internal.daily_places;

-- The same users' located days, from the places rollup.
INSERT INTO analytics_internal.daily_places
SELECT project_id, branch_id, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, country_code, region_code,
       groupBitmapState(n) AS located
FROM
(
    SELECT project_id, branch_id, block, event_anonymous, seeded, country_code, region_code, located_days,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', user_id)) AS n
    FROM analytics_internal.user_places
)
ARRAY JOIN bitPositionsToArray(located_days) AS i
WHERE n != 0
GROUP BY project_id, branch_id, day, event_anonymous, seeded, country_code, region_code
SETTINGS use_query_condition_cache = 0;

TRUNCATE TABLE analytics_internal.daily_referrers;

-- The same users' page-view days per referrer, from the referrer rollup.
INSERT INTO analytics_internal.daily_referrers
SELECT project_id, branch_id, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, referrer,
       groupBitmapState(n) AS viewed
FROM
(
    SELECT project_id, branch_id, block, event_anonymous, seeded, referrer, view_days,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', user_id)) AS n
    FROM analytics_internal.user_referrers
)
ARRAY JOIN bitPositionsToArray(view_days) AS i
WHERE n != 0
GROUP BY project_id, branch_id, day, event_anonymous, seeded, referrer
SETTINGS use_query_condition_cache = 0;

TRUNCATE TABLE analytics_internal.user_states;

-- The mirror's rows again, by number; the views above number new users, record each project's top and
-- backfill their days.
INSERT INTO analytics_internal.user_states
SELECT project_id, branch_id,
       toUInt32(if(known != 0, known, joinGet('analytics_internal.user_number_tops', 'n', project_id)
                                      + dense_rank() OVER (PARTITION BY project_id, known = 0 ORDER BY id))) AS n,
       id, is_anonymous, sync_is_deleted, sync_sequence_id
FROM
(
    SELECT project_id, branch_id, id, is_anonymous, sync_is_deleted, sync_sequence_id,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', toString(id))) AS known
    FROM analytics_internal.users
)
SETTINGS use_query_condition_cache = 0;

TRUNCATE TABLE analytics_internal.unnumbered_views;

-- Once every mirrored user has a number: the page views of the ids still without one.
INSERT INTO analytics_internal.unnumbered_views
SELECT project_id, branch_id, user_id, block, event_anonymous, seeded, referrer, view_days
FROM analytics_internal.user_referrers
WHERE joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', user_id)) = 0
SETTINGS use_query_condition_cache = 0;
