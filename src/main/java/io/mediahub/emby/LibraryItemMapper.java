package io.mediahub.emby;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one {@code BaseItemDto} (Emby or Jellyfin) into a {@link LibraryItem}. Pure: no I/O, no Camel.
 *
 * <ul>
 *   <li>runtime: {@code RunTimeTicks} / 10,000,000, rounded; NULL when missing or not positive (never 0);</li>
 *   <li>codec and resolution: the item's own {@code Width}/{@code Height}, else its first video stream (top-level
 *   {@code MediaStreams}, else the first media source's);</li>
 *   <li>genres: names from {@code GenreItems} then {@code Genres}, de-duplicated case-insensitively; tags from
 *   {@code TagItems} then {@code Tags}; studios from {@code Studios};</li>
 *   <li>provider ids: every non-empty {@code ProviderIds} entry, names normalised, de-duplicated case-insensitively.</li>
 * </ul>
 */
public final class LibraryItemMapper {
    static final long TICKS_PER_SECOND = 10_000_000L;

    LibraryItemMapper() {
    }

    /** One page's items mapped, and why each item that could not be was skipped. */
    public record Page(List<LibraryItem> items, List<String> skipped) {
    }

    /** Every item of one {@code /Items} page, in the server's order; an item without an id or a type is skipped. */
    public Page page(JsonNode items) {
        List<LibraryItem> out = new ArrayList<>(items.size());
        List<String> skipped = new ArrayList<>(0);
        for (JsonNode n : items) {
            StringBuilder why = new StringBuilder();
            map(n, why).ifPresentOrElse(out::add, () -> skipped.add(why.toString()));
        }
        return new Page(out, skipped);
    }

    /** The item, or empty with {@code why} filled when it lacks what every item must have (an id and a type). */
    public static Optional<LibraryItem> map(JsonNode n, StringBuilder why) {
        String id = text(n, "Id");
        String type = text(n, "Type");
        if (id == null || type == null) {
            why.append("an item without ").append(id == null ? "Id" : "Type")
                    .append(id != null ? " (Id " + id + ")" : n.hasNonNull("Name") ? " (Name " + n.get("Name").asText() + ")" : "");
            return Optional.empty();
        }
        Long ticks = positiveLong(n, "RunTimeTicks");
        Long seconds = ticks == null ? null : Math.round(ticks / (double) TICKS_PER_SECOND);
        if (seconds != null && seconds <= 0) {
            seconds = null;
        }
        JsonNode video = firstVideoStream(n);
        Integer width = positiveInt(n, "Width");
        Integer height = positiveInt(n, "Height");
        if (width == null && video != null) {
            width = positiveInt(video, "Width");
        }
        if (height == null && video != null) {
            height = positiveInt(video, "Height");
        }
        String codec = video == null ? null : text(video, "Codec");
        Double rating = n.hasNonNull("CommunityRating") && n.get("CommunityRating").isNumber() ? n.get("CommunityRating").asDouble() : null;
        return Optional.of(new LibraryItem(id, text(n, "Name"), type, ticks, seconds, positiveInt(n, "ProductionYear"),
                text(n, "PremiereDate"), text(n, "SeriesId"), text(n, "SeriesName"), text(n, "SeasonId"),
                intOrNull(n, "ParentIndexNumber"), intOrNull(n, "IndexNumber"), text(n, "Path"), text(n, "Container"), codec, width, height,
                rating, text(n, "OfficialRating"), text(n, "Overview"), text(n, "DateCreated"), text(n, "ParentId"),
                genres(n), names(n, "TagItems", "Tags"), names(n, "Studios", null), providerIds(n)));
    }

    /** Genre names of an item (also used for a series' metadata in the episode fallback). */
    public static List<String> genres(JsonNode n) {
        return names(n, "GenreItems", "Genres");
    }

    private static List<String> names(JsonNode n, String itemsField, String namesField) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        JsonNode items = n.get(itemsField);
        if (items != null && items.isArray()) {
            for (JsonNode i : items) {
                String name = i.isTextual() ? i.asText() : text(i, "Name");
                add(name, seen, out);
            }
        }
        JsonNode names = namesField == null ? null : n.get(namesField);
        if (names != null && names.isArray()) {
            for (JsonNode i : names) {
                add(i.isTextual() ? i.asText() : null, seen, out);
            }
        }
        return out;
    }

    private static void add(String name, Set<String> seen, List<String> out) {
        if (name == null) {
            return;
        }
        String t = name.strip();
        if (!t.isEmpty() && seen.add(t.toLowerCase(Locale.ROOT))) {
            out.add(t);
        }
    }

    private static Map<String, String> providerIds(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        JsonNode p = n.get("ProviderIds");
        if (p != null && p.isObject()) {
            p.fields().forEachRemaining(e -> {
                String v = e.getValue().isValueNode() ? e.getValue().asText().strip() : "";
                String key = ProviderNames.normalise(e.getKey());
                if (!v.isEmpty() && !key.isEmpty() && seen.add(key.toLowerCase(Locale.ROOT))) {
                    out.put(key, v);
                }
            });
        }
        return out;
    }

    private static JsonNode firstVideoStream(JsonNode n) {
        JsonNode v = firstVideo(n.get("MediaStreams"));
        if (v == null && n.has("MediaSources") && n.get("MediaSources").isArray() && !n.get("MediaSources").isEmpty()) {
            v = firstVideo(n.get("MediaSources").get(0).get("MediaStreams"));
        }
        return v;
    }

    private static JsonNode firstVideo(JsonNode streams) {
        if (streams == null || !streams.isArray()) {
            return null;
        }
        for (JsonNode s : streams) {
            if ("Video".equalsIgnoreCase(text(s, "Type"))) {
                return s;
            }
        }
        return null;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static Integer intOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.canConvertToInt() && v.isNumber() ? v.asInt() : null;
    }

    private static Integer positiveInt(JsonNode n, String field) {
        Integer v = intOrNull(n, field);
        return v != null && v > 0 ? v : null;
    }

    private static Long positiveLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() && v.asLong() > 0 ? v.asLong() : null;
    }
}
