package io.mediahub.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Media Library app's choice among the releases a recording is on (pure functions, no I/O):
 * <ul>
 *   <li>track count: when the file says how many tracks its album has (its {@code track} tag's total, or the audio files
 *       of the folder it came in), a release whose medium has that many scores +10, any other −20;</li>
 *   <li>type: an album (primary type Album, not a compilation) +2; a compilation (secondary type Compilation, the type the
 *       Media Library app meant) or a single −5;</li>
 *   <li>ties go to the earliest release (the first release's year, not a reissue's), then to the order they came in;</li>
 *   <li>durations: a release is rejected when the mean difference between the tracks' durations as probed and as
 *       MusicBrainz lists them is more than {@value #MAX_MEAN_DIFFERENCE_SECONDS} s.</li>
 * </ul>
 * The name search ({@code release:"…"}) is refused for generic titles and titles of two characters or fewer; among its
 * results a different track count disqualifies a release, the same count scores +1 and the exact title +1.
 */
public final class ReleaseChooser {
    static final int TRACK_COUNT_MATCH = 10;
    static final int TRACK_COUNT_MISMATCH = -20;
    static final int ALBUM = 2;
    static final int COMPILATION_OR_SINGLE = -5;
    static final double MAX_MEAN_DIFFERENCE_SECONDS = 15;
    /** Titles too generic to search by name (the Media Library app's list). */
    static final Set<String> GENERIC_TITLES = Set.of("audio", "cd", "disc", "disk", "untitled", "unknown", "track", "album", "music", "my",
            "test", "new");

    private ReleaseChooser() {
    }

    /**
     * One release a recording is on, as MusicBrainz's recording lookup, its release search or AcoustID's lookup lists it.
     *
     * @param trackCount    tracks on the medium that holds the recording (or the first medium)
     * @param trackPosition the recording's position on that medium, when the listing says
     * @param trackLengthMs the track's length on this release, when the listing says
     */
    public record Candidate(String releaseId, String title, String albumArtist, String releaseGroupId, String primaryType,
                            List<String> secondaryTypes, Integer trackCount, Integer trackPosition, Integer discPosition,
                            Integer discCount, Long trackLengthMs, String date) {

        public boolean compilation() {
            return secondaryTypes.stream().anyMatch(t -> t.equalsIgnoreCase("Compilation"));
        }
    }

    /** A candidate with its score. */
    public record Scored(Candidate candidate, int score) {
    }

    /** The Media Library app's score of one release. {@code targetTracks} null: the track count is not known and not scored. */
    public static int score(Candidate c, Integer targetTracks) {
        int score = 0;
        if (targetTracks != null && targetTracks > 0 && c.trackCount() != null) {
            score += c.trackCount().equals(targetTracks) ? TRACK_COUNT_MATCH : TRACK_COUNT_MISMATCH;
        }
        String type = c.primaryType() == null ? "" : c.primaryType().toLowerCase(Locale.ROOT);
        if (c.compilation() || type.equals("single")) {
            score += COMPILATION_OR_SINGLE;
        } else if (type.equals("album")) {
            score += ALBUM;
        }
        return score;
    }

    /** Best first: score, then the earliest date (unknown last), then the order given. */
    public static List<Scored> rank(List<Candidate> candidates, Integer targetTracks) {
        List<Scored> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(new Scored(c, score(c, targetTracks)));
        }
        out.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> dateKey(s.candidate().date())));
        return out;
    }

    private static String dateKey(String date) {
        return date == null || date.isBlank() ? "9999" : date;
    }

    /**
     * The mean absolute difference, in seconds, between durations as probed and as listed, over the pairs where both
     * are known; null when no pair can be compared.
     */
    public static Double meanDifferenceSeconds(List<Double> probedSeconds, List<Long> listedMs) {
        double total = 0;
        int n = 0;
        for (int i = 0; i < Math.min(probedSeconds.size(), listedMs.size()); i++) {
            if (probedSeconds.get(i) != null && listedMs.get(i) != null) {
                total += Math.abs(probedSeconds.get(i) - listedMs.get(i) / 1000.0);
                n++;
            }
        }
        return n == 0 ? null : total / n;
    }

    /** Whether a mean difference rejects the release (nothing to compare never does). */
    public static boolean rejectsDuration(Double meanDifferenceSeconds) {
        return meanDifferenceSeconds != null && meanDifferenceSeconds > MAX_MEAN_DIFFERENCE_SECONDS;
    }

    /** Whether a title may be searched by name: not generic, more than two characters. */
    public static boolean searchable(String title) {
        String t = title == null ? "" : title.strip();
        return t.length() > 2 && !GENERIC_TITLES.contains(t.toLowerCase(Locale.ROOT));
    }

    /**
     * The Media Library app's choice among the name search's results: with a known track count a release with another count is
     * left out, the same count scores +1; the exact title (case aside) +1. Best first, ties in MusicBrainz's order.
     */
    public static List<Scored> rankSearch(List<Candidate> candidates, String title, Integer targetTracks) {
        List<Scored> out = new ArrayList<>();
        for (Candidate c : candidates) {
            int score = 0;
            if (targetTracks != null && targetTracks > 0) {
                if (!targetTracks.equals(c.trackCount())) {
                    continue;
                }
                score++;
            }
            if (c.title() != null && c.title().equalsIgnoreCase(title.strip())) {
                score++;
            }
            out.add(new Scored(c, score));
        }
        out.sort(Comparator.comparingInt(Scored::score).reversed());
        return out;
    }
}
