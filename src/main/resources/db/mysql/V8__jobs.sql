-- Jobs: one queue for long work (downloads now; rips, podcast episodes, articles, books and playlists use it too).
-- status: queued -> running -> completed | failed | cancelled; phase is free text (downloading, filing, encoding ...).
-- Timestamps are UTC ISO-8601 text. hints is a JSON object with everything a retry needs (options, disc hints).

CREATE TABLE jobs (
    job_id       BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(32)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    phase        VARCHAR(32),
    progress     DOUBLE,
    speed        VARCHAR(32),
    eta_seconds  BIGINT,
    title        VARCHAR(1024),
    source       TEXT,
    target       VARCHAR(2048),
    disc_type    VARCHAR(16),
    hints        TEXT,
    attempts     INT           NOT NULL DEFAULT 0,
    error_text   TEXT,
    created_at   VARCHAR(32)   NOT NULL,
    started_at   VARCHAR(32),
    finished_at  VARCHAR(32),
    retry_of     BIGINT,
    CONSTRAINT jobs_retry_of FOREIGN KEY (retry_of) REFERENCES jobs (job_id),
    INDEX jobs_status_kind (status, kind, job_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Where a downloaded file came from (the URL given to download).
ALTER TABLE media ADD COLUMN source_url TEXT;
