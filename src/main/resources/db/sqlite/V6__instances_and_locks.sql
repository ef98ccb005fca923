-- Several Mediahub instances on one store: each flow's lock is a row here instead of a lock file in the data folder,
-- and each run records the instance that ran it. Times are UTC ISO-8601 text with milliseconds, fixed width
-- (2026-12-02T03:10:59.123Z), so they compare as text. On SQLite the schedules stay in memory (no QRTZ_* tables).

CREATE TABLE flow_locks (
    flow_id      TEXT PRIMARY KEY,
    owner        TEXT NOT NULL,              -- MEDIAHUB_INSTANCE_ID of the holder
    token        TEXT NOT NULL,              -- pid@host/uuid, one per acquisition: only its holder renews or releases it
    acquired_at  TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL               -- another instance may take the lock after this (MEDIAHUB_LOCK_TTL)
);

ALTER TABLE flow_runs ADD COLUMN instance TEXT;          -- MEDIAHUB_INSTANCE_ID of the instance that ran it
ALTER TABLE flow_runs ADD COLUMN scheduled_for TEXT;     -- the schedule's fire time, for runs the schedule started
