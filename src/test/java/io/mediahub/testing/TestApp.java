package io.mediahub.testing;

import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boots the real application (real routes from routes/, real store) with settings the test gives, never the
 * developer's environment: defaults from application.properties, then only {@code env}.
 */
public final class TestApp implements AutoCloseable {
    private final MediahubApplication app;

    private TestApp(MediahubApplication app) {
        this.app = app;
    }

    public static Settings settings(Path dataDir, Map<String, String> env) {
        Map<String, String> e = new HashMap<>();
        e.put("MEDIAHUB_DATA_DIR", dataDir.toString());
        e.put("HTTP_RETRY_BASE_DELAY", "0.01");
        e.put("HTTP_RETRY_MAX_DELAY", "0.05");
        e.put("HTTP_READ_TIMEOUT", "10");
        e.put("HTTP_CONNECT_TIMEOUT", "2");
        e.putAll(env);
        return Settings.load(e, dataDir.resolve("no-such.env"));
    }

    public static TestApp start(Path dataDir, Map<String, String> env) throws Exception {
        return start(settings(dataDir, env));
    }

    public static TestApp start(Settings settings) throws Exception {
        return start(settings, java.time.Clock.systemUTC());
    }

    /** The application on the test's clock (the flows' time stamps; the flow runner's durations). */
    public static TestApp start(Settings settings, java.time.Clock clock) throws Exception {
        MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT, clock);
        app.start();
        return new TestApp(app);
    }

    public MediahubApplication app() {
        return app;
    }

    public FlowOutcome run(String flow) {
        return app.runner().run(flow, "cli", Map.of());
    }

    public FlowOutcome run(String flow, Map<String, String> options) {
        return app.runner().run(flow, "cli", options);
    }

    public long count(String sql) throws Exception {
        try (Connection c = app.store().connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public List<Map<String, Object>> rows(String sql) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = app.store().connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Every row of the library tables, for comparing two runs. synced_at is left out (it is when a row was written). */
    public String libraryDump() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String sql : new String[] {
                "SELECT item_id, name, item_type, runtime_seconds, production_year, series_id, season_number, episode_number, path, "
                        + "video_codec, resolution_width, resolution_height, content_hash FROM library_items ORDER BY item_id",
                "SELECT * FROM item_genres ORDER BY item_id, genre_id", "SELECT * FROM item_tags ORDER BY item_id, tag",
                "SELECT * FROM item_studios ORDER BY item_id, studio", "SELECT * FROM item_provider_ids ORDER BY item_id, provider",
                "SELECT user_id, name, is_hidden FROM users ORDER BY user_id", "SELECT library_id, name, collection_type FROM libraries ORDER BY library_id"}) {
            sb.append(rows(sql)).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        app.close();
    }
}
