-- user_activity's view groups an insert's events per key and day first, then per key: its page views
-- and clicks per day are built from the per-day counts (days unique, so plain arrays) instead of a
-- sumMap state per event, which was most of the view's cost on every insert (docs/benchmarks.md).
-- The rows it writes read the same: readers sum each row's (day, count) pairs, and merges sum them.
-- One statement, atomic and rerunnable: the view's query is replaced in place, so no insert misses it.

ALTER TABLE analytics_internal.user_activity_mv MODIFY QUERY
SELECT project_id, branch_id, user_id, block, event_anonymous, seeded,
       groupBitOr(refresh_bit) AS refresh_days,
       groupBitOr(view_bit) AS view_days,
       max(last_refresh) AS last_refresh_at,
       (groupArrayIf(day, day_views > 0), groupArrayIf(day_views, day_views > 0)) AS page_views,
       (groupArrayIf(day, day_clicks > 0), groupArrayIf(day_clicks, day_clicks > 0)) AS clicks
FROM
(
    SELECT project_id, branch_id, ifNull(user_id, '') AS user_id,
           toUInt16(intDiv(toUInt16(toDate(event_at)), 64)) AS block,
           data_is_anonymous AS event_anonymous, seeded,
           toUInt8(toUInt16(toDate(event_at)) % 64) AS day,
           countIf(event_type = '$token-refresh') AS day_refreshes,
           countIf(event_type = '$page-view') AS day_views,
           countIf(event_type = '$click') AS day_clicks,
           if(day_refreshes > 0, bitShiftLeft(toUInt64(1), day), 0) AS refresh_bit,
           if(day_views > 0, bitShiftLeft(toUInt64(1), day), 0) AS view_bit,
           maxIf(event_at, event_type = '$token-refresh') AS last_refresh
    FROM analytics_internal.events
    WHERE event_type IN ('$token-refresh', '$page-view', '$click')
    GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded, day
)
GROUP BY project_id, branch_id, user_id, block, event_anonymous, seeded;
