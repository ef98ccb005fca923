package io.mediahub.emby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.JsonHttpClient;
import io.mediahub.common.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talks to an Emby or Jellyfin server. {@link #connect} finds out which one it is from the unauthenticated
 * {@code /System/Info/Public} (Jellyfin names itself in {@code ProductName}; Emby has no such field), tries the
 * {@code /emby} prefix when the bare URL does not answer, and then checks the key with {@code /System/Info}.
 */
public final class EmbyClient {
    static final String URL_VARIABLE = "EMBY_URL";
    static final String KEY_VARIABLE = "EMBY_API_KEY";

    private final JsonHttpClient http;
    private final ServerKind kind;
    private final String serverName;
    private final String version;

    private EmbyClient(JsonHttpClient http, ServerKind kind, String serverName, String version) {
        this.http = http;
        this.kind = kind;
        this.serverName = serverName;
        this.version = version;
    }

    public static EmbyClient connect(String url, String apiKey, HttpSettings settings, ObjectMapper json) {
        String base = JsonHttpClient.stripTrailingSlash(url);
        JsonHttpClient probe = new JsonHttpClient("Emby", base, Map::of, settings, URL_VARIABLE, KEY_VARIABLE, json);
        JsonNode info;
        try {
            info = probe.get("/System/Info/Public", Map.of());
        } catch (ServiceException e) {
            if (e.status() != 404 || base.toLowerCase().endsWith("/emby")) {
                throw e;
            }
            base = base + "/emby";
            probe = new JsonHttpClient("Emby", base, Map::of, settings, URL_VARIABLE, KEY_VARIABLE, json);
            info = probe.get("/System/Info/Public", Map.of());
        }
        String product = LibraryItemMapper.text(info, "ProductName");
        ServerKind kind = product != null && product.toLowerCase().contains("jellyfin") ? ServerKind.JELLYFIN : ServerKind.EMBY;
        Map<String, String> auth = kind.authHeaders(apiKey);
        JsonHttpClient http = new JsonHttpClient(kind.displayName(), base, () -> auth, settings, URL_VARIABLE, KEY_VARIABLE, json);
        http.get("/System/Info", Map.of()); // fails fast, in one line, on a wrong key
        return new EmbyClient(http, kind, LibraryItemMapper.text(info, "ServerName"), LibraryItemMapper.text(info, "Version"));
    }

    public ServerKind kind() {
        return kind;
    }

    public String describe() {
        return kind.displayName() + " " + (version == null ? "" : version + " ") + "'" + (serverName == null ? "?" : serverName) + "' at " + http.baseUrl();
    }

    /** Every user, hidden ones included (Emby lists those only when asked with {@code IsHidden=true}). */
    public List<EmbyUser> users() {
        Map<String, EmbyUser> users = new LinkedHashMap<>();
        if (kind == ServerKind.JELLYFIN) {
            for (JsonNode u : arrayOrItems(http.get("/Users", Map.of()))) {
                addUser(users, u, false);
            }
        } else {
            for (JsonNode u : arrayOrItems(http.get("/Users/Query", Map.of()))) {
                addUser(users, u, false);
            }
            for (JsonNode u : arrayOrItems(http.get("/Users/Query", Map.of("IsHidden", "true")))) {
                addUser(users, u, true);
            }
        }
        return new ArrayList<>(users.values());
    }

    private static void addUser(Map<String, EmbyUser> users, JsonNode u, boolean listedAsHidden) {
        String id = LibraryItemMapper.text(u, "Id");
        if (id == null) {
            return;
        }
        JsonNode policy = u.path("Policy");
        boolean hidden = listedAsHidden || policy.path("IsHidden").asBoolean(false);
        String name = LibraryItemMapper.text(u, "Name");
        EmbyUser user = new EmbyUser(id, name == null ? id : name, hidden, policy.path("IsDisabled").asBoolean(false),
                policy.path("IsAdministrator").asBoolean(false));
        users.merge(id, user, (a, b) -> a.hidden() ? a : b);
    }

    /** The libraries ({@code /Library/MediaFolders}, which both products serve). */
    public List<EmbyLibrary> libraries() {
        List<EmbyLibrary> out = new ArrayList<>();
        for (JsonNode f : arrayOrItems(http.get("/Library/MediaFolders", Map.of()))) {
            String id = LibraryItemMapper.text(f, "Id");
            if (id != null) {
                String name = LibraryItemMapper.text(f, "Name");
                out.add(new EmbyLibrary(id, name == null ? id : name, LibraryItemMapper.text(f, "CollectionType")));
            }
        }
        return out;
    }

    /** One page of items. */
    public JsonNode itemsPage(String parentId, List<String> itemTypes, int start, int limit) {
        Map<String, Object> q = new LinkedHashMap<>();
        boolean jf = kind == ServerKind.JELLYFIN;
        q.put(jf ? "recursive" : "Recursive", "true");
        q.put(jf ? "includeItemTypes" : "IncludeItemTypes", String.join(",", itemTypes));
        q.put(jf ? "fields" : "Fields", jf
                ? "Genres,Tags,Studios,ProviderIds,Path,Overview,DateCreated,MediaStreams,Width,Height,ParentId"
                : "Genres,GenreItems,Tags,TagItems,Studios,ProviderIds,Path,Overview,DateCreated,PremiereDate,ProductionYear,"
                        + "RunTimeTicks,Container,MediaStreams,Width,Height,ParentId,CommunityRating,OfficialRating,SeriesId,SeriesName,"
                        + "SeasonId,IndexNumber,ParentIndexNumber");
        q.put(jf ? "sortBy" : "SortBy", "SortName");
        q.put(jf ? "sortOrder" : "SortOrder", "Ascending");
        q.put(jf ? "enableTotalRecordCount" : "EnableTotalRecordCount", "true");
        q.put(jf ? "enableUserData" : "EnableUserData", "false");
        q.put(jf ? "enableImages" : "EnableImages", "false");
        if (parentId != null) {
            q.put(jf ? "parentId" : "ParentId", parentId);
        }
        q.put(jf ? "startIndex" : "StartIndex", start);
        q.put(jf ? "limit" : "Limit", limit);
        return http.get("/Items", q);
    }

    /** A series' genre names, for episodes that have none of their own. */
    public List<String> seriesGenres(String seriesId) {
        boolean jf = kind == ServerKind.JELLYFIN;
        JsonNode page = http.get("/Items", Map.of(jf ? "ids" : "Ids", seriesId, jf ? "fields" : "Fields", jf ? "Genres" : "Genres,GenreItems"));
        for (JsonNode item : arrayOrItems(page)) {
            return LibraryItemMapper.genres(item);
        }
        return List.of();
    }

    private static Iterable<JsonNode> arrayOrItems(JsonNode n) {
        if (n.isArray()) {
            return n;
        }
        JsonNode items = n.get("Items");
        return items != null && items.isArray() ? items : List.of();
    }

    /** Asks the server to scan all its libraries ({@code POST /Library/Refresh}; needs an administrator's key). */
    public void refreshLibrary() {
        http.postForNoContent("/Library/Refresh", null);
    }

    /**
     * Tells the server these files (paths as the server sees them) were created, so it scans just their folders
     * ({@code POST /Library/Media/Updated}, the same body on Emby and Jellyfin).
     */
    public void reportCreated(List<String> serverPaths) {
        List<Map<String, String>> updates = serverPaths.stream().map(p -> Map.of("Path", p, "UpdateType", "Created")).toList();
        http.postForNoContent("/Library/Media/Updated", Map.of("Updates", updates));
    }

    public record EmbyUser(String id, String name, boolean hidden, boolean disabled, boolean administrator) {
    }

    public record EmbyLibrary(String id, String name, String collectionType) {
    }
}
