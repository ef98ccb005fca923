package io.mediahub.emby;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.GenreResolver;
import io.mediahub.store.Dialect;
import io.mediahub.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the library tables. Each batch is one transaction; an item whose content hash has not changed is not
 * rewritten; every id seen in this run goes to {@code library_sync_seen} so the prune can tell what the server no
 * longer has without holding the whole listing in memory.
 */
public class LibraryRepository {
    private static final String ITEM_COLUMNS = "name, item_type, runtime_ticks, runtime_seconds, production_year, premiere_date, series_id, "
            + "series_name, season_id, season_number, episode_number, path, container, video_codec, resolution_width, resolution_height, "
            + "community_rating, official_rating, overview, date_created, parent_id, content_hash, synced_at";
    private static final int ITEM_COLUMN_COUNT = 23;
    private static final int IN_CHUNK = 500;

    private final Store store;
    private final ObjectMapper json;

    public LibraryRepository(Store store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public record BatchResult(int inserted, int updated, int unchanged, int childRows) {
    }

    public GenreResolver genreResolver() throws SQLException {
        try (Connection c = store.connection()) {
            return GenreResolver.load(c);
        }
    }

    public void replaceUsers(List<EmbyUser> users, Instant now) throws SQLException {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM users");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (user_id, name, is_hidden, is_disabled, is_administrator, synced_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (EmbyUser u : users) {
                    ps.setString(1, u.id());
                    ps.setString(2, u.name());
                    ps.setInt(3, u.hidden() ? 1 : 0);
                    ps.setInt(4, u.disabled() ? 1 : 0);
                    ps.setInt(5, u.administrator() ? 1 : 0);
                    ps.setString(6, now.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public void replaceLibraries(List<EmbyLibrary> libraries, Instant now) throws SQLException {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM libraries");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO libraries (library_id, name, collection_type, synced_at) VALUES (?, ?, ?, ?)")) {
                for (EmbyLibrary l : libraries) {
                    ps.setString(1, l.id());
                    ps.setString(2, l.name());
                    ps.setString(3, l.collectionType());
                    ps.setString(4, now.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public void clearSeen() throws SQLException {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM library_sync_seen");
            }
            return null;
        });
    }

    /** Writes one batch in one transaction. */
    public BatchResult writeBatch(Collection<LibraryItem> batch, GenreResolver genres, Instant now) throws SQLException {
        Map<String, LibraryItem> items = new LinkedHashMap<>();
        batch.forEach(i -> items.put(i.itemId(), i));
        return inTransaction(c -> {
            Map<String, String> existing = existingHashes(c, items.keySet());
            List<LibraryItem> inserts = new ArrayList<>();
            List<LibraryItem> updates = new ArrayList<>();
            Map<String, String> hashes = new HashMap<>();
            for (LibraryItem i : items.values()) {
                String h = contentHash(i);
                hashes.put(i.itemId(), h);
                String old = existing.get(i.itemId());
                if (old == null) {
                    inserts.add(i);
                } else if (!old.equals(h)) {
                    updates.add(i);
                }
            }
            if (!inserts.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_items (" + ITEM_COLUMNS + ", item_id) VALUES ("
                        + "?, ".repeat(ITEM_COLUMN_COUNT) + "?)")) {
                    for (LibraryItem i : inserts) {
                        bindItem(ps, i, hashes.get(i.itemId()), now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!updates.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE library_items SET " + ITEM_COLUMNS.replace(",", " = ?,") + " = ? WHERE item_id = ?")) {
                    for (LibraryItem i : updates) {
                        bindItem(ps, i, hashes.get(i.itemId()), now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                for (String table : new String[] {"item_genres", "item_tags", "item_studios", "item_provider_ids"}) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE item_id = ?")) {
                        for (LibraryItem i : updates) {
                            ps.setString(1, i.itemId());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
            }
            List<LibraryItem> changed = new ArrayList<>(inserts);
            changed.addAll(updates);
            int children = changed.isEmpty() ? 0 : writeChildren(c, changed, genres);
            try (PreparedStatement ps = c.prepareStatement(insertIgnore() + " INTO library_sync_seen (item_id) VALUES (?)"
                    + (store.dialect() == Dialect.SQLITE ? " ON CONFLICT (item_id) DO NOTHING" : ""))) {
                for (String id : items.keySet()) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new BatchResult(inserts.size(), updates.size(), items.size() - changed.size(), children);
        });
    }

    private String insertIgnore() {
        return store.dialect() == Dialect.MYSQL ? "INSERT IGNORE" : "INSERT";
    }

    private int writeChildren(Connection c, List<LibraryItem> items, GenreResolver genres) throws SQLException {
        int rows = 0;
        try (PreparedStatement g = c.prepareStatement("INSERT INTO item_genres (item_id, genre_id, genre_name) VALUES (?, ?, ?)");
             PreparedStatement t = c.prepareStatement("INSERT INTO item_tags (item_id, tag) VALUES (?, ?)");
             PreparedStatement s = c.prepareStatement("INSERT INTO item_studios (item_id, studio) VALUES (?, ?)");
             PreparedStatement p = c.prepareStatement("INSERT INTO item_provider_ids (item_id, provider, provider_value) VALUES (?, ?, ?)")) {
            for (LibraryItem i : items) {
                Set<Long> genreIds = new HashSet<>();
                for (String name : i.genres()) {
                    long id = genres.idFor(name, i.isMovie());
                    if (genreIds.add(id)) {
                        g.setString(1, i.itemId());
                        g.setLong(2, id);
                        g.setString(3, name);
                        g.addBatch();
                        rows++;
                    }
                }
                rows += addPairs(t, i.itemId(), i.tags());
                rows += addPairs(s, i.itemId(), i.studios());
                for (Map.Entry<String, String> e : i.providerIds().entrySet()) {
                    p.setString(1, i.itemId());
                    p.setString(2, e.getKey());
                    p.setString(3, e.getValue());
                    p.addBatch();
                    rows++;
                }
            }
            g.executeBatch();
            t.executeBatch();
            s.executeBatch();
            p.executeBatch();
        }
        return rows;
    }

    private static int addPairs(PreparedStatement ps, String itemId, List<String> values) throws SQLException {
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (String v : values) {
            if (seen.add(v)) {
                ps.setString(1, itemId);
                ps.setString(2, v);
                ps.addBatch();
                n++;
            }
        }
        return n;
    }

    private Map<String, String> existingHashes(Connection c, Collection<String> ids) throws SQLException {
        Map<String, String> out = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, content_hash FROM library_items WHERE item_id IN (" + marks + ")")) {
                for (int k = 0; k < chunk.size(); k++) {
                    ps.setString(k + 1, chunk.get(k));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static void bindItem(PreparedStatement ps, LibraryItem i, String hash, Instant now) throws SQLException {
        int k = 1;
        ps.setString(k++, i.name());
        ps.setString(k++, i.itemType());
        setLong(ps, k++, i.runtimeTicks());
        setLong(ps, k++, i.runtimeSeconds());
        setInt(ps, k++, i.productionYear());
        ps.setString(k++, i.premiereDate());
        ps.setString(k++, i.seriesId());
        ps.setString(k++, i.seriesName());
        ps.setString(k++, i.seasonId());
        setInt(ps, k++, i.seasonNumber());
        setInt(ps, k++, i.episodeNumber());
        ps.setString(k++, i.path());
        ps.setString(k++, i.container());
        ps.setString(k++, i.videoCodec());
        setInt(ps, k++, i.resolutionWidth());
        setInt(ps, k++, i.resolutionHeight());
        if (i.communityRating() == null) {
            ps.setNull(k++, Types.DOUBLE);
        } else {
            ps.setDouble(k++, i.communityRating());
        }
        ps.setString(k++, i.officialRating());
        ps.setString(k++, i.overview());
        ps.setString(k++, i.dateCreated());
        ps.setString(k++, i.parentId());
        ps.setString(k++, hash);
        ps.setString(k++, now.toString());
        ps.setString(k, i.itemId());
    }

    private static void setLong(PreparedStatement ps, int k, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(k, Types.BIGINT);
        } else {
            ps.setLong(k, v);
        }
    }

    private static void setInt(PreparedStatement ps, int k, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(k, Types.INTEGER);
        } else {
            ps.setInt(k, v);
        }
    }

    String contentHash(LibraryItem i) {
        try {
            byte[] bytes = json.writeValueAsBytes(i);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash item " + i.itemId(), e);
        }
    }

    public long countItems() throws SQLException {
        return count("SELECT COUNT(*) FROM library_items");
    }

    public long countUnseen() throws SQLException {
        return count("SELECT COUNT(*) FROM library_items WHERE item_id NOT IN (SELECT item_id FROM library_sync_seen)");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = store.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes, in one transaction, every item (and its child rows) not seen in this run. Watch history is never touched. */
    public long pruneUnseen() throws SQLException {
        return inTransaction(c -> {
            String unseen = "SELECT item_id FROM library_items WHERE item_id NOT IN (SELECT item_id FROM library_sync_seen)";
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"item_genres", "item_tags", "item_studios", "item_provider_ids"}) {
                    s.executeUpdate("DELETE FROM " + table + " WHERE item_id IN (" + unseen + ")");
                }
                long deleted = s.executeUpdate("DELETE FROM library_items WHERE item_id NOT IN (SELECT item_id FROM library_sync_seen)");
                s.executeUpdate("DELETE FROM library_sync_seen");
                return deleted;
            }
        });
    }

    private <T> T inTransaction(Store.SqlWork<T> work) throws SQLException {
        return store.inTransaction(work);
    }
}
