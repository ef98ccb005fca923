package io.mediahub.history;

import io.mediahub.flow.FlowDefinition;
import java.util.List;

/** The watch-history and features flows. */
public final class HistoryFlows {
    public static final FlowDefinition SYNC_HISTORY = new FlowDefinition("emby-sync-history",
            "Playback Reporting history into watch_hist_raw_events, then sessions, user-item stats and completion ratios",
            List.of("emby.url", "emby.api-key"), "history.sync-cron");

    public static final FlowDefinition BUILD_GENRES = new FlowDefinition("features-build-genres",
            "one-hot genre matrix of the library, cached under $MEDIAHUB_DATA_DIR/cache for similar and recommend",
            List.of(), "features.build-genres-cron");

    public static final List<FlowDefinition> ALL = List.of(SYNC_HISTORY, BUILD_GENRES);

    private HistoryFlows() {
    }
}
