-- Active users per day as bitmaps of dense user numbers, so MAU and the daily active users (with their
-- new / retained / reactivated split) are bitmap unions and intersections over a few hundred rows instead
-- of a grouping of every user (docs/rollups.md).
-- * user_numbers: every user id the users mirror ever held gets a number, 1, 2, 3, … per project, never
--   changed (a re-created user keeps theirs). Keyed by 'project_id:user_id'. Numbered by a view on each
--   insert into the mirror, after the project's highest number so far (user_number_tops).
-- * user_states: the users mirror's rows by number (deleted? anonymous?), read with FINAL as the mirror
--   is, so the users that exist now are one bitmap without a lookup per user.
-- * active_user_days: per project, branch, day, events' anonymous flag and seed generation, the numbers
--   of the users with a `$token-refresh` that day. Kept by a view on the events; a user whose events came
--   before their number gets their days from user_activity when they are numbered.
-- Bitmaps merge by union (OR), so a day written twice reads the same. Rerunnable from any statement: the
-- tables and views are IF NOT EXISTS, numbering skips numbered users, and the days are rebuilt.
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

CREATE TABLE IF NOT EXISTS analytics_internal.active_user_days
(
    project_id String,
    branch_id String,
    day UInt16,
    event_anonymous UInt8,
    seeded UInt8,
    users AggregateFunction(groupBitmap, UInt32)
)
ENGINE = AggregatingMergeTree
ORDER BY (project_id, branch_id, day, event_anonymous, seeded);

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.user_number_tops_mv TO analytics_internal.user_number_tops AS
SELECT splitByChar(':', k)[1] AS project_id, max(n) AS n
FROM analytics_internal.user_numbers
GROUP BY project_id;

-- Every reference to analytics_internal.user_numbers in this view reads the inserted block: the fresh numbers.
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.active_user_days_backfill_mv TO analytics_internal.active_user_days AS
SELECT a.project_id AS project_id, a.branch_id AS branch_id, toUInt16(a.block * 64 + i) AS day,
       a.event_anonymous AS event_anonymous, a.seeded AS seeded, groupBitmapState(fresh.n) AS users
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

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.active_user_days_mv TO analytics_internal.active_user_days AS
SELECT project_id, branch_id, day, event_anonymous, seeded, groupBitmapState(n) AS users
FROM
(
    SELECT project_id, branch_id, toUInt16(toDate(event_at)) AS day, data_is_anonymous AS event_anonymous, seeded,
           joinGet('analytics_internal.user_numbers', 'n', concat(project_id, ':', assumeNotNull(user_id))) AS n
    FROM analytics_internal.events
    WHERE event_type = '$token-refresh' AND user_id IS NOT NULL
)
WHERE n != 0
GROUP BY project_id, branch_id, day, event_anonymous, seeded;

TRUNCATE TABLE analytics_internal.active_user_days;

-- Users numbered by an earlier run of this migration: their days, from the activity rollup.
INSERT INTO analytics_internal.active_user_days
SELECT project_id, branch_id, toUInt16(block * 64 + i) AS day, event_anonymous, seeded, groupBitmapState(n) AS users
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
