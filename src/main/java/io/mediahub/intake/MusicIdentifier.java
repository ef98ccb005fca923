package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.ServiceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Identification of audio, the Media Library app's way: the file's fingerprint (fpcalc) looked up at AcoustID, whose best
 * result scoring at least {@value #MIN_ACOUSTID_SCORE} names a MusicBrainz recording; MusicBrainz lists the releases it
 * is on, {@link ReleaseChooser} ranks them and the first whose track durations agree is the file's release. Without a
 * recording, the release search by the album tag (refused for generic titles). Every step that cannot be taken — no
 * key, no contact, a service down — is a note saying why, and the caller falls back to the tags, then to the name.
 *
 * <p>What was found (fingerprint duration, AcoustID id and score, the release choice with each release's score and
 * why one was rejected) goes into the sidecar's {@code identification}; the AcoustID key never does.
 */
public class MusicIdentifier {
    static final double MIN_ACOUSTID_SCORE = 0.6;
    /** Release lookups (one rate-limited request each) tried per file before giving up on a release. */
    static final int MAX_RELEASE_LOOKUPS = 3;
    /** Releases listed in the sidecar's release choice. */
    static final int LISTED_CHOICES = 20;

    private final Fingerprinter fingerprinter;
    private final AcoustIdClient acoustid;
    private final MusicBrainzClient musicbrainz;

    /**
     * @param acoustid    null when ACOUSTID_API_KEY is not set
     * @param musicbrainz null when MUSICBRAINZ_API_URL is set empty
     */
    public MusicIdentifier(Fingerprinter fingerprinter, AcoustIdClient acoustid, MusicBrainzClient musicbrainz) {
        this.fingerprinter = fingerprinter;
        this.acoustid = acoustid;
        this.musicbrainz = musicbrainz;
    }

    /** The identity (null when nothing was found) and why each step that could not be taken was not. */
    public record Outcome(MusicIdentity identity, List<String> notes) {
    }

    /** AcoustID's pick: its track id and score, and the recording (null when the track links to none). */
    private record Hit(String acoustId, double score, JsonNode recording) {
    }

    /**
     * @param probed       the probe (tags, duration), or null
     * @param folderTracks the number of audio files in the folder the file came in (2 or more), or null
     * @param doc          the sidecar's identification, added to
     */
    public Outcome identify(Path file, MediaProbe.Result probed, Integer folderTracks, Map<String, Object> doc) {
        List<String> notes = new ArrayList<>();
        Map<String, String> tags = probed == null ? Map.of() : probed.tags();
        Integer target = trackTotal(tags);
        if (target != null) {
            doc.put("track_count", ordered("tracks", target, "from", "tags"));
        } else if (folderTracks != null) {
            target = folderTracks;
            doc.put("track_count", ordered("tracks", target, "from", "folder"));
        }
        Double duration = probed == null ? null : probed.durationSeconds();
        Hit hit = null;
        if (acoustid == null) {
            notes.add("ACOUSTID_API_KEY is not set");
        } else {
            try {
                Fingerprinter.Fingerprint fp = fingerprinter.fingerprint(file);
                doc.put("fingerprint", ordered("tool", "fpcalc", "duration_seconds", fp.durationSeconds(), "length", fp.fingerprint().length()));
                duration = duration != null ? duration : fp.durationSeconds();
                hit = best(acoustid.lookup(fp), duration, notes, doc);
            } catch (ToolRunner.ToolException e) {
                notes.add("no fingerprint: " + e.getMessage());
            } catch (ServiceException e) {
                notes.add(e.getMessage());
            }
        }
        if (hit != null && hit.recording() != null) {
            return new Outcome(viaRecording(hit, target, duration, notes, doc).withMethod("acoustid", hit.acoustId()), notes);
        }
        MusicIdentity byName = byAlbumName(tags, target, duration, notes, doc);
        return new Outcome(byName == null ? null : byName.withMethod("musicbrainz-name", hit == null ? null : hit.acoustId()), notes);
    }

    /** The best AcoustID result at or above the score floor, and its recording whose duration is closest to the file's. */
    private Hit best(JsonNode answer, Double duration, List<String> notes, Map<String, Object> doc) {
        List<JsonNode> results = new ArrayList<>();
        answer.path("results").forEach(results::add);
        results.sort(Comparator.comparingDouble((JsonNode r) -> r.path("score").asDouble()).reversed());
        Map<String, Object> found = new LinkedHashMap<>();
        doc.put("acoustid", found);
        found.put("results", results.size());
        if (results.isEmpty()) {
            notes.add("AcoustID knows no track with this fingerprint");
            return null;
        }
        JsonNode top = results.get(0);
        double score = top.path("score").asDouble();
        found.put("id", top.path("id").asText(null));
        found.put("score", score);
        if (score < MIN_ACOUSTID_SCORE) {
            found.put("ignored", "score under " + MIN_ACOUSTID_SCORE);
            notes.add(String.format(Locale.ROOT, "AcoustID's best match (%s) scored %.2f, under %.1f", top.path("id").asText(), score,
                    MIN_ACOUSTID_SCORE));
            return null;
        }
        JsonNode chosen = null;
        for (JsonNode rec : top.path("recordings")) {
            if (rec.hasNonNull("title") && (chosen == null || closer(rec, chosen, duration))) {
                chosen = rec;
            }
        }
        if (chosen == null) {
            notes.add("AcoustID track " + top.path("id").asText() + " is linked to no MusicBrainz recording with metadata");
        } else {
            found.put("recording_id", chosen.path("id").asText());
            found.put("recordings", top.path("recordings").size());
        }
        return new Hit(top.path("id").asText(null), score, chosen);
    }

    private static boolean closer(JsonNode a, JsonNode b, Double duration) {
        if (duration == null || !a.hasNonNull("duration")) {
            return false;
        }
        return !b.hasNonNull("duration") || Math.abs(a.get("duration").asDouble() - duration) < Math.abs(b.get("duration").asDouble() - duration);
    }

    /** The recording's release: MusicBrainz's list when it can be had, else AcoustID's; the first that passes the checks. */
    private MusicIdentity viaRecording(Hit hit, Integer target, Double duration, List<String> notes, Map<String, Object> doc) {
        JsonNode recording = hit.recording();
        String recordingId = recording.path("id").asText();
        List<ReleaseChooser.Candidate> candidates = MusicBrainzMapper.fromAcoustId(recording);
        boolean fromMusicBrainz = false;
        if (musicbrainz == null) {
            notes.add("MUSICBRAINZ_API_URL is empty; AcoustID's own release list was used");
        } else if (MusicBrainzClient.isMbid(recordingId)) {
            try {
                JsonNode mb = musicbrainz.recording(recordingId);
                if (mb == null) {
                    notes.add("MusicBrainz has no recording " + recordingId + "; AcoustID's own release list was used");
                } else {
                    candidates = MusicBrainzMapper.fromRecording(mb);
                    fromMusicBrainz = true;
                }
            } catch (ServiceException e) {
                notes.add(e.getMessage() + "; AcoustID's own release list was used");
            }
        }
        List<ReleaseChooser.Scored> ranked = ReleaseChooser.rank(candidates, target);
        List<Map<String, Object>> choice = ranked.stream().map(MusicIdentifier::describe).toList();
        doc.put("release_choice", ordered("from", fromMusicBrainz ? "musicbrainz" : "acoustid", "releases",
                choice.subList(0, Math.min(LISTED_CHOICES, choice.size()))));
        int lookups = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Map<String, Object> entry = choice.get(i);
            ReleaseChooser.Candidate c = ranked.get(i).candidate();
            if (rejected(entry, duration, c.trackLengthMs())) {
                continue;
            }
            if (!fromMusicBrainz) {
                entry.put("chosen", true);
                return MusicBrainzMapper.fromAcoustId(recording, c);
            }
            if (lookups == MAX_RELEASE_LOOKUPS) {
                break;
            }
            if (!MusicBrainzClient.isMbid(c.releaseId())) {
                entry.put("rejected", "not a MusicBrainz id");
                continue;
            }
            lookups++;
            JsonNode release;
            try {
                release = musicbrainz.release(c.releaseId());
            } catch (ServiceException e) {
                notes.add(e.getMessage() + "; the recording was filed without its release");
                entry.put("rejected", "MusicBrainz could not be asked for it");
                return MusicBrainzMapper.fromAcoustId(recording, null);
            }
            MusicIdentity on = release == null ? null : MusicBrainzMapper.onRelease(release, recordingId);
            if (on == null) {
                entry.put("rejected", release == null ? "MusicBrainz has no such release" : "the release does not list the recording");
                continue;
            }
            if (rejected(entry, duration, on.lengthMs())) {
                continue;
            }
            entry.put("chosen", true);
            return on;
        }
        notes.add("no release of recording " + recordingId + " passed the checks (" + ranked.size() + " listed); filed without its release");
        return MusicBrainzMapper.fromAcoustId(recording, null);
    }

    /** The 15 s rule on one candidate; notes the difference (and the rejection) in its sidecar entry. */
    private static boolean rejected(Map<String, Object> entry, Double duration, Long listedMs) {
        Double diff = duration == null ? null : ReleaseChooser.meanDifferenceSeconds(List.of(duration), Arrays.asList(listedMs));
        if (diff != null) {
            entry.put("mean_difference_seconds", Math.round(diff * 10) / 10.0);
        }
        if (ReleaseChooser.rejectsDuration(diff)) {
            entry.put("rejected", String.format(Locale.ROOT, "durations differ by %.1f s on average (more than %.0f s)", diff,
                    ReleaseChooser.MAX_MEAN_DIFFERENCE_SECONDS));
            return true;
        }
        return false;
    }

    private static Map<String, Object> describe(ReleaseChooser.Scored s) {
        ReleaseChooser.Candidate c = s.candidate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("release_id", c.releaseId());
        m.put("title", c.title());
        m.put("type", c.primaryType() + (c.secondaryTypes().isEmpty() ? "" : " + " + String.join(" + ", c.secondaryTypes())));
        m.put("track_count", c.trackCount());
        m.put("date", c.date());
        m.put("score", s.score());
        return m;
    }

    /** The release search by the album tag (and the artist's), when there is no recording to go by. */
    private MusicIdentity byAlbumName(Map<String, String> tags, Integer target, Double duration, List<String> notes, Map<String, Object> doc) {
        String album = tags.get("album");
        if (musicbrainz == null || album == null || album.isBlank()) {
            return null;
        }
        if (!ReleaseChooser.searchable(album)) {
            notes.add("the album tag '" + album.strip() + "' is too generic to search MusicBrainz by name");
            return null;
        }
        String artist = tags.get("album_artist") != null ? tags.get("album_artist") : tags.get("artist");
        Integer disc = leadingNumber(tags.get("disc"));
        Map<String, Object> search = new LinkedHashMap<>();
        doc.put("name_search", search);
        search.put("album", album.strip());
        search.put("artist", artist);
        try {
            List<ReleaseChooser.Scored> ranked = ReleaseChooser.rankSearch(MusicBrainzMapper.fromSearch(musicbrainz.searchReleases(album.strip(),
                    artist), disc), album, target);
            List<Map<String, Object>> listed = new ArrayList<>();
            ranked.stream().limit(LISTED_CHOICES).forEach(s -> listed.add(describe(s)));
            search.put("releases", listed);
            if (ranked.isEmpty()) {
                notes.add("MusicBrainz's release search found no '" + album.strip() + "'" + (target == null ? "" : " with " + target + " tracks"));
                return null;
            }
            ReleaseChooser.Candidate best = ranked.get(0).candidate();
            if (!MusicBrainzClient.isMbid(best.releaseId())) {
                return null;
            }
            JsonNode release = musicbrainz.release(best.releaseId());
            MusicIdentity t = release == null ? null : MusicBrainzMapper.trackOf(release, disc, leadingNumber(tags.get("track")), tags.get("title"));
            if (t == null) {
                notes.add("release " + best.releaseId() + " has no track with the file's number or title");
                return null;
            }
            if (rejected(listed.get(0), duration, t.lengthMs())) {
                notes.add("release " + best.releaseId() + " was rejected: " + listed.get(0).get("rejected"));
                return null;
            }
            listed.get(0).put("chosen", true);
            return t;
        } catch (ServiceException e) {
            notes.add(e.getMessage());
            return null;
        }
    }

    /** A map that keeps the order it is given ("key", value, "key", value…), so sidecars read the same every time. */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The album's track count from the tags: {@code track} "3/12", or {@code tracktotal}/{@code totaltracks}. */
    static Integer trackTotal(Map<String, String> tags) {
        String track = tags.get("track");
        if (track != null && track.matches("\\s*\\d+\\s*/\\s*\\d+\\s*")) {
            int n = Integer.parseInt(track.split("/")[1].strip());
            return n > 0 ? n : null;
        }
        for (String k : List.of("tracktotal", "totaltracks", "track_total")) {
            Integer n = leadingNumber(tags.get(k));
            if (n != null && n > 0) {
                return n;
            }
        }
        return null;
    }

    /** The number a tag starts with ("03/12" → 3, "2019-05-01" → 2019), or null. */
    static Integer leadingNumber(String s) {
        if (s == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("^\\s*(\\d{1,4})").matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
