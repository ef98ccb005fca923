package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MusicBrainz's and AcoustID's JSON read into {@link ReleaseChooser.Candidate}s and {@link MusicIdentity}s (pure
 * functions, no I/O). The shapes are those of WS/2 ({@code recording}, {@code release}, the release search) and of
 * AcoustID's {@code /v2/lookup} with {@code meta=recordings releasegroups releases tracks}.
 */
public final class MusicBrainzMapper {
    private MusicBrainzMapper() {
    }

    /** The releases of a WS/2 recording lookup ({@code inc=releases release-groups media}). */
    public static List<ReleaseChooser.Candidate> fromRecording(JsonNode recording) {
        List<ReleaseChooser.Candidate> out = new ArrayList<>();
        for (JsonNode r : recording.path("releases")) {
            JsonNode medium = r.path("media").path(0);
            for (JsonNode m : r.path("media")) {
                if (m.path("tracks").size() > 0) {
                    medium = m; // the medium that holds the recording: the lookup lists its track
                    break;
                }
            }
            JsonNode track = medium.path("tracks").path(0);
            JsonNode rg = r.path("release-group");
            out.add(new ReleaseChooser.Candidate(text(r, "id"), text(r, "title"), artistCredit(r.path("artist-credit")), text(rg, "id"),
                    text(rg, "primary-type"), strings(rg.path("secondary-types")), integer(medium, "track-count"), integer(track, "position"),
                    integer(medium, "position"), r.path("media").size() == 0 ? null : r.path("media").size(), length(track), text(r, "date")));
        }
        return out;
    }

    /** The releases of a WS/2 release search; {@code disc} picks the medium whose track count is compared (else the first). */
    public static List<ReleaseChooser.Candidate> fromSearch(JsonNode answer, Integer disc) {
        List<ReleaseChooser.Candidate> out = new ArrayList<>();
        for (JsonNode r : answer.path("releases")) {
            JsonNode media = r.path("media");
            JsonNode medium = disc != null && disc >= 1 && disc <= media.size() ? media.get(disc - 1) : media.path(0);
            JsonNode rg = r.path("release-group");
            out.add(new ReleaseChooser.Candidate(text(r, "id"), text(r, "title"), artistCredit(r.path("artist-credit")), text(rg, "id"),
                    text(rg, "primary-type"), strings(rg.path("secondary-types")), integer(medium, "track-count"), null,
                    disc, media.size() == 0 ? null : media.size(), null, text(r, "date")));
        }
        return out;
    }

    /** The releases AcoustID lists for one of its recordings (release groups carry the types). */
    public static List<ReleaseChooser.Candidate> fromAcoustId(JsonNode recording) {
        List<ReleaseChooser.Candidate> out = new ArrayList<>();
        for (JsonNode rg : recording.path("releasegroups")) {
            for (JsonNode r : rg.path("releases")) {
                JsonNode medium = r.path("mediums").path(0);
                JsonNode track = medium.path("tracks").path(0);
                out.add(new ReleaseChooser.Candidate(text(r, "id"), r.hasNonNull("title") ? text(r, "title") : text(rg, "title"),
                        acoustIdArtists(rg.path("artists")), text(rg, "id"), text(rg, "type"), strings(rg.path("secondarytypes")),
                        integer(medium, "track_count"), integer(track, "position"), integer(medium, "position"), integer(r, "medium_count"),
                        null, acoustIdDate(r.path("date"))));
            }
        }
        return out;
    }

    /** What a file is, from a WS/2 release lookup and the recording it holds; null when the release does not hold it. */
    public static MusicIdentity onRelease(JsonNode release, String recordingId) {
        JsonNode media = release.path("media");
        for (JsonNode medium : media) {
            for (JsonNode t : medium.path("tracks")) {
                if (recordingId.equals(t.path("recording").path("id").asText())) {
                    return identity(release, medium, t);
                }
            }
        }
        return null;
    }

    /**
     * The track of a release a file is, found by its position ({@code disc}, else the first medium) or else by its
     * title (case, accents and punctuation aside); null when neither finds one.
     */
    public static MusicIdentity trackOf(JsonNode release, Integer disc, Integer position, String title) {
        JsonNode media = release.path("media");
        if (position != null) {
            JsonNode medium = firstMedium(media, disc);
            for (JsonNode t : medium.path("tracks")) {
                if (position.equals(integer(t, "position"))) {
                    return identity(release, medium, t);
                }
            }
        }
        if (title != null && !normalised(title).isEmpty()) {
            for (JsonNode medium : media) {
                for (JsonNode t : medium.path("tracks")) {
                    if (normalised(title).equals(normalised(text(t, "title")))) {
                        return identity(release, medium, t);
                    }
                }
            }
        }
        return null;
    }

