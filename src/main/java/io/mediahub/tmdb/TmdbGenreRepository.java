package io.mediahub.tmdb;

import io.mediahub.common.GenreResolver;
import io.mediahub.store.Store;
import io.mediahub.store.StoreTransactionPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-points {@code item_genres} to the ids the rule in {@link io.mediahub.common.GenreIds} gives now that
 * {@code tmdb_genres} changed: several statements (read the distinct names, one update per name and kind of item), so
 * a repository rather than {@code sql:} endpoints. It runs in the route's store transaction ({@code storeTransaction}),
 * on its connection, so it sees the genre writes before they are committed and commits or rolls back with them.
 */
public final class TmdbGenreRepository {
    private final Store store;

    public TmdbGenreRepository(Store store) {
        this.store = store;
    }

    /** Returns the rows changed. */
    public long repoint() throws SQLException {
        return StoreTransactionPolicy.onTransactionConnection(store.dataSource(), c -> repointWith(c, GenreResolver.load(c)));
    }

    static long repointWith(Connection c, GenreResolver resolver) throws SQLException {
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
