package io.mediahub.tmdb;

import io.mediahub.flow.FlowDefinition;
import java.util.List;

/** The TMDb flows. */
public final class TmdbFlows {
    public static final FlowDefinition SYNC_GENRES = new FlowDefinition("tmdb-sync-genres",
            "TMDb movie and TV genre lists into tmdb_genres; item_genres re-pointed to TMDb ids",
            List.of("tmdb.read-access-token", "tmdb.api-url"), "tmdb.sync-genres-cron");

    public static final List<FlowDefinition> ALL = List.of(SYNC_GENRES);

    private TmdbFlows() {
    }
}
