-- Per-day rollups whose users are bitmaps of dense user numbers, so the window figures of users who
-- exist now are bitmap unions and intersections over a few thousand rows per project instead of a
-- grouping of every user (docs/rollups.md).
-- * user_numbers: every user id the users mirror ever held gets a number, 1, 2, 3, … per project, never
--   changed (a re-created user keeps theirs). Keyed by 'project_id:user_id'. Numbered by a view on each
--   insert into the mirror, after the project's highest number so far (user_number_tops).
-- * user_states: the users mirror's rows by number (deleted? anonymous?), read with FINAL as the mirror
--   is, so the users that exist now are one bitmap without a lookup per user.
-- * daily_users: per project, branch, kind, day, events' anonymous flag and seed generation, the numbers of
--   the users with such an event that day, and how many events: kind 1 `$token-refresh` (country '': every
--   refresh; and per located (country, region)), kind 2 `$page-view` per referrer ('' = direct), kind 3
--   `$click`.
--   A page view by an id without a number (the mirror never held it, or not yet) gets a row of its own
--   (unnumbered_user = the id): the few visitors the bitmaps cannot hold.
-- One view on the events keeps it (each event's number looked up once, one part per insert); a user whose
-- events came before their number gets their days from the per-user rollups when they are numbered.
-- Bitmaps merge by union and counts by sum, so unmerged rows read like merged ones. Rerunnable: tables and
-- views are IF NOT EXISTS, numbering skips numbered users, and the days are rebuilt.
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

CREATE TABLE IF NOT EXISTS analytics_internal.daily_users
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
    unnumbered_user String,
    users AggregateFunction(groupBitmap, UInt32),
    events SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, kind, country_code, region_code, referrer, unnumbered_user, day, event_anonymous, seeded)
SETTINGS allow_nullable_key = 1, index_granularity = 128;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_number_tops_mv TO analytics_internal.user_number_tops AS
SELECT splitByChar(':', k)[1] AS project_id, max(n) AS n
FROM analytics_internal.user_numbers
GROUP BY project_id;

-- In the next three views every reference to analytics_internal.user_numbers reads the inserted block: the
-- fresh numbers, whose users' earlier days are read from the per-user rollups (every refresh day to the ''
-- place, located days to their place as well).
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_refresh_backfill_mv TO analytics_internal.daily_users AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt8(1) AS kind, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, '' AS country_code, CAST(NULL, 'Nullable(String)') AS region_code, '' AS referrer, '' AS unnumbered_user,
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
SETTINGS use_query_condition_cache = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_place_backfill_mv TO analytics_internal.daily_users AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt8(1) AS kind, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, a.country_code AS country_code, a.region_code AS region_code, '' AS referrer, '' AS unnumbered_user,
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
SETTINGS use_query_condition_cache = 0;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_view_backfill_mv TO analytics_internal.daily_users AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt8(2) AS kind, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, '' AS country_code, CAST(NULL, 'Nullable(String)') AS region_code, a.referrer AS referrer, '' AS unnumbered_user,
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

-- A located refresh also counts in the day's '' place, so the refreshing users of a day are one row (MAU
-- and the split read only those), the located ones one row per place.
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.daily_users_mv TO analytics_internal.daily_users AS
SELECT project_id, branch_id, kind, day, event_anonymous, seeded,
       place.1 AS country_code, place.2 AS region_code, referrer,
       if(n = 0 AND kind = 2, user_id, '') AS unnumbered_user,
       groupBitmapStateIf(n, n != 0) AS users, count() AS events
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
GROUP BY project_id, branch_id, kind, day, event_anonymous, seeded, country_code, region_code, referrer, unnumbered_user;

TRUNCATE TABLE analytics_internal.daily_users;

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

-- Users numbered by an earlier run of this migration: their days, from the per-user rollups.
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

-- Once every mirrored user has a number: the page views of the ids still without one, a row per day.
INSERT INTO analytics_internal.daily_users (project_id, branch_id, kind, day, event_anonymous, seeded, referrer, unnumbered_user)
SELECT project_id, branch_id, 2 AS kind, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, referrer,
       user_id AS unnumbered_user
FROM analytics_internal.user_referrers
ARRAY JOIN bitPositionsToArray(view_days) AS i
WHERE joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', user_id)) = 0
SETTINGS use_query_condition_cache = 0;
