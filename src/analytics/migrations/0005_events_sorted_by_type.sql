-- Events sorted by type within a project: ORDER BY (project_id, branch_id, event_type, event_at).
-- Every overview metric reads one event type over a time range. Sorted by time alone, the types are
-- interleaved in every granule, so a `$token-refresh` metric decompressed the page views' and clicks'
-- user ids too; sorted by type first, it reads only its own rows, still pruned by time.
-- Measured (docs/benchmarks.md): a 2.5M-event project in a 10M-row table, whole overview 1,105–1,385 ms
-- before, 687–736 ms after.
--
-- ClickHouse cannot put a column in the middle of a sorting key (MODIFY ORDER BY only appends), so the
-- table is rebuilt: `CREATE TABLE … AS` copies its columns, codecs, ALIAS, MATERIALIZED columns and
-- constraint with the new key; copy, exchange, drop. Rerunnable after a crash at any statement: the copy
-- table is dropped first, and after the exchange the copy reads the already rebuilt table the same way.
-- The copy takes time on a big table: ClickHouse re-sorts every row.
DROP TABLE IF EXISTS analytics_internal.events_rebuild;

CREATE TABLE analytics_internal.events_rebuild AS analytics_internal.events
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_at)
ORDER BY (project_id, branch_id, event_type, event_at);

INSERT INTO analytics_internal.events_rebuild SELECT * FROM analytics_internal.events;

EXCHANGE TABLES analytics_internal.events AND analytics_internal.events_rebuild;

DROP TABLE analytics_internal.events_rebuild;
