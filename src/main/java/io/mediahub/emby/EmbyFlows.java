package io.mediahub.emby;

import io.mediahub.flow.FlowDefinition;
import java.util.List;

/** The Emby/Jellyfin flows. */
public final class EmbyFlows {
    public static final FlowDefinition SYNC_LIBRARY = new FlowDefinition("emby-sync-library",
            "Emby/Jellyfin users, libraries and items into library_items, item_genres, item_tags, item_studios, item_provider_ids",
            List.of("emby.url", "emby.api-key"), "emby.sync-library-cron");

    public static final List<FlowDefinition> ALL = List.of(SYNC_LIBRARY);

    private EmbyFlows() {
    }
}
