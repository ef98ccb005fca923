-- Jobs: one queue for long work (downloads now; rips, podcast episodes, articles, books and playlists use it too).
-- status: queued -> running -> completed | failed | cancelled; phase is free text (downloading, filing, encoding ...).
-- Timestamps are UTC ISO-8601 text. hints is a JSON object with everything a retry needs (options, disc hints).

CREATE TABLE jobs (
    job_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL,              -- rip | download | podcast-episode | article | book | playlist
    status       TEXT    NOT NULL,              -- queued | running | completed | failed | cancelled
    phase        TEXT,
    progress     REAL,                          -- 0-100
    speed        TEXT,                          -- as the tool reports it, e.g. 1.2 MiB/s
    eta_seconds  INTEGER,
    title        TEXT,
    source       TEXT,                          -- a URL, a disc's volume, a feed's enclosure
    target       TEXT,                          -- the filed path, relative to the library
    disc_type    TEXT,                          -- dvd | bluray | audio_cd (rips)
    hints        TEXT,                          -- JSON object
    attempts     INTEGER NOT NULL DEFAULT 0,    -- attempts that ended without success (failed retryably or interrupted)
    error_text   TEXT,
    created_at   TEXT    NOT NULL,
    started_at   TEXT,
    finished_at  TEXT,
    retry_of     INTEGER REFERENCES jobs (job_id)
);
CREATE INDEX jobs_status_kind ON jobs (status, kind, job_id);

-- Where a downloaded file came from (the URL given to download).
ALTER TABLE media ADD COLUMN source_url TEXT;
