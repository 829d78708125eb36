-- The last Postgres sequence id mirrored per mapping (PRODUCT.md §5); the newest row wins.
CREATE TABLE IF NOT EXISTS analytics_internal.sync_state
(
    mapping String,
    last_synced_id Int64,
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY mapping;
