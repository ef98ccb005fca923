package io.mediahub.arr;

import io.mediahub.flow.FlowDefinition;
import java.util.List;

/** The Radarr and Sonarr flows: one route template, two instances. */
public final class ArrFlows {
    public static final FlowDefinition RADARR = new FlowDefinition("radarr-export-scores",
            "Radarr movie files with quality, custom formats and scores into arr_runs, arr_files, arr_score_changes; dashboard refreshed",
            List.of("radarr.url", "radarr.api-key"), "radarr.export-scores-cron");
    public static final FlowDefinition SONARR = new FlowDefinition("sonarr-export-scores",
            "Sonarr episode files with quality, custom formats and scores into arr_runs, arr_files, arr_score_changes; dashboard refreshed",
            List.of("sonarr.url", "sonarr.api-key"), "sonarr.export-scores-cron");

    public static final List<FlowDefinition> ALL = List.of(RADARR, SONARR);

    private ArrFlows() {
    }

    public static FlowDefinition of(ArrService s) {
        return s == ArrService.RADARR ? RADARR : SONARR;
    }
}
