package io.mediahub.emby;

import io.mediahub.common.ServiceException;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Emby/Jellyfin that files landed in the library, so its scanner picks them up now rather than at its next
 * scheduled scan. Off unless
 * {@code intake.refresh-media-server} is true. With {@code intake.media-server-library-dir} (the library root as the
 * server sees it) only the new files are reported ({@code POST /Library/Media/Updated}); without it, the server scans
 * every library ({@code POST /Library/Refresh}). The calls are the route {@code emby-refresh-library}'s (through
 * {@code emby-call-api}, redelivered by {@code mediahub-http-policy}); this bean decides what to send and says what was
 * done.
 *
 * <p>The files have landed by the time this runs, so a server that cannot be reached never fails the intake: the
 * run records the problem in its error text and the server finds the files at its next scan.
 */
public final class EmbyLibraryRefresh implements CamelContextAware {
    private static final Logger LOG = LoggerFactory.getLogger(EmbyLibraryRefresh.class);
    /** Counters with which the intake's runs report files that reached the library. */
    private static final List<String> FILED = List.of("identified", "unidentified", "resumed");
    static final int PATHS_PER_CALL = 200;
    static final String ROUTE = "direct:emby-refresh-library";

    private final Settings settings;
    private final Store store;
    private volatile CamelContext camelContext;
    private volatile ProducerTemplate producer;

    public EmbyLibraryRefresh(Settings settings, Store store) {
        this.settings = settings;
        this.store = store;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    public boolean enabled() {
        return settings.getBoolean("intake.refresh-media-server");
    }

    /** The intake route's last step: if the run filed anything, tell the server. Returns the run's result. */
    public FlowResult afterIntake(FlowRequest request, FlowResult result) throws SQLException {
        long filed = FILED.stream().mapToLong(result::counter).sum();
        if (!enabled() || filed == 0) {
            return result;
        }
        List<String> paths = serverRoot().isPresent() ? filedSince(request.runId()) : List.of();
        try {
            String what = notifyServer(paths);
            result.count("media_server_notified", 1);
            LOG.info("intake: {}", what);
        } catch (ServiceException | IllegalStateException e) {
            result.problem("the files are filed, but telling the media server failed: " + e.getMessage());
            LOG.warn("intake: the files are filed, but telling the media server failed: {}", e.getMessage());
        }
        return result;
    }

    /**
     * Tells the server about these library files (paths relative to {@code mediahub.library-dir}, '/'-separated), or asks
     * for a whole scan when no server-side root is configured or no path is given. Returns what it did, in words.
     */
    public String notifyServer(List<String> libraryPaths) {
        if (settings.find("emby.url").isEmpty() || settings.find("emby.api-key").isEmpty()) {
            throw new IllegalStateException("intake.refresh-media-server is on but EMBY_URL and EMBY_API_KEY are not both set");
        }
        Optional<String> root = serverRoot();
        List<String> serverPaths = root.isEmpty() ? List.of() : libraryPaths.stream().map(p -> serverPath(root.get(), p)).toList();
        try {
            return producer().requestBody(ROUTE, serverPaths, String.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The body of one {@code POST /Library/Media/Updated} (the same on Emby and Jellyfin): these files were created. */
    public Map<String, Object> updates(List<String> serverPaths) {
        List<Map<String, String>> updates = serverPaths.stream().map(p -> Map.of("Path", p, "UpdateType", "Created")).toList();
        return Map.of("Updates", updates);
    }

    /** What {@code emby-refresh-library} did, in words. */
    public String done(EmbyServer server, List<String> serverPaths) {
        if (serverPaths.isEmpty()) {
            return "asked " + server.describe() + " to scan its libraries";
        }
        return "told " + server.describe() + " about " + serverPaths.size() + " new file" + (serverPaths.size() == 1 ? "" : "s");
    }

    private ProducerTemplate producer() {
        ProducerTemplate p = producer;
        if (p == null) {
            CamelContext c = camelContext;
            if (c == null) {
                throw new IllegalStateException("the media server refresh runs only inside the started application");
            }
            p = c.createProducerTemplate();
            producer = p;
        }
        return p;
    }

    /** {@code root} + the relative path, with the root's own separator style (a Windows server's {@code D:\Media}). */
    static String serverPath(String root, String relative) {
        boolean windows = root.contains("\\") && !root.contains("/");
        String sep = windows ? "\\" : "/";
        String base = root.endsWith(sep) ? root.substring(0, root.length() - 1) : root;
        return base + sep + (windows ? relative.replace('/', '\\') : relative);
    }

    private Optional<String> serverRoot() {
        return settings.find("intake.media-server-library-dir").map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Library paths of the rows this run filed (rows are stamped to the second; the run's start is cut to match). */
    private List<String> filedSince(long runId) throws SQLException {
        return store.inTransaction(c -> {
            String since = runStart(c, runId);
            List<String> paths = new ArrayList<>();
            if (since == null) {
                return paths;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT path FROM media WHERE updated_at >= ? AND path IS NOT NULL "
                    + "AND status IN ('identified', 'unidentified') ORDER BY media_id")) {
                ps.setString(1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        paths.add(rs.getString(1));
                    }
                }
            }
            return paths;
        });
    }

    private static String runStart(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM flow_runs WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Instant.parse(rs.getString(1)).truncatedTo(ChronoUnit.SECONDS).toString() : null;
            }
        }
    }
}
