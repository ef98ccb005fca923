-- Media intake (issue 5): every file the intake filed, found in the library, or could not take.
-- Timestamps are UTC ISO-8601 text. path is relative to MEDIAHUB_LIBRARY_DIR (NULL while a file never reached it).

CREATE TABLE media (
    media_id         INTEGER PRIMARY KEY AUTOINCREMENT,
    path             TEXT,                          -- relative to the library root, '/'-separated
    kind             TEXT    NOT NULL,              -- movie | episode | music | other
    title            TEXT,                          -- movie title, show name, or track title
    year             INTEGER,
    season           INTEGER,
    episode          INTEGER,
    episode_last     INTEGER,                       -- last episode of a multi-episode file
    episode_title    TEXT,
    artist           TEXT,
    album            TEXT,
    tmdb_id          INTEGER,
    imdb_id          TEXT,
    duration_seconds REAL,
    container        TEXT,
    video_codec      TEXT,
    audio_codec      TEXT,
    width            INTEGER,
    height           INTEGER,
    hdr              TEXT,
    size_bytes       INTEGER,
    content_hash     TEXT,                          -- SHA-256 of the content, hex
    status           TEXT    NOT NULL,              -- filing | identified | unidentified | duplicate | failed | missing
    method           TEXT,                          -- tmdb-movie | tmdb-tv | tmdb-forced | tags | parsed-name | library-scan
    error_text       TEXT,
    source_name      TEXT,                          -- the name it had in the inbox
    added_at         TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX media_hash ON media (content_hash);
CREATE INDEX media_path ON media (path);
CREATE INDEX media_status ON media (status);
CREATE INDEX media_tmdb ON media (tmdb_id);
