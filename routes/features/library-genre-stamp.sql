-- The library genre source's stamp (features-build-genres records it beside the cache; similar and recommend compare
-- it): counts and the newest synced_at of the items, the count and total name length of their genres, and the latest
-- emby-sync-library run, with how many of those runs are still running (then there is no stamp).
SELECT (SELECT COUNT(*) FROM library_items) AS items,
       (SELECT MAX(synced_at) FROM library_items) AS newest_synced_at,
       (SELECT COUNT(*) FROM item_genres) AS genres,
       (SELECT COALESCE(SUM(LENGTH(genre_name)), 0) FROM item_genres) AS genre_name_length,
       (SELECT COALESCE(MAX(run_id), 0) FROM flow_runs WHERE flow_id = 'emby-sync-library') AS last_library_sync,
       (SELECT COUNT(*) FROM flow_runs WHERE flow_id = 'emby-sync-library' AND status = 'running') AS library_syncs_running
