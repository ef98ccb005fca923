package io.mediahub.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.JsonHttpClient;
import io.mediahub.common.ServiceException;
import io.mediahub.flow.FlowFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Playback Reporting plugin of an Emby or Jellyfin server ({@code POST /user_usage_stats/submit_custom_query}, a SQL
 * over its SQLite {@code PlaybackActivity} table; the answer's key really is spelled {@code colums} and every cell is a
 * string), plus the server's user list. Finds out which product it talks to as the library sync does: Jellyfin names
 * itself in {@code /System/Info/Public}, Emby answers under {@code /emby}.
 */
public final class PlaybackReportingClient {
    static final String QUERY_PATH = "/user_usage_stats/submit_custom_query";
    private static final String COLUMNS = "ROWID, DateCreated, UserId, ItemId, ItemType, ItemName, PlaybackMethod, ClientName, DeviceName, PlayDuration";

    private final JsonHttpClient http;
    private final boolean jellyfin;

    private PlaybackReportingClient(JsonHttpClient http, boolean jellyfin) {
        this.http = http;
        this.jellyfin = jellyfin;
    }

    public static PlaybackReportingClient connect(String url, String apiKey, HttpSettings settings, ObjectMapper json) {
        String base = JsonHttpClient.stripTrailingSlash(url);
        JsonHttpClient probe = new JsonHttpClient("Emby", base, Map::of, settings, "EMBY_URL", "EMBY_API_KEY", json);
        JsonNode info;
        try {
            info = probe.get("/System/Info/Public", Map.of());
        } catch (ServiceException e) {
            if (e.status() != 404 || base.toLowerCase(Locale.ROOT).endsWith("/emby")) {
                throw e;
            }
            base = base + "/emby";
            probe = new JsonHttpClient("Emby", base, Map::of, settings, "EMBY_URL", "EMBY_API_KEY", json);
            info = probe.get("/System/Info/Public", Map.of());
        }
        boolean jellyfin = info.path("ProductName").asText("").toLowerCase(Locale.ROOT).contains("jellyfin");
        Map<String, String> auth = jellyfin
                ? Map.of("Authorization", "MediaBrowser Client=\"Mediahub\", Token=\"" + apiKey.replace("\"", "") + "\"")
                : Map.of("X-Emby-Token", apiKey);
        JsonHttpClient http = new JsonHttpClient(jellyfin ? "Jellyfin" : "Emby", base, () -> auth, settings, "EMBY_URL", "EMBY_API_KEY", json);
        http.get("/System/Info", Map.of()); // a wrong key fails here, in one line
        return new PlaybackReportingClient(http, jellyfin);
    }

    public String describe() {
        return (jellyfin ? "Jellyfin" : "Emby") + " at " + http.baseUrl();
    }

    /** User id → name, hidden users included. */
    public Map<String, String> userNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List<JsonNode> lists = jellyfin ? List.of(http.get("/Users", Map.of()))
                : List.of(http.get("/Users/Query", Map.of()), http.get("/Users/Query", Map.of("IsHidden", "true")));
        for (JsonNode list : lists) {
            JsonNode items = list.isArray() ? list : list.path("Items");
            for (JsonNode u : items) {
                String id = u.path("Id").asText(null);
                if (id != null) {
                    names.put(normaliseId(id), u.path("Name").asText(id));
                }
            }
        }
        return names;
    }

    /** Ids compared without dashes and case: the plugin stores 32-hex user ids, the API may send dashed GUIDs. */
    static String normaliseId(String id) {
        return id.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** One PlaybackActivity row, every cell as the plugin sent it (strings). */
    public record ActivityRow(String rowId, String dateCreated, String userId, String itemId, String itemType, String itemName,
                              String playMethod, String clientName, String deviceName, String playDuration) {
    }

    /** The rows with ROWID above {@code afterRowId}, in ROWID order, at most {@code limit}. */
    public List<ActivityRow> page(long afterRowId, int limit) {
        // Both numbers are longs of ours, not user text: the plugin's endpoint takes SQL and nothing else.
        String sql = "SELECT " + COLUMNS + " FROM PlaybackActivity WHERE ROWID > " + afterRowId + " ORDER BY ROWID LIMIT " + limit;
        JsonNode answer;
        try {
            answer = http.post(QUERY_PATH, Map.of("CustomQueryString", sql, "ReplaceUserId", false));
        } catch (ServiceException e) {
            if (e.status() == 404) {
                throw new FlowFailedException("the Playback Reporting plugin is not installed on " + describe() + " (" + QUERY_PATH
                        + " answered 404); install it from the server's plugin catalogue, then run emby-sync-history again", null);
            }
            throw e;
        }
        String message = answer.path("message").asText("");
        if (!message.isEmpty()) {
            throw new FlowFailedException("the Playback Reporting plugin on " + describe() + " refused the history query: "
                    + message.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim(), null);
        }
        JsonNode cols = answer.path("colums");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            index.put(cols.get(i).asText().toLowerCase(Locale.ROOT), i);
        }
        for (String c : List.of("rowid", "datecreated", "userid", "itemid", "playduration")) {
            if (!index.containsKey(c)) {
                throw new FlowFailedException("the Playback Reporting answer from " + describe() + " has no column " + c + " (columns "
                        + index.keySet() + ")", null);
            }
        }
        List<ActivityRow> rows = new ArrayList<>();
        for (JsonNode r : answer.path("results")) {
            rows.add(new ActivityRow(cell(r, index, "rowid"), cell(r, index, "datecreated"), cell(r, index, "userid"), cell(r, index, "itemid"),
                    cell(r, index, "itemtype"), cell(r, index, "itemname"), cell(r, index, "playbackmethod"), cell(r, index, "clientname"),
                    cell(r, index, "devicename"), cell(r, index, "playduration")));
        }
        return rows;
    }

    private static String cell(JsonNode row, Map<String, Integer> index, String col) {
        Integer i = index.get(col);
        if (i == null || i >= row.size() || row.get(i).isNull()) {
            return null;
        }
        return row.get(i).asText();
    }
}
