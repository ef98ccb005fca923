-- Mediahub schema, version 2: watch history (issue 3). Raw Playback Reporting events, sessions, per user-item stats.
-- Timestamps are UTC ISO-8601 text ('2026-11-22T02:22:36Z'), so text order is time order.

-- One row per PlaybackActivity row of the server's Playback Reporting plugin, keyed by its ROWID.
-- user_id / item_id are kept even when the user or item is unknown to Mediahub (items get deleted from servers).
CREATE TABLE watch_hist_raw_events (
    source_row_id         INTEGER PRIMARY KEY,
    user_id               TEXT    NOT NULL,
    user_name             TEXT,                 -- NULL when the server's user list does not have the user
    item_id               TEXT    NOT NULL,
    item_type             TEXT,
    item_name             TEXT,
    started_at            TEXT    NOT NULL,     -- UTC, from the plugin's server-local DateCreated
    local_started_at      TEXT    NOT NULL,     -- DateCreated as the plugin stored it (server-local, no zone)
    play_duration_seconds INTEGER NOT NULL,
    play_method           TEXT,
    client_name           TEXT,
    device_name           TEXT,
    synced_at             TEXT    NOT NULL
);
-- Covers the rebuild's read: the events of each pair in start order, without visiting the table.
CREATE INDEX watch_hist_raw_events_pair ON watch_hist_raw_events (user_id, item_id, started_at, play_duration_seconds, item_type);

-- Viewing sessions: the events of one (user, item) closer than history.session-gap-minutes (end of one to start of next).
-- session_id is the source_row_id of the session's first event. Keyed (user, item, session) WITHOUT ROWID: the rebuild
-- writes in that order, so inserts append instead of landing all over a B-tree.
CREATE TABLE watch_hist_agg_sessions (
    session_id         INTEGER NOT NULL,
    user_id            TEXT    NOT NULL,
    item_id            TEXT    NOT NULL,
    item_type          TEXT,
    started_at         TEXT    NOT NULL,
    ended_at           TEXT    NOT NULL,       -- latest event end (start + play duration)
    event_count        INTEGER NOT NULL,
    sampled_seconds    INTEGER NOT NULL,       -- sum of play durations
    runtime_seconds    INTEGER,                -- from library_items; NULL when unknown
    runtime_is_fallback INTEGER NOT NULL DEFAULT 0, -- 1 when completion_ratio used the type's fallback runtime (or none)
    completion_ratio   REAL,                   -- min(1, sampled / runtime or fallback); NULL for types without fallback
    outcome            TEXT    NOT NULL,       -- completed | partial | sampled | abandoned | unknown
    PRIMARY KEY (user_id, item_id, session_id)
) WITHOUT ROWID;

-- One row per (user, item) watched (WITHOUT ROWID for the same reason).
CREATE TABLE watch_hist_user_item_stats (
    user_id                 TEXT    NOT NULL,
    item_id                 TEXT    NOT NULL,
    item_type               TEXT,
    total_sessions          INTEGER NOT NULL,
    completed_sessions      INTEGER NOT NULL,
    partial_sessions        INTEGER NOT NULL,
    sampled_sessions        INTEGER NOT NULL,
    abandoned_sessions      INTEGER NOT NULL,
    total_seconds           INTEGER NOT NULL,
    total_minutes           REAL    NOT NULL,
    max_completion_ratio    REAL,
    avg_completion_ratio    REAL,
    rewatch_count           INTEGER NOT NULL,  -- completed sessions beyond the first
    first_watched_at        TEXT    NOT NULL,
    last_watched_at         TEXT    NOT NULL,
    days_between_first_last REAL    NOT NULL,
    adherence_score         REAL    NOT NULL,
    PRIMARY KEY (user_id, item_id)
) WITHOUT ROWID;

-- Scratch list of the (user, item) pairs the history flow in progress rebuilds; emptied at the start of every run.
CREATE TABLE watch_hist_dirty_pairs (
    user_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    PRIMARY KEY (user_id, item_id)
);
