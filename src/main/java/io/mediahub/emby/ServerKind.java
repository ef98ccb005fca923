package io.mediahub.emby;

import java.util.Map;

/** Emby or Jellyfin: they share an API family but not their authentication or every parameter spelling. */
public enum ServerKind {
    EMBY("Emby"),
    JELLYFIN("Jellyfin");

    private final String displayName;

    ServerKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Emby takes {@code X-Emby-Token}; Jellyfin 10.8+ wants {@code Authorization: MediaBrowser Token="…"} (12.0 rejects the legacy headers). */
    public Map<String, String> authHeaders(String apiKey) {
        return switch (this) {
            case EMBY -> Map.of("X-Emby-Token", apiKey);
            case JELLYFIN -> Map.of("Authorization", "MediaBrowser Client=\"Mediahub\", Token=\"" + apiKey.replace("\"", "") + "\"");
        };
    }
}
