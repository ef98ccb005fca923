package io.mediahub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Playback Reporting plugin (Jellyfin's and Emby's, which ship no spec) as its source shows it: a real SQLite
 * {@code PlaybackActivity} table (Emby's DDL) on which {@code POST /user_usage_stats/submit_custom_query} runs the posted
 * {@code CustomQueryString} verbatim, answering {@code {"colums": [...], "results": [[strings]], "message": ""}} — with the
 * plugin's misspelling, every cell a string, and SQL errors as an HTML {@code message} with status 200.
 */
public final class PlaybackReportingFake implements ResponseDefinitionTransformerV2, AutoCloseable {
    static final String NAME = "playback-reporting";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Connection db;
    /** false: the plugin is not installed (the endpoint answers 404). */
    public volatile boolean installed = true;
    public final AtomicInteger queries = new AtomicInteger();
    public final List<String> sql = java.util.Collections.synchronizedList(new ArrayList<>());

    PlaybackReportingFake() {
        try {
            db = DriverManager.getConnection("jdbc:sqlite::memory:");
            try (Statement s = db.createStatement()) {
                s.executeUpdate("CREATE TABLE PlaybackActivity (DateCreated DATETIME NOT NULL, UserId TEXT, ItemId TEXT, ItemType TEXT, "
                        + "ItemName TEXT, PlaybackMethod TEXT, ClientName TEXT, DeviceName TEXT, PlayDuration INT, PauseDuration INT, "
                        + "RemoteAddress TEXT, TranscodeReasons TEXT)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One play, as the plugin records it: server-local DateCreated text, PlayDuration in seconds. */
    public record Play(String dateCreated, String userId, String itemId, String itemType, String itemName, Object playDuration) {
    }

    public synchronized void add(Play... plays) {
        add(List.of(plays));
    }

    public synchronized void add(List<Play> plays) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO PlaybackActivity (DateCreated, UserId, ItemId, ItemType, ItemName, "
                    + "PlaybackMethod, ClientName, DeviceName, PlayDuration, PauseDuration) VALUES (?, ?, ?, ?, ?, 'DirectPlay', 'Emby Web', 'Firefox', ?, 0)")) {
                for (Play p : plays) {
                    ps.setString(1, p.dateCreated());
                    ps.setString(2, p.userId());
                    ps.setString(3, p.itemId());
                    ps.setString(4, p.itemType());
                    ps.setString(5, p.itemName());
                    ps.setObject(6, p.playDuration());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of generated user {@code u} (32 hex digits, as the plugin stores user ids). */
    public static String generatedUser(int u) {
        return String.format(Locale.ROOT, "%032x", 0xabc000L + u);
    }

    /** The items of a library a user can play (id, type): everything but series. */
    public static List<String[]> playable(List<ObjectNode> library) {
        List<String[]> items = new ArrayList<>();
        for (ObjectNode n : library) {
            if (!"Series".equals(n.path("Type").asText())) {
                items.add(new String[] {n.path("Id").asText(), n.path("Type").asText()});
            }
        }
        return items;
    }

    /** Adds the plays {@link #generate} makes, in ROWID (= time) order. */
    public void addGenerated(int events, int users, List<String[]> items, long seed) {
        List<Play> batch = new ArrayList<>(50_000);
        generate(events, users, items, seed, p -> {
            batch.add(p);
            if (batch.size() >= 50_000) {
                add(batch);
                batch.clear();
            }
        });
        add(batch);
    }

    /**
     * {@code events} plays in time order from 2025-01-01 on, the same ones for the same seed: each pick of one of
     * {@code users} users and an item is 1–4 sittings, resumed minutes or days later; 1 play in 10 is under 220 s.
     */
    public static void generate(int events, int users, List<String[]> items, long seed, Consumer<Play> out) {
        Random r = new Random(seed);
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 18, 0);
        long minutes = 0;
        int made = 0;
        while (made < events) {
            String user = generatedUser(r.nextInt(users));
            String[] item = items.get(r.nextInt(items.size()));
            int sittings = 1 + r.nextInt(4);
            LocalDateTime t = start.plusMinutes(minutes);
            for (int k = 0; k < sittings && made < events; k++) {
                int seconds = r.nextInt(10) == 0 ? 20 + r.nextInt(200) : 300 + r.nextInt(3600);
                out.accept(new Play(t.format(LOCAL), user, item[0], item[1], "x", seconds));
                made++;
                t = t.plusSeconds(seconds + (r.nextBoolean() ? 60 + r.nextInt(600) : 86_400 + r.nextInt(86_400)));
            }
            minutes += 1;
        }
    }

    /** Runs any SQL on the plugin's database (to delete rows, say). */
    public synchronized void execute(String statement) {
        try (Statement s = db.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        if (!installed) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(404).withBody("Not Found").build();
        }
        queries.incrementAndGet();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode cols = answer.putArray("colums");
        ArrayNode results = answer.putArray("results");
        answer.put("message", "");
        try {
            JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
            String q = body.path("CustomQueryString").asText();
            sql.add(q);
            synchronized (this) {
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(q)) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        cols.add(md.getColumnLabel(i));
                    }
                    while (rs.next()) {
                        ArrayNode row = results.addArray();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String v = rs.getString(i);
                            row.add(v == null ? "" : v);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            answer.removeAll();
            answer.putArray("colums");
            answer.putArray("results");
            answer.put("message", "Error Running Query</br>" + e.getMessage());
        } catch (java.io.IOException e) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withBody(e.getMessage()).build();
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(answer.toString()).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing an in-memory database
        }
    }
}
