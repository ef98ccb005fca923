package io.mediahub.history;

import io.mediahub.config.Settings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads what the recommender needs from the store: users by id or name, and a user's sessions as a {@link TitleRecommender.Watched}. */
public final class WatchProfiles {
    private static final List<String> RANK = List.of("unknown", "abandoned", "sampled", "partial", "completed");

    private final double completed;
    private final double partial;
    private final double sampled;

    public WatchProfiles(Settings s) {
        this(s.getDouble("features.weight-completed"), s.getDouble("features.weight-partial"), s.getDouble("features.weight-sampled"));
    }

    public WatchProfiles(double completed, double partial, double sampled) {
        this.completed = completed;
        this.partial = partial;
        this.sampled = sampled;
    }

    /** A user: id and name. */
    public record User(String id, String name) {
    }

    /** Every user Mediahub knows: the library sync's users table, and anyone seen in the watch history. */
    public static List<User> users(Connection c) throws SQLException {
        Map<String, String> users = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, name FROM users ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.put(rs.getString(1), rs.getString(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, MAX(user_name) FROM watch_hist_raw_events GROUP BY user_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                Optional<String> known = users.keySet().stream().filter(k -> PlaybackActivityMapper.normaliseId(k).equals(PlaybackActivityMapper.normaliseId(id))).findFirst();
                if (known.isEmpty()) {
                    users.put(id, rs.getString(2) == null ? id : rs.getString(2));
                }
            }
        }
        List<User> out = new ArrayList<>();
        users.forEach((id, name) -> out.add(new User(id, name)));
        return out;
    }

    /** The user named by id (dashes and case ignored) or name (case ignored), if any. */
    public static Optional<User> find(List<User> users, String text) {
        String t = text.trim();
        return users.stream().filter(u -> PlaybackActivityMapper.normaliseId(u.id()).equals(PlaybackActivityMapper.normaliseId(t))).findFirst()
                .or(() -> users.stream().filter(u -> u.name().equalsIgnoreCase(t)).findFirst());
    }

    /** The user's sessions (all ids the user has in the history) folded into title weights and episode outcomes. */
    public TitleRecommender.Watched watched(Connection c, String userId, GenreMatrix m) throws SQLException {
        Map<Integer, Double> weights = new HashMap<>();
        Map<Integer, String> episodes = new HashMap<>();
        Map<Integer, String> last = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_id, outcome, COUNT(*), MAX(ended_at) FROM watch_hist_agg_sessions "
                + "WHERE user_id = ? GROUP BY item_id, outcome")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int row = m.row(rs.getString(1));
                    if (row < 0) {
                        continue; // an item no longer in the library
                    }
                    String outcome = rs.getString(2);
                    double w = weight(outcome) * rs.getLong(3);
                    weights.merge(m.title(row), w, Double::sum);
                    if (m.isEpisode(row)) {
                        episodes.merge(row, outcome, (a, b) -> RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);
                    }
                    last.merge(row, rs.getString(4), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
        }
        return new TitleRecommender.Watched(weights, episodes, last);
    }

    double weight(String outcome) {
        return switch (outcome) {
            case "completed" -> completed;
            case "partial" -> partial;
            case "sampled" -> sampled;
            default -> 0;
        };
    }

    /** Up to {@code n} names closest to {@code text}: names containing it first, then by edit distance. */
    public static List<String> suggestions(List<String> names, String text, int n) {
        String t = text.toLowerCase(Locale.ROOT).trim();
        record Scored(String name, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : names) {
            if (name == null || !seen.add(name)) {
                continue;
            }
            String l = name.toLowerCase(Locale.ROOT);
            int d = l.contains(t) || t.contains(l) ? Math.abs(l.length() - t.length()) - 1000 : distance(l, t, 64);
            scored.add(new Scored(name, d));
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        return scored.stream().filter(s -> s.score() <= Math.max(3, t.length() / 2)).limit(n).map(Scored::name).toList();
    }

    /** Levenshtein distance, giving up (returning max) beyond {@code max}. */
    static int distance(String a, String b, int max) {
        return io.mediahub.config.EditDistance.between(a, b, max);
    }

    /** Rows named by id or exact name (case ignored), titles before episodes. */
    public static List<Integer> findItem(GenreMatrix m, String text) {
        String t = text.trim();
        int byId = m.row(t);
        if (byId >= 0) {
            return List.of(byId);
        }
        List<Integer> rows = m.rowsNamed(t);
        rows.sort(Comparator.comparing((Integer r) -> m.isEpisode(r)).thenComparing(r -> m.id(r)));
        return rows;
    }
}
