package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.config.Settings;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's stable-size rule, on a clock the test moves (no sleeping). */
class InboxWatcherTest {
    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-11-22T03:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private InboxWatcher watcher() {
        Settings s = TestApp.settings(dir, Map.of("INTAKE_SETTLE_TIME", "10"));
        return new InboxWatcher(s, clock);
    }

    @Test
    void aFileIsTakenOnlyOnceItHasStoppedGrowingForTheSettleTime() throws Exception {
        InboxWatcher w = watcher();
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        Path f = inbox.resolve("Movie.2020.mkv");
        Files.write(f, new byte[100]);

        assertThat(w.settledEntries()).isEmpty();          // first sight
        now = now.plusSeconds(20);
        Files.write(f, new byte[100], StandardOpenOption.APPEND);
        assertThat(w.settledEntries()).isEmpty();          // it grew: the clock starts again
        now = now.plusSeconds(5);
        assertThat(w.settledEntries()).isEmpty();          // unchanged, but only for 5 s
        now = now.plusSeconds(5);
        assertThat(w.settledEntries()).containsExactly("Movie.2020.mkv");
    }

    @Test
    void aFolderWithAPartialDownloadOrAHiddenOrPartialEntryIsNeverTaken() throws Exception {
        InboxWatcher w = watcher();
        Path pack = dir.resolve("inbox/Show.S01");
        Files.createDirectories(pack);
        Files.write(pack.resolve("Show.S01E01.mkv"), new byte[10]);
        Files.write(pack.resolve("Show.S01E02.mkv.part"), new byte[10]);
        Files.write(dir.resolve("inbox/Other.mkv.crdownload"), new byte[10]);
        Files.write(dir.resolve("inbox/.hidden.mkv"), new byte[10]);

        w.settledEntries();
        now = now.plus(Duration.ofHours(1));
        assertThat(w.settledEntries()).isEmpty();

        Files.move(pack.resolve("Show.S01E02.mkv.part"), pack.resolve("Show.S01E02.mkv"));
        assertThat(w.settledEntries()).isEmpty();          // the folder changed when the download finished
        now = now.plusSeconds(10);
        assertThat(w.settledEntries()).containsExactly("Show.S01");
    }
}
