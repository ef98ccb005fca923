package io.mediahub.arr;

import java.util.Locale;

/** The two *Arr services whose files Mediahub scores. The shared export differs only in how each lists its files. */
public enum ArrService {
    RADARR("Radarr"),
    SONARR("Sonarr");

    private final String displayName;

    ArrService(String displayName) {
        this.displayName = displayName;
    }

    /** radarr | sonarr: the store's service column, the settings prefix and the first word of the flow id. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    public String flowId() {
        return id() + "-export-scores";
    }

    public String urlKey() {
        return id() + ".url";
    }

    public String apiKeyKey() {
        return id() + ".api-key";
    }

    public String urlVariable() {
        return name() + "_URL";
    }

    public String apiKeyVariable() {
        return name() + "_API_KEY";
    }

    public static ArrService of(String id) {
        for (ArrService s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown service '" + id + "': radarr or sonarr");
    }
}
