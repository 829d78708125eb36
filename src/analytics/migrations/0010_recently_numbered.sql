-- Users numbered in the last day, with when: what the numbering sweep (src/analytics/numbering-sweep.ts)
-- reads to backfill their days a second time. On a ClickHouse server an event can be inserted while its
-- user is being numbered, and then miss both the events' view (no number yet) and the backfill views (its
-- rows not yet in the per-user rollups); a day added twice to a bitmap reads the same, so a second
-- backfill a minute later is always safe. Kept by a view on user_numbers; rows older than a day go (TTL).

CREATE TABLE IF NOT EXISTS analytics_internal.recently_numbered
(
    project_id String,
    user_id String,
    n UInt32,
    numbered_at DateTime('UTC')
)
ENGINE = MergeTree
ORDER BY (numbered_at, project_id)
TTL numbered_at + INTERVAL 1 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS analytics_internal.recently_numbered_mv TO analytics_internal.recently_numbered AS
SELECT splitByChar(':', k)[1] AS project_id, splitByChar(':', k)[2] AS user_id, n, now('UTC') AS numbered_at
FROM analytics_internal.user_numbers;
