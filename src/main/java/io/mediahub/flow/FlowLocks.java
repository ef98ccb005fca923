package io.mediahub.flow;

import io.mediahub.store.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow locks, as rows of {@code flow_locks} in the store, so every Mediahub instance on one store (and every
 * one-shot {@code run} beside a container) sees them. A lock is taken in one statement (an insert that does nothing
 * when the flow's row exists, else an update that succeeds only when the row has expired), renewed by a heartbeat
 * every third of {@code MEDIAHUB_LOCK_TTL} while it is held, and deleted when released. A lock whose holder died
 * stops being renewed, expires, and the next instance that wants it takes it over.
 *
 * <p>Times come from each instance's clock (kept in step by NTP, as Quartz's clustering also needs) and are stored
 * as fixed-width UTC text, so they compare as text on both vendors.
 */
public final class FlowLocks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlowLocks.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Store store;
    private final String instanceId;
    private final Duration ttl;
    private final Clock clock;
    private volatile ScheduledExecutorService heartbeats;

    public FlowLocks(Store store, String instanceId, Duration ttl, Clock clock) {
        if (ttl.toMillis() < 300) {
            throw new IllegalArgumentException("MEDIAHUB_LOCK_TTL must be at least 0.3 seconds, not " + ttl.toMillis() + " ms");
        }
        this.store = store;
        this.instanceId = instanceId.length() > 190 ? instanceId.substring(0, 190) : instanceId;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The instance id when {@code MEDIAHUB_INSTANCE_ID} is empty: the host name and the process id
     * ({@code nas-4711}), so two processes on one machine, or two containers, never share one.
     */
    public static String defaultInstanceId() {
        return hostName() + "-" + ProcessHandle.current().pid();
    }

    private static String hostName() {
        String host = null;
        try {
            Path h = Path.of("/proc/sys/kernel/hostname");
            host = Files.isReadable(h) ? Files.readString(h).trim() : null;
        } catch (IOException | RuntimeException e) {
            host = null;
        }
        if (host == null || host.isEmpty()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "mediahub";
            }
        }
        return host;
    }

    public String instanceId() {
        return instanceId;
    }

    public Duration ttl() {
        return ttl;
    }

    /** How often a held lock is renewed: a third of the TTL, so two missed beats still leave it held. */
    public Duration heartbeatInterval() {
        return ttl.dividedBy(3);
    }

    static String text(Instant t) {
        return TIME.format(t);
    }

    /**
     * Takes the flow's lock if nobody holds it, or if its holder let it expire. Empty when another holds it. The lock
     * returned is renewed until it is closed.
     *
     * <p>The row is read first (a read never waits for SQLite's writer, so a busy store still answers "held" at
     * once); then one conditional statement takes it: an insert that does nothing if the row appeared meanwhile, or
     * an update of the expired row seen, which does nothing if another took it first. An expired lock whose holder
     * is a process still alive on this machine (its renewal may be queued behind a long SQLite write) is left to it.
     */
    public Optional<Held> tryTake(String flowId) {
        Instant now = clock.instant();
        String token = PROCESS + "/" + UUID.randomUUID();
        String at = text(now);
        String expires = text(now.plus(ttl));
        try (Connection c = store.connection()) {
            String seenToken = null;
            String seenExpiry = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT token, expires_at FROM flow_locks WHERE flow_id = ?")) {
                ps.setString(1, flowId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        seenToken = rs.getString(1);
                        seenExpiry = rs.getString(2);
                    }
                }
            }
            int n;
            if (seenToken == null) {
                try (PreparedStatement ps = c.prepareStatement(store.dialect().insertIgnore()
                        + " INTO flow_locks (flow_id, owner, token, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, flowId);
                    ps.setString(2, instanceId);
                    ps.setString(3, token);
                    ps.setString(4, at);
                    ps.setString(5, at);
                    ps.setString(6, expires);
                    n = ps.executeUpdate();
                }
            } else if (seenExpiry.compareTo(at) >= 0 || holderAliveHere(seenToken)) {
                return Optional.empty();
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE flow_locks SET owner = ?, token = ?, acquired_at = ?, heartbeat_at = ?, "
                        + "expires_at = ? WHERE flow_id = ? AND token = ? AND expires_at < ?")) {
                    ps.setString(1, instanceId);
                    ps.setString(2, token);
                    ps.setString(3, at);
                    ps.setString(4, at);
                    ps.setString(5, expires);
                    ps.setString(6, flowId);
                    ps.setString(7, seenToken);
                    ps.setString(8, at);
                    n = ps.executeUpdate();
                }
                if (n > 0) {
                    LOG.warn("{}: took over a lock that expired (its holder stopped renewing it)", flowId);
                }
            }
            if (n == 0) {
                return Optional.empty();
            }
            Held held = new Held(flowId, token);
            held.beat = heartbeats().scheduleAtFixedRate(held::renew, heartbeatInterval().toMillis(), heartbeatInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            return Optional.of(held);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the lock of " + flowId + " in flow_locks: " + e.getMessage(), e);
        }
    }

    /** This process as a lock token's prefix: {@code pid@host}. */
    private static final String PROCESS = ProcessHandle.current().pid() + "@" + truncate(hostName(), 200);

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Whether a token was written by another process of this machine that is still running. */
    static boolean holderAliveHere(String token) {
        int at = token.indexOf('@');
        int slash = token.lastIndexOf('/');
        if (at <= 0 || slash < at || !token.substring(at + 1, slash).equals(PROCESS.substring(PROCESS.indexOf('@') + 1))) {
            return false;
        }
        try {
            long pid = Long.parseLong(token.substring(0, at));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The instance holding the flow's lock, if a live (unexpired) lock exists. */
    public Optional<String> holder(String flowId) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT owner FROM flow_locks WHERE flow_id = ? AND expires_at >= ?")) {
            ps.setString(1, flowId);
            ps.setString(2, text(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read flow_locks: " + e.getMessage(), e);
        }
    }

    private synchronized ScheduledExecutorService heartbeats() {
        if (heartbeats == null) {
            heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mediahub-lock-heartbeat");
                t.setDaemon(true);
                return t;
            });
        }
        return heartbeats;
    }

    /** Stops the heartbeats (the locks still held expire by themselves). */
    @Override
    public synchronized void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
        }
    }

    /** A lock this instance holds: renewed until {@link #close()} releases it. */
    public final class Held implements AutoCloseable {
        private final String flowId;
        private final String token;
        private volatile ScheduledFuture<?> beat;

        private Held(String flowId, String token) {
            this.flowId = flowId;
            this.token = token;
        }

        void renew() {
            Instant now = clock.instant();
            try (Connection c = store.connection();
                 PreparedStatement ps = c.prepareStatement("UPDATE flow_locks SET heartbeat_at = ?, expires_at = ? WHERE flow_id = ? AND token = ?")) {
                ps.setString(1, text(now));
                ps.setString(2, text(now.plus(ttl)));
                ps.setString(3, flowId);
                ps.setString(4, token);
                if (ps.executeUpdate() == 0) {
                    LOG.warn("{}: its lock was taken over by another instance after it expired (no heartbeat for {} s); "
                            + "the run goes on, but another may start", flowId, ttl.toSeconds());
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("{}: cannot renew its lock in flow_locks: {}", flowId, e.getMessage());
            }
        }

        /** Releases the lock (only this acquisition's row: a lock another took over stays theirs). */
        @Override
        public void close() {
            if (beat != null) {
                beat.cancel(false);
            }
            try (Connection c = store.connection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM flow_locks WHERE flow_id = ? AND token = ?")) {
                ps.setString(1, flowId);
                ps.setString(2, token);
                ps.executeUpdate();
            } catch (SQLException e) {
                LOG.warn("{}: cannot release its lock in flow_locks (it expires in {} s): {}", flowId, ttl.toSeconds(), e.getMessage());
            }
        }
    }
}
