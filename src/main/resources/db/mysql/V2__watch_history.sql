-- Mediahub schema, version 2 (MySQL/MariaDB): same tables as db/sqlite/V2 (watch history, issue 3).

CREATE TABLE watch_hist_raw_events (
    source_row_id         BIGINT        NOT NULL PRIMARY KEY,
    user_id               VARCHAR(64)   NOT NULL,
    user_name             VARCHAR(255),
    item_id               VARCHAR(64)   NOT NULL,
    item_type             VARCHAR(64),
    item_name             VARCHAR(1024),
    started_at            VARCHAR(40)   NOT NULL,
    local_started_at      VARCHAR(40)   NOT NULL,
    play_duration_seconds BIGINT        NOT NULL,
    play_method           VARCHAR(255),
    client_name           VARCHAR(255),
    device_name           VARCHAR(255),
    synced_at             VARCHAR(40)   NOT NULL,
    INDEX watch_hist_raw_events_pair (user_id, item_id, started_at, play_duration_seconds, item_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE watch_hist_agg_sessions (
    session_id          BIGINT       NOT NULL,
    user_id             VARCHAR(64)  NOT NULL,
    item_id             VARCHAR(64)  NOT NULL,
    item_type           VARCHAR(64),
    started_at          VARCHAR(40)  NOT NULL,
    ended_at            VARCHAR(40)  NOT NULL,
    event_count         BIGINT       NOT NULL,
    sampled_seconds     BIGINT       NOT NULL,
    runtime_seconds     BIGINT,
    runtime_is_fallback TINYINT      NOT NULL DEFAULT 0,
    completion_ratio    DOUBLE,
    outcome             VARCHAR(20)  NOT NULL,
    PRIMARY KEY (user_id, item_id, session_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE watch_hist_user_item_stats (
    user_id                 VARCHAR(64)  NOT NULL,
    item_id                 VARCHAR(64)  NOT NULL,
    item_type               VARCHAR(64),
    total_sessions          BIGINT       NOT NULL,
    completed_sessions      BIGINT       NOT NULL,
    partial_sessions        BIGINT       NOT NULL,
    sampled_sessions        BIGINT       NOT NULL,
    abandoned_sessions      BIGINT       NOT NULL,
    total_seconds           BIGINT       NOT NULL,
    total_minutes           DOUBLE       NOT NULL,
    max_completion_ratio    DOUBLE,
    avg_completion_ratio    DOUBLE,
    rewatch_count           BIGINT       NOT NULL,
    first_watched_at        VARCHAR(40)  NOT NULL,
    last_watched_at         VARCHAR(40)  NOT NULL,
    days_between_first_last DOUBLE       NOT NULL,
    adherence_score         DOUBLE       NOT NULL,
    PRIMARY KEY (user_id, item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE watch_hist_dirty_pairs (
    user_id VARCHAR(64) NOT NULL,
    item_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, item_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
