-- Append-only product events (PRODUCT.md §3). Partitioned by month so retention drops whole parts;
-- ordered by project first so every overview query reads one project's range only.
CREATE TABLE IF NOT EXISTS analytics_internal.events
(
    event_type LowCardinality(String),
    event_at DateTime64(3, 'UTC'),
    data JSON,
    project_id String,
    branch_id String,
    user_id Nullable(String),
    team_id Nullable(String),
    refresh_token_id Nullable(String),
    session_replay_id Nullable(String),
    created_at DateTime64(3, 'UTC') DEFAULT now64(3),
    -- 1 for rows written by the preview seeder, so a reseed can replace exactly those.
    seeded UInt8 DEFAULT 0
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_at)
ORDER BY (project_id, branch_id, event_at);
