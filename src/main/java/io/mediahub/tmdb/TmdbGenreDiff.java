package io.mediahub.tmdb;

import io.mediahub.flow.FlowResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code tmdb-sync-genres} must write, worked out from TMDb's two lists and the stored {@code tmdb_genres} rows
 * (pure: the route reads and writes): genres TMDb added (inserts), renamed (updates) and dropped (deletes), as rows
 * for camel-sql batches, and the run's counts: read = both lists, written = inserted + renamed, deleted = dropped. A
 * genre listed twice counts once; an unchanged genre is not written at all.
 */
public final class TmdbGenreDiff {
    private static final Logger LOG = LoggerFactory.getLogger(TmdbGenreDiff.class);

    private final Clock clock;

    public TmdbGenreDiff(Clock clock) {
        this.clock = clock;
    }

    /** The rows to insert, update and delete; each row a map of the columns the SQL names. */
    public record Changes(int movieCount, int tvCount, List<Map<String, Object>> inserts, List<Map<String, Object>> updates,
                          List<Map<String, Object>> deletes) {
    }

    /** @param stored rows of {@code SELECT genre_id, name, media_type FROM tmdb_genres} */
    public Changes changes(List<TmdbGenre> movie, List<TmdbGenre> tv, List<Map<String, Object>> stored) {
        String now = clock.instant().toString();
        Map<String, Map<Long, String>> existing = new HashMap<>();
        for (Map<String, Object> row : stored) {
            Map<String, Object> r = lowerCaseKeys(row);
            existing.computeIfAbsent(String.valueOf(r.get("media_type")), k -> new HashMap<>())
                    .put(((Number) r.get("genre_id")).longValue(), String.valueOf(r.get("name")));
        }
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<Map<String, Object>> deletes = new ArrayList<>();
        diff("movie", movie, existing.getOrDefault("movie", Map.of()), now, inserts, updates, deletes);
        diff("tv", tv, existing.getOrDefault("tv", Map.of()), now, inserts, updates, deletes);
        return new Changes(movie.size(), tv.size(), inserts, updates, deletes);
    }

    private static void diff(String mediaType, List<TmdbGenre> listed, Map<Long, String> existing, String now,
                             List<Map<String, Object>> inserts, List<Map<String, Object>> updates, List<Map<String, Object>> deletes) {
        Set<Long> seen = new HashSet<>();
        for (TmdbGenre g : listed) {
            if (!seen.add(g.id())) {
                continue;
            }
            String old = existing.get(g.id());
            if (old == null) {
                inserts.add(row(g.id(), g.name(), mediaType, now));
            } else if (!old.equals(g.name())) {
                updates.add(row(g.id(), g.name(), mediaType, now));
            }
        }
        existing.keySet().stream().filter(id -> !seen.contains(id)).sorted()
                .forEach(id -> deletes.add(row(id, existing.get(id), mediaType, now)));
    }

    private static Map<String, Object> row(long id, String name, String mediaType, String now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("genre_id", id);
        m.put("name", name);
        m.put("media_type", mediaType);
        m.put("synced_at", now);
        return m;
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> m = new HashMap<>();
        row.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return m;
    }

    /** The run's counts, once the item genres were re-pointed ({@code repointed} rows changed); logs the summary. */
    public FlowResult result(Changes c, long repointed) {
        FlowResult r = new FlowResult().read(c.movieCount() + c.tvCount())
                .written(c.inserts().size() + c.updates().size())
                .deleted(c.deletes().size())
                .count("genres_repointed", repointed);
        LOG.info("tmdb-sync-genres: {} movie and {} TV genres; {} item genre rows re-pointed", c.movieCount(), c.tvCount(), repointed);
        return r;
    }
}
