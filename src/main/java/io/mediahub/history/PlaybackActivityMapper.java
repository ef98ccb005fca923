package io.mediahub.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.flow.FlowFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Playback Reporting plugin's answers ({@code POST /user_usage_stats/submit_custom_query}, a SQL over its SQLite
 * {@code PlaybackActivity} table; the answer's key really is spelled {@code colums} and every cell is a string), and the
 * server's user list, as the history flow reads them. Pure: no I/O, no Camel.
 */
public final class PlaybackActivityMapper {
    static final String QUERY_PATH = "/user_usage_stats/submit_custom_query";
    private static final String COLUMNS = "ROWID, DateCreated, UserId, ItemId, ItemType, ItemName, PlaybackMethod, ClientName, DeviceName, PlayDuration";

    /** One PlaybackActivity row, every cell as the plugin sent it (strings). */
    public record ActivityRow(String rowId, String dateCreated, String userId, String itemId, String itemType, String itemName,
                              String playMethod, String clientName, String deviceName, String playDuration) {
    }

    /** The body of the query for the rows with ROWID above {@code afterRowId}, in ROWID order, at most {@code limit}. */
    public static Map<String, Object> query(long afterRowId, int limit) {
        // Both numbers are longs of ours, not user text: the plugin's endpoint takes SQL and nothing else.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CustomQueryString", "SELECT " + COLUMNS + " FROM PlaybackActivity WHERE ROWID > " + afterRowId + " ORDER BY ROWID LIMIT " + limit);
        body.put("ReplaceUserId", false);
        return body;
    }

    /**
     * The rows of one answer. {@code where} names the server ({@code Emby at http://…}) for the one-line failures: the
     * plugin refused the query (an HTML {@code message} with status 200), or a column is missing.
     */
    public static List<ActivityRow> rows(JsonNode answer, String where) {
        String message = answer.path("message").asText("");
        if (!message.isEmpty()) {
            throw new FlowFailedException("the Playback Reporting plugin on " + where + " refused the history query: "
                    + message.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim(), null);
        }
        JsonNode cols = answer.path("colums");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            index.put(cols.get(i).asText().toLowerCase(Locale.ROOT), i);
        }
        for (String c : List.of("rowid", "datecreated", "userid", "itemid", "playduration")) {
            if (!index.containsKey(c)) {
                throw new FlowFailedException("the Playback Reporting answer from " + where + " has no column " + c + " (columns "
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

    /**
     * User id → name, hidden users included: {@code listed} is Jellyfin's {@code /Users} or Emby's {@code /Users/Query},
     * {@code hidden} Emby's {@code /Users/Query?IsHidden=true} (null on Jellyfin). Ids are normalised.
     */
    public static Map<String, String> userNames(JsonNode listed, JsonNode hidden) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode list : new JsonNode[] {listed, hidden}) {
            if (list == null) {
                continue;
            }
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
}
