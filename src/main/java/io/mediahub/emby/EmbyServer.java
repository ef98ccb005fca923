package io.mediahub.emby;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The Emby or Jellyfin server the calls of one run go to, as {@code emby-connect-server} found it: which product
 * ({@code kind}, null until {@code /System/Info/Public} has answered: such calls go out unauthenticated, in Emby's
 * name), the configured URL ({@code EMBY_URL} without its trailing slashes) and the path prefix the server answers
 * under ({@code ""}, or {@code /emby} when the bare URL answered 404). Held in the exchange variable
 * {@value #VARIABLE}; {@link EmbyApi} reads it on every call.
 */
public record EmbyServer(ServerKind kind, String configuredUrl, String prefix, String serverName, String version) {
    public static final String VARIABLE = "embyServer";
    static final String EMBY_PREFIX = "/emby";

    /** The server before anything is known of it: the configured URL as it is, unauthenticated. */
    public static EmbyServer probe(String configuredUrl) {
        return new EmbyServer(null, io.mediahub.common.Urls.stripTrailingSlash(configuredUrl), "", null, null);
    }

    /** The same server tried under {@code /emby} (where Emby answers when the bare URL does not). */
    public EmbyServer underEmby() {
        return new EmbyServer(kind, configuredUrl, EMBY_PREFIX, serverName, version);
    }

    /** Whether a 404 of the bare URL is worth a second try under {@code /emby}. */
    public boolean canTryEmbyPrefix() {
        return prefix.isEmpty() && !configuredUrl.toLowerCase(Locale.ROOT).endsWith(EMBY_PREFIX);
    }

    /** What {@code /System/Info/Public} tells: Jellyfin names itself in {@code ProductName}; Emby has no such field. */
    public EmbyServer identified(JsonNode publicInfo) {
        String product = LibraryItemMapper.text(publicInfo, "ProductName");
        ServerKind k = product != null && product.toLowerCase(Locale.ROOT).contains("jellyfin") ? ServerKind.JELLYFIN : ServerKind.EMBY;
        return new EmbyServer(k, configuredUrl, prefix, LibraryItemMapper.text(publicInfo, "ServerName"),
                LibraryItemMapper.text(publicInfo, "Version"));
    }

    /** The base every path is appended to: the configured URL and the prefix. */
    public String baseUrl() {
        return configuredUrl + prefix;
    }

    public boolean jellyfin() {
        return kind == ServerKind.JELLYFIN;
    }

    /** The name users know, for messages: Emby until the server said it is Jellyfin. */
    public String service() {
        return kind == null ? ServerKind.EMBY.displayName() : kind.displayName();
    }

    /** {@code Jellyfin at http://…} */
    public String where() {
        return service() + " at " + baseUrl();
    }

    /** {@code Emby 4.8.11.0 'living-room' at http://…/emby} */
    public String describe() {
        return service() + " " + (version == null ? "" : version + " ") + "'" + (serverName == null ? "?" : serverName) + "' at " + baseUrl();
    }
}
