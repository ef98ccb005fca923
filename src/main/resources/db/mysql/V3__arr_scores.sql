-- Radarr/Sonarr custom-format scores (issue 4), MySQL/MariaDB: the same tables as db/sqlite/V3 — one row per export
-- run, its profiles, one row per file per run, and what changed since the previous run. Timestamps are UTC ISO-8601 text.

CREATE TABLE arr_runs (
    arr_run_id     BIGINT AUTO_INCREMENT PRIMARY KEY,
    service        VARCHAR(64)    NOT NULL,             -- radarr | sonarr
    instance       VARCHAR(255)    NOT NULL,             -- the service's URL (no key)
    version        VARCHAR(255),
    started_at     VARCHAR(255)    NOT NULL,
    finished_at    VARCHAR(255),
    status         VARCHAR(255)    NOT NULL,             -- running | ok | partial | failed
    files          BIGINT NOT NULL DEFAULT 0,
    items_without_file BIGINT NOT NULL DEFAULT 0,
    below_cutoff   BIGINT NOT NULL DEFAULT 0,
    unknown_profiles BIGINT NOT NULL DEFAULT 0,
    failed_items   BIGINT NOT NULL DEFAULT 0,   -- series whose files could not be listed
    changes        BIGINT NOT NULL DEFAULT 0,
    health_score   DOUBLE,
    health_grade   VARCHAR(255),
    mean_score     DOUBLE,
    error_text     TEXT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX arr_runs_service_started ON arr_runs (service, started_at);

CREATE TABLE arr_profiles (
    arr_run_id         BIGINT NOT NULL,
    profile_id         BIGINT NOT NULL,
    name               TEXT    NOT NULL,
    upgrade_allowed    BIGINT NOT NULL,
    cutoff_quality     VARCHAR(255),
    min_format_score   BIGINT NOT NULL,
    cutoff_format_score BIGINT NOT NULL,
    format_scores      TEXT    NOT NULL,         -- JSON object: custom format name -> score
    PRIMARY KEY (arr_run_id, profile_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE arr_files (
    arr_run_id       BIGINT NOT NULL,
    service          VARCHAR(255)    NOT NULL,
    item_key         VARCHAR(128)    NOT NULL,           -- movie:<id> | series:<id>:S01E02[-E03]
    item_id          BIGINT NOT NULL,           -- movie id or series id
    file_id          BIGINT NOT NULL,
    title            TEXT,                       -- movie title or series title
    year             BIGINT,
    season_number    BIGINT,
    episode          VARCHAR(255),                       -- S01E02 or S01E02-E03
    episode_title    TEXT,
    air_date         VARCHAR(255),
    path             TEXT,
    size_bytes       BIGINT NOT NULL DEFAULT 0,
    quality          TEXT,
    resolution       TEXT,
    codec            TEXT,
    audio            TEXT,
    hdr              TEXT,
    release_group    TEXT,
    custom_formats   TEXT    NOT NULL,           -- JSON array of {name, score}
    total_score      BIGINT NOT NULL,
    profile_id       BIGINT,
    profile_name     TEXT,
    cutoff_score     BIGINT,
    min_score        BIGINT,
    meets_cutoff_score BIGINT,
    quality_cutoff_met BIGINT,
    upgrade_allowed  BIGINT,
    imdb_id          VARCHAR(255),
    tmdb_id          BIGINT,
    tvdb_id          BIGINT,
    network          TEXT,
    date_added       VARCHAR(255),
    PRIMARY KEY (arr_run_id, item_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE arr_score_changes (
    change_id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    arr_run_id     BIGINT NOT NULL,
    service        VARCHAR(255)    NOT NULL,
    item_key       VARCHAR(255)    NOT NULL,
    file_id        BIGINT NOT NULL,
    title          TEXT,
    change_type    VARCHAR(64)    NOT NULL,             -- new_file | improved | degraded | removed
    reason         VARCHAR(255),                         -- removed: replaced | deleted
    previous_score BIGINT,
    score          BIGINT,
    changed_at     VARCHAR(255)    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX arr_score_changes_service_at ON arr_score_changes (service, changed_at);
CREATE INDEX arr_score_changes_run ON arr_score_changes (arr_run_id);
