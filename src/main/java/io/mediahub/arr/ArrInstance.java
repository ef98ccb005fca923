package io.mediahub.arr;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Radarr or Sonarr server: the default one ({@code RADARR_URL}, name {@code ""}) or a named one
 * ({@code RADARR_4K_URL}, name {@code 4k}). Each is exported, stored and compared with its own previous run only.
 *
 * @param name lower case, {@code [a-z0-9-]}; empty for the default instance
 */
public record ArrInstance(ArrService service, String name) {

    public ArrInstance {
        if (!name.matches("|[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("An instance name is letters, digits and dashes, not '" + name + "'");
        }
    }

    /** The default instance of the service. */
    public static ArrInstance of(ArrService service) {
        return new ArrInstance(service, "");
    }

    public boolean isDefault() {
        return name.isEmpty();
    }

    /** {@code radarr} or {@code radarr-4k}: what {@code --service} takes, the first words of the flow id and of the CSV's name. */
    public String id() {
        return isDefault() ? service.id() : service.id() + "-" + name;
    }

    /** {@code Radarr} or {@code Radarr 4k}. */
    public String displayName() {
        return isDefault() ? service.displayName() : service.displayName() + " " + name;
    }

    public String flowId() {
        return id() + "-export-scores";
    }

    public String urlKey() {
        return isDefault() ? service.urlKey() : service.id() + "." + name + ".url";
    }

    public String apiKeyKey() {
        return isDefault() ? service.apiKeyKey() : service.id() + "." + name + ".api-key";
    }

    /** {@code RADARR_URL} or {@code RADARR_4K_URL}. */
    public String urlVariable() {
        return Settings.envName(urlKey());
    }

    public String apiKeyVariable() {
        return Settings.envName(apiKeyKey());
    }

    /** The flow; a named instance follows its service's schedule ({@code RADARR_EXPORT_SCORES_CRON}). */
    public FlowDefinition flow() {
        if (isDefault()) {
            return service == ArrService.RADARR ? ArrFlows.RADARR : ArrFlows.SONARR;
        }
        String what = service == ArrService.RADARR ? "movie files" : "episode files";
        return new FlowDefinition(flowId(), displayName() + " (" + urlVariable() + ") " + what
                + " with quality, custom formats and scores into arr_runs, arr_files, arr_score_changes; dashboard refreshed",
                List.of(urlKey(), apiKeyKey()), ArrFlows.of(service).cronSetting());
    }

    /** Every instance: each service's default one, then its named ones ({@code RADARR_<NAME>_URL}) in name order. */
    public static List<ArrInstance> all(Settings settings) {
        List<ArrInstance> out = new ArrayList<>();
        for (ArrService s : ArrService.values()) {
            out.add(of(s));
            settings.instanceNames(s.id()).forEach(n -> out.add(new ArrInstance(s, n)));
        }
        return out;
    }

    /** The instance {@code id} names ({@code radarr}, {@code sonarr}, {@code radarr-4k}), among those configured. */
    public static ArrInstance of(String id, Settings settings) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        List<ArrInstance> all = all(settings);
        return all.stream().filter(i -> i.id().equals(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "Unknown service '" + id + "': " + String.join(", ", all.stream().map(ArrInstance::id).toList())
                        + " (a named instance needs RADARR_<NAME>_URL or SONARR_<NAME>_URL)"));
    }
}