    /** What a file is from AcoustID alone: its recording and one of the releases AcoustID lists for it. */
    public static MusicIdentity fromAcoustId(JsonNode recording, ReleaseChooser.Candidate release) {
        String artist = acoustIdArtists(recording.path("artists"));
        return new MusicIdentity("acoustid", text(recording, "title"), artist, text(recording.path("artists").path(0), "id"),
                release == null ? null : release.title(), release == null ? null : release.albumArtist(), null,
                release == null ? null : release.date(), release == null ? null : release.trackPosition(),
                release == null ? null : release.trackCount(), release == null ? null : release.discPosition(),
                release == null ? null : release.discCount(),
                recording.hasNonNull("duration") ? Math.round(recording.get("duration").asDouble() * 1000) : null, text(recording, "id"),
                release == null ? null : release.releaseId(), release == null ? null : release.releaseGroupId(), null, null, null);
    }

    private static MusicIdentity identity(JsonNode release, JsonNode medium, JsonNode t) {
        JsonNode rec = t.path("recording");
        JsonNode trackCredit = t.path("artist-credit").size() > 0 ? t.path("artist-credit")
                : rec.path("artist-credit").size() > 0 ? rec.path("artist-credit") : release.path("artist-credit");
        JsonNode rg = release.path("release-group");
        String date = text(release, "date") != null ? text(release, "date") : text(rg, "first-release-date");
        JsonNode caa = release.path("cover-art-archive");
        return new MusicIdentity("acoustid", text(t, "title") != null ? text(t, "title") : text(rec, "title"), artistCredit(trackCredit),
                text(trackCredit.path(0).path("artist"), "id"), text(release, "title"), artistCredit(release.path("artist-credit")),
                text(release.path("artist-credit").path(0).path("artist"), "id"), date, integer(t, "position"),
                integer(medium, "track-count") != null ? integer(medium, "track-count") : medium.path("tracks").size(), integer(medium, "position"),
                release.path("media").size(), length(t) != null ? length(t) : length(rec), text(rec, "id"), text(release, "id"), text(rg, "id"),
                text(t, "id"), null, caa.hasNonNull("front") ? caa.get("front").asBoolean() : null);
    }

    /** An artist credit as MusicBrainz prints it: each name followed by its join phrase ("A feat. B"). */
    public static String artistCredit(JsonNode credits) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : credits) {
            String name = c.hasNonNull("name") ? c.get("name").asText() : c.path("artist").path("name").asText("");
            sb.append(name).append(c.path("joinphrase").asText(""));
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String acoustIdArtists(JsonNode artists) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < artists.size(); i++) {
            JsonNode a = artists.get(i);
            sb.append(a.path("name").asText(""));
            sb.append(a.hasNonNull("joinphrase") ? a.get("joinphrase").asText() : i < artists.size() - 1 ? ", " : "");
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** {@code {"year":1973,"month":3,"day":24}} → {@code 1973-03-24} (as much as is known). */
    static String acoustIdDate(JsonNode d) {
        if (!d.hasNonNull("year")) {
            return null;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%04d", d.get("year").asInt()));
        if (d.hasNonNull("month")) {
            sb.append(String.format(Locale.ROOT, "-%02d", d.get("month").asInt()));
            if (d.hasNonNull("day")) {
                sb.append(String.format(Locale.ROOT, "-%02d", d.get("day").asInt()));
            }
        }
        return sb.toString();
    }

    private static JsonNode firstMedium(JsonNode media, Integer disc) {
        if (disc != null) {
            for (JsonNode m : media) {
                if (disc.equals(integer(m, "position"))) {
                    return m;
                }
            }
        }
        return media.path(0);
    }

    static String normalised(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return t.replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Long length(JsonNode n) {
        return n.hasNonNull("length") && n.get("length").asLong() > 0 ? n.get("length").asLong() : null;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.path(f);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Integer integer(JsonNode n, String f) {
        JsonNode v = n.path(f);
        return v.canConvertToInt() && !v.isNull() && !v.isMissingNode() && v.isNumber() ? v.asInt() : null;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }
}
