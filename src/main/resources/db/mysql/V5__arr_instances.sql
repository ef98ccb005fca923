-- Named Radarr/Sonarr instances (RADARR_4K_URL beside RADARR_URL), MySQL/MariaDB: the same change as db/sqlite/V5 —
-- each run names its instance, so a second instance is compared only with its own previous run. Existing rows are
-- the default instance ('').

ALTER TABLE arr_runs ADD COLUMN instance_name VARCHAR(64) NOT NULL DEFAULT '' AFTER service;   -- 4k for RADARR_4K_URL; '' the default instance
CREATE INDEX arr_runs_instance_started ON arr_runs (service, instance_name, started_at);
