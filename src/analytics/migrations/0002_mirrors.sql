-- Mirrors of the Postgres tables that the overview counts. ReplacingMergeTree keeps the row with the
-- highest sync_sequence_id per key: seeded rows carry 0, so any real sync (>= 1) supersedes them.
-- Always read with FINAL and sync_is_deleted = 0.
CREATE TABLE IF NOT EXISTS analytics_internal.users
(
    project_id String,
    branch_id String,
    id UUID,
    display_name Nullable(String),
    profile_image_url Nullable(String),
    primary_email Nullable(String),
    primary_email_verified UInt8,
    signed_up_at DateTime64(3, 'UTC'),
    client_metadata String,
    client_read_only_metadata String,
    server_metadata String,
    is_anonymous UInt8,
    restricted_by_admin UInt8,
    restricted_by_admin_reason Nullable(String),
    restricted_by_admin_private_details Nullable(String),
    sync_sequence_id Int64,
    sync_is_deleted UInt8,
    sync_created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(sync_sequence_id)
ORDER BY (project_id, branch_id, id);

CREATE TABLE IF NOT EXISTS analytics_internal.contact_channels
(
    project_id String,
    branch_id String,
    id UUID,
    user_id UUID,
    type LowCardinality(String),
    value String,
    is_primary UInt8,
    is_verified UInt8,
    used_for_auth UInt8,
    created_at DateTime64(3, 'UTC'),
    sync_sequence_id Int64,
    sync_is_deleted UInt8,
    sync_created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(sync_sequence_id)
ORDER BY (project_id, branch_id, id);

CREATE TABLE IF NOT EXISTS analytics_internal.teams
(
    project_id String,
    branch_id String,
    id UUID,
    display_name String,
    profile_image_url Nullable(String),
    created_at DateTime64(3, 'UTC'),
    client_metadata String,
    client_read_only_metadata String,
    server_metadata String,
    sync_sequence_id Int64,
    sync_is_deleted UInt8,
    sync_created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(sync_sequence_id)
ORDER BY (project_id, branch_id, id);

CREATE TABLE IF NOT EXISTS analytics_internal.team_members
(
    project_id String,
    branch_id String,
    team_id UUID,
    user_id UUID,
    display_name Nullable(String),
    created_at DateTime64(3, 'UTC'),
    sync_sequence_id Int64,
    sync_is_deleted UInt8,
    sync_created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(sync_sequence_id)
ORDER BY (project_id, branch_id, team_id, user_id);
