-- Mediahub schema, version 1 (MySQL/MariaDB): same tables as db/sqlite/V1. Identifiers and tags compare
-- byte-wise (utf8mb4_bin) as they do in SQLite. Timestamps are UTC ISO-8601 text.

CREATE TABLE flow_runs (
    run_id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    flow_id       VARCHAR(100) NOT NULL,
    trigger_kind  VARCHAR(20)  NOT NULL,
    started_at    VARCHAR(40)  NOT NULL,
    finished_at   VARCHAR(40),
    status        VARCHAR(20)  NOT NULL,
    duration_ms   BIGINT,
    rows_read     BIGINT NOT NULL DEFAULT 0,
    rows_written  BIGINT NOT NULL DEFAULT 0,
    rows_deleted  BIGINT NOT NULL DEFAULT 0,
    rows_skipped  BIGINT NOT NULL DEFAULT 0,
    counts        TEXT,
    error_text    TEXT,
    INDEX flow_runs_flow_started (flow_id, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE users (
    user_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name             VARCHAR(255) NOT NULL,
    is_hidden        TINYINT      NOT NULL DEFAULT 0,
    is_disabled      TINYINT      NOT NULL DEFAULT 0,
    is_administrator TINYINT      NOT NULL DEFAULT 0,
    synced_at        VARCHAR(40)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE libraries (
    library_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    collection_type VARCHAR(64),
    synced_at       VARCHAR(40)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE library_items (
    item_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name              VARCHAR(1024),
    item_type         VARCHAR(64)  NOT NULL,
    runtime_ticks     BIGINT,
    runtime_seconds   BIGINT,
    production_year   INT,
    premiere_date     VARCHAR(40),
    series_id         VARCHAR(64),
    series_name       VARCHAR(1024),
    season_id         VARCHAR(64),
    season_number     INT,
    episode_number    INT,
    path              TEXT,
    container         VARCHAR(255),
    video_codec       VARCHAR(64),
    resolution_width  INT,
    resolution_height INT,
    community_rating  DOUBLE,
    official_rating   VARCHAR(64),
    overview          TEXT,
    date_created      VARCHAR(40),
    parent_id         VARCHAR(64),
    content_hash      VARCHAR(64)  NOT NULL,
    synced_at         VARCHAR(40)  NOT NULL,
    INDEX library_items_series (series_id),
    INDEX library_items_type (item_type),
    INDEX library_items_series_episode (series_id, season_number, episode_number),
    INDEX library_items_name (name(191)),
    INDEX library_items_year (production_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE item_genres (
    item_id    VARCHAR(64)  NOT NULL,
    genre_id   BIGINT       NOT NULL,
    genre_name VARCHAR(255) NOT NULL,
    PRIMARY KEY (item_id, genre_id),
    INDEX item_genres_genre (genre_id),
    INDEX item_genres_name (genre_name),
    CONSTRAINT item_genres_item FOREIGN KEY (item_id) REFERENCES library_items (item_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE item_tags (
    item_id VARCHAR(64)  NOT NULL,
    tag     VARCHAR(255) NOT NULL,
    PRIMARY KEY (item_id, tag),
    CONSTRAINT item_tags_item FOREIGN KEY (item_id) REFERENCES library_items (item_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE item_studios (
    item_id VARCHAR(64)  NOT NULL,
    studio  VARCHAR(255) NOT NULL,
    PRIMARY KEY (item_id, studio),
    CONSTRAINT item_studios_item FOREIGN KEY (item_id) REFERENCES library_items (item_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE item_provider_ids (
    item_id        VARCHAR(64)  NOT NULL,
    provider       VARCHAR(64)  NOT NULL,
    provider_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (item_id, provider),
    INDEX item_provider_ids_provider (provider, provider_value),
    CONSTRAINT item_provider_ids_item FOREIGN KEY (item_id) REFERENCES library_items (item_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE library_sync_seen (
    item_id VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE tmdb_genres (
    genre_id   BIGINT       NOT NULL,
    name       VARCHAR(255) NOT NULL,
    media_type VARCHAR(10)  NOT NULL,
    synced_at  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (genre_id, media_type),
    INDEX tmdb_genres_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
