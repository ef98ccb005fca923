-- Mediahub schema, version 1: the run log, the Emby/Jellyfin library and the TMDb genres.
-- Timestamps are UTC ISO-8601 text ('2026-11-22T02:22:36Z') in both stores.

CREATE TABLE flow_runs (
    run_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    flow_id       TEXT    NOT NULL,
    trigger_kind  TEXT    NOT NULL,             -- schedule | cli
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,
    status        TEXT    NOT NULL,             -- running | ok | failed | interrupted
    duration_ms   INTEGER,
    rows_read     INTEGER NOT NULL DEFAULT 0,
    rows_written  INTEGER NOT NULL DEFAULT 0,
    rows_deleted  INTEGER NOT NULL DEFAULT 0,
    rows_skipped  INTEGER NOT NULL DEFAULT 0,
    counts        TEXT,                         -- JSON object of the flow's own counters
    error_text    TEXT
);
CREATE INDEX flow_runs_flow_started ON flow_runs (flow_id, started_at);

CREATE TABLE users (
    user_id          TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    is_hidden        INTEGER NOT NULL DEFAULT 0,
    is_disabled      INTEGER NOT NULL DEFAULT 0,
    is_administrator INTEGER NOT NULL DEFAULT 0,
    synced_at        TEXT NOT NULL
);

CREATE TABLE libraries (
    library_id      TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    collection_type TEXT,
    synced_at       TEXT NOT NULL
);

CREATE TABLE library_items (
    item_id           TEXT PRIMARY KEY,
    name              TEXT,
    item_type         TEXT NOT NULL,
    runtime_ticks     INTEGER,
    runtime_seconds   INTEGER,                  -- NULL when unknown, never 0
    production_year   INTEGER,
    premiere_date     TEXT,
    series_id         TEXT,
    series_name       TEXT,
    season_id         TEXT,
    season_number     INTEGER,
    episode_number    INTEGER,
    path              TEXT,
    container         TEXT,
    video_codec       TEXT,
    resolution_width  INTEGER,
    resolution_height INTEGER,
    community_rating  REAL,
    official_rating   TEXT,
    overview          TEXT,
    date_created      TEXT,
    parent_id         TEXT,
    content_hash      TEXT NOT NULL,            -- what the server sent, hashed: unchanged items are not rewritten
    synced_at         TEXT NOT NULL              -- when the row was last written
);
CREATE INDEX library_items_series ON library_items (series_id);
CREATE INDEX library_items_type ON library_items (item_type);
CREATE INDEX library_items_series_episode ON library_items (series_id, season_number, episode_number);
CREATE INDEX library_items_name ON library_items (name);
CREATE INDEX library_items_year ON library_items (production_year);

CREATE TABLE item_genres (
    item_id    TEXT    NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    genre_id   INTEGER NOT NULL,
    genre_name TEXT    NOT NULL,
    PRIMARY KEY (item_id, genre_id)
);
CREATE INDEX item_genres_genre ON item_genres (genre_id);
CREATE INDEX item_genres_name ON item_genres (genre_name);

CREATE TABLE item_tags (
    item_id TEXT NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (item_id, tag)
);

CREATE TABLE item_studios (
    item_id TEXT NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    studio  TEXT NOT NULL,
    PRIMARY KEY (item_id, studio)
);

CREATE TABLE item_provider_ids (
    item_id        TEXT NOT NULL REFERENCES library_items (item_id) ON DELETE CASCADE,
    provider       TEXT NOT NULL,
    provider_value TEXT NOT NULL,
    PRIMARY KEY (item_id, provider)
);
CREATE INDEX item_provider_ids_provider ON item_provider_ids (provider, provider_value);

-- Scratch list of the ids seen by the library sync in progress; emptied at the start of every run.
CREATE TABLE library_sync_seen (
    item_id TEXT PRIMARY KEY
);

CREATE TABLE tmdb_genres (
    genre_id   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    media_type TEXT    NOT NULL,                -- movie | tv
    synced_at  TEXT    NOT NULL,
    PRIMARY KEY (genre_id, media_type)
);
CREATE INDEX tmdb_genres_name ON tmdb_genres (name);
