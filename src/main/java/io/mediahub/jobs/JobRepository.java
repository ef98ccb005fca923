package io.mediahub.jobs;

import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code jobs} table: bound parameters only. A worker claims a job with a conditional update
 * ({@code … SET status='running' WHERE job_id=? AND status='queued'}) that only one connection can win, so two workers
 * or two processes never take the same job; every later change is conditional on the status too, so a job cancelled
 * while it runs stays cancelled.
 */
public class JobRepository {
    private static final String COLUMNS = "job_id, kind, status, phase, progress, speed, eta_seconds, title, source, target, disc_type, hints, "
            + "attempts, error_text, created_at, started_at, finished_at, retry_of";

    private final Store store;
    private final Clock clock;

    public JobRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Queues a job; returns its id. */
    public long queue(Job.NewJob j) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (kind, status, title, source, disc_type, hints, attempts, created_at, retry_of) "
                     + "VALUES (?, 'queued', ?, ?, ?, ?, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, j.kind());
            ps.setString(2, j.title());
            ps.setString(3, j.source());
            ps.setString(4, j.discType());
            ps.setString(5, j.hints());
            ps.setString(6, now());
            if (j.retryOf() == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, j.retryOf());
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Claims the oldest queued job of this kind, or nothing: only one caller can win a job. */
    public Optional<Job> claim(String kind) throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT job_id FROM jobs WHERE status = 'queued' AND kind = ? ORDER BY job_id LIMIT 8")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
        }
        for (long id : candidates) {
            if (update("UPDATE jobs SET status = 'running', phase = 'starting', progress = NULL, speed = NULL, eta_seconds = NULL, started_at = ?, "
                    + "finished_at = NULL WHERE job_id = ? AND status = 'queued'", now(), id) == 1) {
                return byId(id);
            }
        }
        return Optional.empty();
    }

    /** A running job's phase and progress (nothing happens once it is no longer running). */
    public void progress(long id, String phase, Double progress, String speed, Long etaSeconds) throws SQLException {
        update("UPDATE jobs SET phase = ?, progress = ?, speed = ?, eta_seconds = ? WHERE job_id = ? AND status = 'running'",
                phase, progress, speed, etaSeconds, id);
    }

    public void title(long id, String title) throws SQLException {
        update("UPDATE jobs SET title = ? WHERE job_id = ?", title, id);
    }

    /** Marks a running job completed with what it filed; false when it was cancelled meanwhile. */
    public boolean complete(long id, String target) throws SQLException {
        return update("UPDATE jobs SET status = 'completed', phase = NULL, progress = 100, eta_seconds = NULL, target = ?, error_text = NULL, "
                + "finished_at = ? WHERE job_id = ? AND status = 'running'", target, now(), id) == 1;
    }

    /**
     * A running job that did not succeed: a retryable failure goes back to the queue (its attempts + 1) while it has
     * attempts left, anything else fails it with the reason. Returns the job as it is now.
     */
    public Optional<Job> failed(long id, String reason, boolean retryable, int maxAttempts) throws SQLException {
        Job j = byId(id).orElse(null);
        if (j == null || !Job.RUNNING.equals(j.status())) {
            return Optional.ofNullable(j);
        }
        int attempts = j.attempts() + 1;
        if (retryable && attempts < maxAttempts) {
            update("UPDATE jobs SET status = 'queued', phase = NULL, eta_seconds = NULL, speed = NULL, attempts = ?, error_text = ? "
                    + "WHERE job_id = ? AND status = 'running'", attempts, reason, id);
        } else {
            String why = retryable ? reason + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)") : reason;
            update("UPDATE jobs SET status = 'failed', phase = NULL, eta_seconds = NULL, speed = NULL, attempts = ?, error_text = ?, "
                    + "finished_at = ? WHERE job_id = ? AND status = 'running'", attempts, why, now(), id);
        }
        return byId(id);
    }

    /**
     * Jobs of these kinds left {@code running} by a process that ended: back to the queue with attempts + 1, or failed
     * with the reason once they have used {@code maxAttempts}. Returns how many were found.
     */
    public int recoverAbandoned(List<String> kinds, int maxAttempts) throws SQLException {
        int n = 0;
        for (String kind : kinds) {
            for (Job j : query("SELECT " + COLUMNS + " FROM jobs WHERE status = 'running' AND kind = ? ORDER BY job_id", kind)) {
                int attempts = j.attempts() + 1;
                if (attempts < maxAttempts) {
                    n += update("UPDATE jobs SET status = 'queued', phase = NULL, speed = NULL, eta_seconds = NULL, attempts = ?, "
                            + "error_text = 'interrupted: the process running it ended' WHERE job_id = ? AND status = 'running'", attempts, j.jobId());
                } else {
                    n += update("UPDATE jobs SET status = 'failed', phase = NULL, speed = NULL, eta_seconds = NULL, attempts = ?, error_text = ?, "
                            + "finished_at = ? WHERE job_id = ? AND status = 'running'", attempts,
                            "interrupted " + attempts + " times: the process running it ended each time", now(), j.jobId());
                }
            }
        }
        return n;
    }

    /** Cancels a queued or running job; returns the job as it is now (empty: no such job). */
    public Optional<Job> cancel(long id) throws SQLException {
        update("UPDATE jobs SET status = 'cancelled', phase = NULL, eta_seconds = NULL, speed = NULL, error_text = 'cancelled', finished_at = ? "
                + "WHERE job_id = ? AND status IN ('queued', 'running')", now(), id);
        return byId(id);
    }

    /** A new queued job with everything a failed or cancelled one had (kind, title, source, disc type, hints), retry_of set. */
    public long retry(Job old) throws SQLException {
        return queue(new Job.NewJob(old.kind(), old.title(), old.source(), old.discType(), old.hints(), old.jobId()));
    }

    public Optional<String> status(long id) throws SQLException {
        return byId(id).map(Job::status);
    }

    public Optional<Job> byId(long id) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE job_id = ?", id).stream().findFirst();
    }

    /** Newest first: every job, or (all false) the queued and running ones and those finished within {@code recent}. */
    public List<Job> list(boolean all, Duration recent) throws SQLException {
        if (all) {
            return query("SELECT " + COLUMNS + " FROM jobs ORDER BY job_id DESC");
        }
        String since = clock.instant().minus(recent).truncatedTo(ChronoUnit.SECONDS).toString();
        return query("SELECT " + COLUMNS + " FROM jobs WHERE status IN ('queued', 'running') OR finished_at >= ? ORDER BY job_id DESC", since);
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private List<Job> query(String sql, Object... args) throws SQLException {
        List<Job> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Job(rs.getLong("job_id"), rs.getString("kind"), rs.getString("status"), rs.getString("phase"),
                            (Double) nullable(rs, rs.getDouble("progress")), rs.getString("speed"), (Long) nullable(rs, rs.getLong("eta_seconds")),
                            rs.getString("title"), rs.getString("source"), rs.getString("target"), rs.getString("disc_type"), rs.getString("hints"),
                            rs.getInt("attempts"), rs.getString("error_text"), rs.getString("created_at"), rs.getString("started_at"),
                            rs.getString("finished_at"), (Long) nullable(rs, rs.getLong("retry_of"))));
                }
            }
        }
        return out;
    }

    private static Object nullable(ResultSet rs, Object v) throws SQLException {
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else {
                ps.setString(i + 1, a.toString());
            }
        }
    }
}
