package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settle rule on fixed file times, and the line that says why an entry was left for later. */
class InboxSettleTest {
    private static final Instant T = Instant.parse("2026-12-02T03:00:00Z");
    private static final Duration TEN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path file(String name, Instant time) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, name);
        Files.setLastModifiedTime(p, FileTime.from(time));
        return p;
    }

    @Test
    void theLineNamesHowLongAgoItChangedAndTheSetting() throws Exception {
        Path movie = file("Movie.2020.mkv", T);

        assertThat(InboxIntake.unsettled(movie, TEN, T.plusSeconds(4)))
                .isEqualTo("is still changing, left for later: changed 4 s ago, INTAKE_SETTLE_TIME is 10 s");
        assertThat(InboxIntake.unsettled(movie, TEN, T.plusMillis(4_250)))
                .isEqualTo("is still changing, left for later: changed 4.2 s ago, INTAKE_SETTLE_TIME is 10 s");
        assertThat(InboxIntake.unsettled(movie, Duration.ofMillis(500), T.plusMillis(200)))
                .isEqualTo("is still changing, left for later: changed 0.2 s ago, INTAKE_SETTLE_TIME is 0.5 s");
        assertThat(InboxIntake.unsettled(movie, Duration.ofMinutes(2), T.plusSeconds(75)))
                .isEqualTo("is still changing, left for later: changed 75 s ago, INTAKE_SETTLE_TIME is 120 s");
        assertThat(InboxIntake.unsettled(movie, TEN, T.minusSeconds(3)))
                .isEqualTo("is still changing, left for later: dated 3 s ahead of this machine's clock, INTAKE_SETTLE_TIME is 10 s");
        assertThat(InboxIntake.unsettled(movie, TEN, T.plusSeconds(10))).isNull();
        assertThat(InboxIntake.unsettled(movie, Duration.ZERO, T)).isNull();
    }

    @Test
    void aFolderCountsItsNewestFileAndAPartialDownloadHoldsItBack() throws Exception {
        Path pack = dir.resolve("Show.S01");
        file("Show.S01/Show.S01E01.mkv", T.minusSeconds(60));
        file("Show.S01/Extras/Show.S01E02.mkv", T.minusSeconds(2));
        Files.setLastModifiedTime(pack.resolve("Extras"), FileTime.from(T.minusSeconds(60)));
        Files.setLastModifiedTime(pack, FileTime.from(T.minusSeconds(60)));

        assertThat(InboxIntake.unsettled(pack, TEN, T)).isEqualTo("is still changing, left for later: changed 2 s ago, INTAKE_SETTLE_TIME is 10 s");
        assertThat(InboxIntake.unsettled(pack, TEN, T.plusSeconds(8))).isNull();

        file("Show.S01/Show.S01E03.mkv.part", T.minusSeconds(3600));
        assertThat(InboxIntake.unsettled(pack, TEN, T.plusSeconds(3600)))
                .isEqualTo("holds a partial download (Show.S01E03.mkv.part), left for later");
    }
}
