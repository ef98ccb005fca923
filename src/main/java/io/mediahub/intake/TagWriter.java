package io.mediahub.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an identified audio file's tags with ffmpeg: {@code -map 0 -c copy -metadata k=v …} into a hidden staging
 * file beside it, which is probed back (same streams, same duration, the tags as written) and only then renamed over
 * the file. Whatever fails, the file is left as it was and the exception says why.
 *
 * <p>The MusicBrainz ids take the names Picard gives them: {@code MusicBrainz Track Id} … (ID3 {@code TXXX} frames) for
 * MP3 and the rest, {@code MUSICBRAINZ_TRACKID} … (Vorbis comments) for FLAC, Ogg and Opus. MP4/M4A files get the
 * common tags only: ffmpeg writes free-form MP4 keys only in a form other players do not read.
 */
public final class TagWriter {
    static final String STAGING_MARK = ".mediahub-tags";
    private static final Set<String> VORBIS = Set.of(".flac", ".ogg", ".oga", ".opus");
    private static final Set<String> MP4 = Set.of(".m4a", ".mp4", ".m4b", ".alac", ".aac");
    /** The tags checked after writing: every container keeps these. */
    private static final List<String> CHECKED = List.of("title", "artist", "album");

    private final String ffmpeg;
    private final MediaProbe probe;
    private final Duration timeout;

    public TagWriter(String ffmpeg, MediaProbe probe, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.probe = probe;
        this.timeout = timeout;
    }

    /** The tags to write for an identity, in ffmpeg's generic names plus the container's names for MusicBrainz's ids. */
    static Map<String, String> tagsFor(MusicIdentity id, String ext) {
        Map<String, String> t = new LinkedHashMap<>();
        put(t, "title", id.title());
        put(t, "artist", id.artist());
        put(t, "album_artist", id.albumArtist());
        put(t, "album", id.album());
        if (id.track() != null) {
            put(t, "track", id.track() + (id.trackTotal() == null ? "" : "/" + id.trackTotal()));
        }
        if (id.disc() != null) {
            put(t, "disc", id.disc() + (id.discTotal() == null ? "" : "/" + id.discTotal()));
        }
        put(t, "date", id.date());
        String e = ext.toLowerCase(Locale.ROOT);
        if (MP4.contains(e)) {
            return t;
        }
        boolean vorbis = VORBIS.contains(e);
        put(t, vorbis ? "MUSICBRAINZ_TRACKID" : "MusicBrainz Track Id", id.recordingId());
        put(t, vorbis ? "MUSICBRAINZ_RELEASETRACKID" : "MusicBrainz Release Track Id", id.releaseTrackId());
        put(t, vorbis ? "MUSICBRAINZ_ALBUMID" : "MusicBrainz Album Id", id.releaseId());
        put(t, vorbis ? "MUSICBRAINZ_RELEASEGROUPID" : "MusicBrainz Release Group Id", id.releaseGroupId());
        put(t, vorbis ? "MUSICBRAINZ_ARTISTID" : "MusicBrainz Artist Id", id.artistId());
        put(t, vorbis ? "MUSICBRAINZ_ALBUMARTISTID" : "MusicBrainz Album Artist Id", id.albumArtistId());
        put(t, vorbis ? "ACOUSTID_ID" : "Acoustid Id", id.acoustId());
        return t;
    }

    private static void put(Map<String, String> t, String k, String v) {
        if (v != null && !v.isBlank()) {
            // A tag is one line: control characters (a newline from a remote answer) become spaces.
            t.put(k, v.replaceAll("\\p{Cntrl}", " ").strip());
        }
    }

    /** The argument list: input and output absolute, behind {@code file:}, so no name is an option or another protocol. */
    static List<String> arguments(String ffmpeg, Path source, Path staging, Map<String, String> tags) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", "file:" + source.toAbsolutePath().normalize(),
                "-map", "0", "-c", "copy"));
        tags.forEach((k, v) -> cmd.addAll(List.of("-metadata", k + "=" + v)));
        cmd.add("file:" + staging.toAbsolutePath().normalize());
        return cmd;
    }

    /** The hidden staging file beside {@code file}; it keeps the extension, so ffmpeg picks the same container. */
    static Path stagingFor(Path file) {
        String n = file.getFileName().toString();
        return file.resolveSibling("." + LibraryNames.stem(n) + STAGING_MARK + LibraryNames.extension(n));
    }

    /**
     * Writes {@code id}'s tags into {@code file}. {@code before} is its probe (for the check).
     *
     * @return the tags written, or an empty map when the file already had them all
     * @throws ToolRunner.ToolException ffmpeg failed or is missing; the file is as it was
     * @throws IOException              the result did not check out or could not be swapped in; the file is as it was
     */
    public Map<String, String> rewrite(Path file, MusicIdentity id, MediaProbe.Result before) throws ToolRunner.ToolException, IOException {
        Map<String, String> tags = tagsFor(id, LibraryNames.extension(file.getFileName().toString()));
        if (before != null && tags.entrySet().stream().allMatch(e -> e.getValue().equals(before.tag(e.getKey().toLowerCase(Locale.ROOT))))) {
            return Map.of();
        }
        Path staging = stagingFor(file);
        try {
            ToolRunner.run(arguments(ffmpeg, file, staging, tags), timeout, Set.of(0));
            MediaProbe.Result after = probe.probe(staging);
            String problem = problem(before, after, tags);
            if (problem != null) {
                throw new IOException("the file ffmpeg wrote did not check out (" + problem + ")");
            }
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return tags;
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** Why a rewritten file is not the same audio with the new tags, or null when it is. */
    static String problem(MediaProbe.Result before, MediaProbe.Result after, Map<String, String> tags) {
        if (before != null) {
            if (after.audio().size() != before.audio().size()) {
                return "it has " + after.audio().size() + " audio streams, the original " + before.audio().size();
            }
            Double a = after.durationSeconds();
            Double b = before.durationSeconds();
            if (a != null && b != null && Math.abs(a - b) > Math.max(1.0, b * 0.01)) {
                return String.format(Locale.ROOT, "it lasts %.2f s, the original %.2f s", a, b);
            }
        }
        for (String k : CHECKED) {
            String want = tags.get(k);
            if (want != null && !want.equals(after.tag(k) == null ? null : after.tag(k).strip())) {
                return "its " + k + " tag reads '" + after.tag(k) + "', not '" + want + "'";
            }
        }
        return null;
    }
}
