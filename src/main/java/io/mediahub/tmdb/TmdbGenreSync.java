package io.mediahub.tmdb;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.GenreResolver;
import io.mediahub.common.HttpSettings;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tmdb-sync-genres} flow: TMDb's movie and TV genre lists into {@code tmdb_genres}, then every
 * {@code item_genres} row re-pointed to the id the rule in {@link io.mediahub.common.GenreIds} gives it now. So a
 * library synced before the TMDb tables existed gets its TMDb ids here (the EMBRACE scripts never did), and both lists are
 * fetched before anything is written: a failure leaves the store as it was.
 */
public class TmdbGenreSync {
    private static final Logger LOG = LoggerFactory.getLogger(TmdbGenreSync.class);

    private final Settings settings;
    private final Store store;
    private final ObjectMapper json;
    private final Clock clock;

    public TmdbGenreSync(Settings settings, Store store, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public FlowResult run(FlowRequest request) throws SQLException {
        TmdbClient client = new TmdbClient(settings.get("tmdb.api-url"), settings.get("tmdb.read-access-token"), HttpSettings.from(settings), json);
        String language = settings.get("tmdb.language");
        List<TmdbClient.Genre> movie = client.genres("movie", language);
        List<TmdbClient.Genre> tv = client.genres("tv", language);
        FlowResult result = new FlowResult().read(movie.size() + tv.size());
        String now = clock.instant().toString();
        store.inTransaction(c -> {
            upsert(c, "movie", movie, now, result);
            upsert(c, "tv", tv, now, result);
            GenreResolver resolver = GenreResolver.load(c);
            result.count("genres_repointed", repoint(c, resolver));
            return null;
        });
        LOG.info("tmdb-sync-genres: {} movie and {} TV genres; {} item genre rows re-pointed", movie.size(), tv.size(),
                result.counter("genres_repointed"));
        return result;
    }

    private static void upsert(Connection c, String mediaType, List<TmdbClient.Genre> genres, String now, FlowResult result) throws SQLException {
        Map<Long, String> existing = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT genre_id, name FROM tmdb_genres WHERE media_type = ?")) {
            ps.setString(1, mediaType);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        Set<Long> listed = new HashSet<>();
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO tmdb_genres (genre_id, name, media_type, synced_at) VALUES (?, ?, ?, ?)");
             PreparedStatement upd = c.prepareStatement("UPDATE tmdb_genres SET name = ?, synced_at = ? WHERE genre_id = ? AND media_type = ?")) {
            for (TmdbClient.Genre g : genres) {
                if (!listed.add(g.id())) {
                    continue;
                }
                String old = existing.get(g.id());
                if (old == null) {
                    ins.setLong(1, g.id());
                    ins.setString(2, g.name());
                    ins.setString(3, mediaType);
                    ins.setString(4, now);
                    ins.addBatch();
                    result.written(1);
                } else if (!old.equals(g.name())) {
                    upd.setString(1, g.name());
                    upd.setString(2, now);
                    upd.setLong(3, g.id());
                    upd.setString(4, mediaType);
                    upd.addBatch();
                    result.written(1);
                }
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM tmdb_genres WHERE genre_id = ? AND media_type = ?")) {
            for (Long id : existing.keySet()) {
                if (!listed.contains(id)) {
                    del.setLong(1, id);
                    del.setString(2, mediaType);
                    del.addBatch();
                    result.deleted(1);
                }
            }
            del.executeBatch();
        }
    }

    /** Re-points every item genre whose id differs from what the rule gives now; returns the rows changed. */
    static long repoint(Connection c, GenreResolver resolver) throws SQLException {
        record Group(String name, long id, boolean movie) {
        }
        List<Group> groups = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT g.genre_name, g.genre_id, CASE WHEN i.item_type = 'Movie' THEN 1 ELSE 0 END "
                + "FROM item_genres g JOIN library_items i ON i.item_id = g.item_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                groups.add(new Group(rs.getString(1), rs.getLong(2), rs.getInt(3) == 1));
            }
        }
        long changed = 0;
        try (PreparedStatement movie = c.prepareStatement("UPDATE item_genres SET genre_id = ? WHERE genre_name = ? AND genre_id = ? "
                + "AND item_id IN (SELECT item_id FROM library_items WHERE item_type = 'Movie')");
             PreparedStatement other = c.prepareStatement("UPDATE item_genres SET genre_id = ? WHERE genre_name = ? AND genre_id = ? "
                     + "AND item_id IN (SELECT item_id FROM library_items WHERE item_type <> 'Movie')")) {
            for (Group g : groups) {
                long target = resolver.idFor(g.name(), g.movie());
                if (target != g.id()) {
                    PreparedStatement ps = g.movie() ? movie : other;
                    ps.setLong(1, target);
                    ps.setString(2, g.name());
                    ps.setLong(3, g.id());
                    changed += ps.executeUpdate();
                }
            }
        }
        return changed;
    }
}
