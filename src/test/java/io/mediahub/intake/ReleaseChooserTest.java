package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The original's release choice: track count, album over compilation and single, the 15 s rule, the generic-title refusal. */
class ReleaseChooserTest {

    private static ReleaseChooser.Candidate release(String id, String type, List<String> secondary, Integer tracks, String date) {
        return new ReleaseChooser.Candidate(id, "Title " + id, "Artist", null, type, secondary, tracks, 1, 1, 1, null, date);
    }

    @Test
    void aMatchingTrackCountScoresTenAndAnyOtherMinusTwenty() {
        ReleaseChooser.Candidate twelve = release("a", null, List.of(), 12, null);
        assertThat(ReleaseChooser.score(twelve, 12)).isEqualTo(10);
        assertThat(ReleaseChooser.score(twelve, 10)).isEqualTo(-20);
        assertThat(ReleaseChooser.score(twelve, null)).as("no count known: not scored").isZero();
        assertThat(ReleaseChooser.score(release("b", null, List.of(), null, null), 12)).as("the release's count unknown").isZero();
    }

    @Test
    void anAlbumScoresTwoACompilationOrASingleMinusFive() {
        assertThat(ReleaseChooser.score(release("a", "Album", List.of(), null, null), null)).isEqualTo(2);
        assertThat(ReleaseChooser.score(release("c", "Album", List.of("Compilation"), null, null), null)).isEqualTo(-5);
        assertThat(ReleaseChooser.score(release("s", "Single", List.of(), null, null), null)).isEqualTo(-5);
        assertThat(ReleaseChooser.score(release("e", "EP", List.of(), null, null), null)).isZero();
        assertThat(ReleaseChooser.score(release("l", "Album", List.of("Live"), null, null), null)).isEqualTo(2);
    }

    @Test
    void theTrackCountOutweighsTheTypeAndTiesGoToTheEarliestRelease() {
        ReleaseChooser.Candidate single = release("single", "Single", List.of(), 2, "1971-07");
        ReleaseChooser.Candidate hits = release("hits", "Album", List.of("Compilation"), 10, "1995");
        ReleaseChooser.Candidate reissue = release("reissue", "Album", List.of(), 12, "2006");
        ReleaseChooser.Candidate original = release("original", "Album", List.of(), 12, "1988");
        ReleaseChooser.Candidate undated = release("undated", "Album", List.of(), 12, null);

        List<ReleaseChooser.Scored> ranked = ReleaseChooser.rank(List.of(single, hits, reissue, undated, original), 10);
        assertThat(ranked).extracting(s -> s.candidate().releaseId()).containsExactly("hits", "original", "reissue", "undated", "single");
        assertThat(ranked).extracting(ReleaseChooser.Scored::score).containsExactly(5, -18, -18, -18, -25);

        assertThat(ReleaseChooser.rank(List.of(single, hits, reissue, undated, original), 12))
                .extracting(s -> s.candidate().releaseId()).startsWith("original", "reissue", "undated");
    }

    @Test
    void aReleaseIsRejectedWhenItsTracksDifferByMoreThanFifteenSecondsOnAverage() {
        assertThat(ReleaseChooser.meanDifferenceSeconds(List.of(200.0), List.of(215_000L))).isEqualTo(15.0);
        assertThat(ReleaseChooser.rejectsDuration(15.0)).isFalse();
        assertThat(ReleaseChooser.rejectsDuration(ReleaseChooser.meanDifferenceSeconds(List.of(200.0), List.of(215_500L)))).isTrue();
        // Over an album: one track 40 s off and two exact average 13.3 s: kept; a third track 10 s off tips it over.
        assertThat(ReleaseChooser.rejectsDuration(ReleaseChooser.meanDifferenceSeconds(List.of(100.0, 200.0, 300.0),
                List.of(140_000L, 200_000L, 300_000L)))).isFalse();
        assertThat(ReleaseChooser.rejectsDuration(ReleaseChooser.meanDifferenceSeconds(List.of(100.0, 200.0, 300.0),
                List.of(140_000L, 210_000L, 300_000L)))).isTrue();
        assertThat(ReleaseChooser.meanDifferenceSeconds(List.of(100.0), Arrays.asList((Long) null))).as("nothing to compare").isNull();
        assertThat(ReleaseChooser.rejectsDuration(null)).isFalse();
    }

    @Test
    void genericTitlesAndTitlesOfTwoCharactersOrFewerAreNotSearched() {
        for (String generic : List.of("untitled", "Unknown", "TRACK", " album ", "music", "my", "test", "new", "Audio", "cd", "disc", "disk",
                "ab", "", "  x ")) {
            assertThat(ReleaseChooser.searchable(generic)).as(generic).isFalse();
        }
        assertThat(ReleaseChooser.searchable(null)).isFalse();
        for (String real : List.of("The Dark Side of the Moon", "Abbey Road", "XTC", "New Order Live", "Tracks")) {
            assertThat(ReleaseChooser.searchable(real)).as(real).isTrue();
        }
    }

    @Test
    void theNameSearchLeavesOutOtherTrackCountsAndPrefersTheExactTitle() {
        ReleaseChooser.Candidate deluxe = new ReleaseChooser.Candidate("deluxe", "Signals (Deluxe)", null, null, "Album", List.of(), 10, null,
                null, null, null, "2010");
        ReleaseChooser.Candidate exact = new ReleaseChooser.Candidate("exact", "signals", null, null, "Album", List.of(), 10, null, null, null,
                null, "1982");
        ReleaseChooser.Candidate longer = new ReleaseChooser.Candidate("longer", "Signals", null, null, "Album", List.of(), 14, null, null, null,
                null, "1982");

        List<ReleaseChooser.Scored> ranked = ReleaseChooser.rankSearch(List.of(deluxe, longer, exact), "Signals", 10);
        assertThat(ranked).extracting(s -> s.candidate().releaseId()).containsExactly("exact", "deluxe");
        assertThat(ranked).extracting(ReleaseChooser.Scored::score).containsExactly(2, 1);
        assertThat(ReleaseChooser.rankSearch(List.of(deluxe, longer, exact), "Signals", null))
                .extracting(s -> s.candidate().releaseId()).containsExactly("longer", "exact", "deluxe");
        assertThat(ReleaseChooser.rankSearch(List.of(longer), "Signals", 10)).as("nothing with 10 tracks: nothing chosen").isEmpty();
    }
}
