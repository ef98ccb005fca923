package io.mediahub.emby;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Episodes without genres of their own take their series' genres: from a series listed earlier in the run, or from one
 * look-up per series ({@code /Items?Ids=}). Pure: the route makes the look-ups this class asks for. The cache keeps
 * the {@value #CACHE_SIZE} series used last.
 */
final class SeriesGenreFallback {
    static final int CACHE_SIZE = 20_000;

    private final Map<String, List<String>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /**
     * The series of these items (in the server's order) to look up: those of episodes without genres whose series is
     * neither known nor listed before them.
     */
    List<String> missing(List<LibraryItem> items) {
        List<String> missing = new ArrayList<>(0);
        Set<String> known = new HashSet<>();
        for (LibraryItem item : items) {
            if ("Series".equals(item.itemType())) {
                known.add(item.itemId());
            } else if (needsSeries(item) && !known.contains(item.seriesId()) && !cache.containsKey(item.seriesId())) {
                known.add(item.seriesId());
                missing.add(item.seriesId());
            }
        }
        return missing;
    }

    void looked(String seriesId, List<String> genres) {
        cache.put(seriesId, genres);
    }

    /** The item, or (an episode without genres) a copy with its series' genres; a series is remembered. */
    LibraryItem fill(LibraryItem item) {
        if ("Series".equals(item.itemType())) {
            cache.put(item.itemId(), item.genres());
        }
        if (needsSeries(item)) {
            List<String> g = cache.get(item.seriesId());
            if (g != null && !g.isEmpty()) {
                return item.withGenres(g);
            }
        }
        return item;
    }

    private static boolean needsSeries(LibraryItem item) {
        return item.isEpisode() && item.genres().isEmpty() && item.seriesId() != null;
    }
}
