package io.mediahub.intake.download;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of yt-dlp's {@code --flat-playlist --dump-single-json} answer, one per job; pure. An entry with its own
 * http(s) URL (a YouTube video of a playlist) is downloaded from that URL; one without (the videos embedded in a web
 * page) as item N of the playlist's URL. A single video (no {@code entries}) is one entry: the URL itself.
 */
public final class PlaylistEntries {
    /** One download: its URL, the playlist item to take from it (or null) and its title as listed. */
    public record Entry(String url, Integer playlistItem, String title) {
    }

    private PlaylistEntries() {
    }

    public static List<Entry> of(String playlistUrl, JsonNode doc) {
        List<Entry> out = new ArrayList<>();
        JsonNode entries = doc.path("entries");
        if (!entries.isArray()) {
            out.add(new Entry(playlistUrl, null, text(doc, "title")));
            return out;
        }
        int index = 0;
        for (JsonNode e : entries) {
            index++;
            if (e == null || e.isNull()) {
                continue;
            }
            int item = e.path("playlist_index").canConvertToInt() && e.path("playlist_index").asInt() > 0 ? e.get("playlist_index").asInt() : index;
            String url = text(e, "url");
            if (url == null || UrlList.problem(url) != null || url.equals(playlistUrl)) {
                url = text(e, "webpage_url");
            }
            if (url != null && UrlList.problem(url) == null && !url.equals(playlistUrl) && !text(e, "formats", url)) {
                out.add(new Entry(url, null, text(e, "title")));
            } else {
                out.add(new Entry(playlistUrl, item, text(e, "title")));
            }
        }
        return out;
    }

    /** Whether {@code url} is one of the entry's format URLs (the media itself, not a page yt-dlp can read again). */
    private static boolean text(JsonNode e, String formats, String url) {
        for (JsonNode f : e.path(formats)) {
            if (url.equals(text(f, "url"))) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText().trim() : null;
    }
}
