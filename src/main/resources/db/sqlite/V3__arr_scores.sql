-- Radarr/Sonarr custom-format scores (issue 4): one row per export run, its profiles, one row per file per run,
-- and what changed since the service's previous run. Timestamps are UTC ISO-8601 text.

CREATE TABLE arr_runs (
    arr_run_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    service        TEXT    NOT NULL,             -- radarr | sonarr
    instance       TEXT    NOT NULL,             -- the service's URL (no key)
    version        TEXT,
    started_at     TEXT    NOT NULL,
    finished_at    TEXT,
    status         TEXT    NOT NULL,             -- running | ok | partial | failed
    files          INTEGER NOT NULL DEFAULT 0,
    items_without_file INTEGER NOT NULL DEFAULT 0,
    below_cutoff   INTEGER NOT NULL DEFAULT 0,
    unknown_profiles INTEGER NOT NULL DEFAULT 0,
    failed_items   INTEGER NOT NULL DEFAULT 0,   -- series whose files could not be listed
    changes        INTEGER NOT NULL DEFAULT 0,
    health_score   REAL,
    health_grade   TEXT,
    mean_score     REAL,
    error_text     TEXT
);
CREATE INDEX arr_runs_service_started ON arr_runs (service, started_at);

CREATE TABLE arr_profiles (
    arr_run_id         INTEGER NOT NULL,
    profile_id         INTEGER NOT NULL,
    name               TEXT    NOT NULL,
    upgrade_allowed    INTEGER NOT NULL,
    cutoff_quality     TEXT,
    min_format_score   INTEGER NOT NULL,
    cutoff_format_score INTEGER NOT NULL,
    format_scores      TEXT    NOT NULL,         -- JSON object: custom format name -> score
    PRIMARY KEY (arr_run_id, profile_id)
);

CREATE TABLE arr_files (
    arr_run_id       INTEGER NOT NULL,
    service          TEXT    NOT NULL,
    item_key         TEXT    NOT NULL,           -- movie:<id> | series:<id>:S01E02[-E03]
    item_id          INTEGER NOT NULL,           -- movie id or series id
    file_id          INTEGER NOT NULL,
    title            TEXT,                       -- movie title or series title
    year             INTEGER,
    season_number    INTEGER,
    episode          TEXT,                       -- S01E02 or S01E02-E03
    episode_title    TEXT,
    air_date         TEXT,
    path             TEXT,
    size_bytes       INTEGER NOT NULL DEFAULT 0,
    quality          TEXT,
    resolution       TEXT,
    codec            TEXT,
    audio            TEXT,
    hdr              TEXT,
    release_group    TEXT,
    custom_formats   TEXT    NOT NULL,           -- JSON array of {name, score}
    total_score      INTEGER NOT NULL,
    profile_id       INTEGER,
    profile_name     TEXT,
    cutoff_score     INTEGER,
    min_score        INTEGER,
    meets_cutoff_score INTEGER,
    quality_cutoff_met INTEGER,
    upgrade_allowed  INTEGER,
    imdb_id          TEXT,
    tmdb_id          INTEGER,
    tvdb_id          INTEGER,
    network          TEXT,
    date_added       TEXT,
    PRIMARY KEY (arr_run_id, item_key)
);

CREATE TABLE arr_score_changes (
    change_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    arr_run_id     INTEGER NOT NULL,
    service        TEXT    NOT NULL,
    item_key       TEXT    NOT NULL,
    file_id        INTEGER NOT NULL,
    title          TEXT,
    change_type    TEXT    NOT NULL,             -- new_file | improved | degraded | removed
    reason         TEXT,                         -- removed: replaced | deleted
    previous_score INTEGER,
    score          INTEGER,
    changed_at     TEXT    NOT NULL
);
CREATE INDEX arr_score_changes_service_at ON arr_score_changes (service, changed_at);
CREATE INDEX arr_score_changes_run ON arr_score_changes (arr_run_id);
