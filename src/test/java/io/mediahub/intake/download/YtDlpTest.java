package io.mediahub.intake.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure parts around yt-dlp: arguments, progress lines, outcomes. */
class YtDlpTest {
    @Test
    void theUrlComesLastAfterTheEndOfOptionsSoItCanNeverBeAnOption() {
        List<String> a = YtDlpArgs.download("--exec=rm -rf ~", false, null, "best", List.of("--limit-rate", "2M"));
        assertThat(a.subList(a.size() - 2, a.size())).containsExactly("--", "--exec=rm -rf ~");
        assertThat(a).contains("--no-config", "--no-update", "--newline", "--continue", "--no-playlist", "--merge-output-format", "mp4");
        assertThat(a.indexOf("--limit-rate")).isLessThan(a.indexOf("--"));
        assertThat(a.get(a.indexOf("-f") + 1)).isEqualTo("best");
        List<String> audio = YtDlpArgs.download("https://x.org/v", true, 3, "best", List.of());
        assertThat(audio).contains("--extract-audio", "bestaudio/best", "--playlist-items", "3", "--yes-playlist").doesNotContain("--no-playlist");
        List<String> list = YtDlpArgs.listPlaylist("-x", List.of());
        assertThat(list).contains("--flat-playlist", "--dump-single-json");
        assertThat(list.subList(list.size() - 2, list.size())).containsExactly("--", "-x");
    }

    @Test
    void progressLinesGivePercentSpeedAndEta() {
        YtDlpProgress p = YtDlpProgress.parse("mediahub-progress 1024 4096 NA 1572864.5 3").orElseThrow();
        assertThat(p.percent()).isEqualTo(25.0);
        assertThat(p.speedText()).isEqualTo("1.5 MiB/s");
        assertThat(p.etaSeconds()).isEqualTo(3L);
        YtDlpProgress estimated = YtDlpProgress.parse("mediahub-progress 500 NA 1000.0 NA NA").orElseThrow();
        assertThat(estimated.percent()).isEqualTo(50.0);
        assertThat(estimated.speedText()).isNull();
        assertThat(estimated.etaSeconds()).isNull();
        assertThat(YtDlpProgress.parse("mediahub-progress 1 NA NA 10 NA").orElseThrow().percent()).isNull();
        assertThat(YtDlpProgress.parse("[download]  45.0% of 1.00MiB")).isEmpty();
        assertThat(YtDlpProgress.parse("mediahub-progress NA NA")).isEmpty();
    }

    @Test
    void outcomes() {
        assertThat(YtDlpOutcome.of(0, null, List.of(), true).kind()).isEqualTo(YtDlpOutcome.Kind.SUCCESS);
        assertThat(YtDlpOutcome.of(0, null, List.of(), false)).isEqualTo(new YtDlpOutcome(YtDlpOutcome.Kind.FAILED, "yt-dlp reported no finished file"));
        YtDlpOutcome notFound = YtDlpOutcome.of(1, null, List.of("WARNING: x", "ERROR: [generic] None: Unable to download webpage: HTTP Error 404: "
                + "Not Found (caused by <HTTPError 404: 'Not Found'>); please report this issue on  https://github.com/yt-dlp/yt-dlp/issues"), false);
        assertThat(notFound).isEqualTo(new YtDlpOutcome(YtDlpOutcome.Kind.FAILED,
                "yt-dlp: [generic] None: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404: 'Not Found'>)"));
        assertThat(YtDlpOutcome.of(1, null, List.of("ERROR: Unable to download webpage: HTTP Error 429: Too Many Requests"), false).kind())
                .isEqualTo(YtDlpOutcome.Kind.RETRYABLE);
        assertThat(YtDlpOutcome.of(1, null, List.of("ERROR: [download] Got error: Downloaded 5000 bytes, expected 26234 bytes. Giving up after 1 retries"),
                false).kind()).isEqualTo(YtDlpOutcome.Kind.RETRYABLE);
        assertThat(YtDlpOutcome.of(1, null, List.of("ERROR: ", "[download] Got error: Downloaded 5000 bytes, expected 26234 bytes."), false))
                .isEqualTo(new YtDlpOutcome(YtDlpOutcome.Kind.RETRYABLE, "yt-dlp: [download] Got error: Downloaded 5000 bytes, expected 26234 bytes."));
        assertThat(YtDlpOutcome.of(-1, "stalled: nothing downloaded for 120 s", List.of(), true))
                .isEqualTo(new YtDlpOutcome(YtDlpOutcome.Kind.RETRYABLE, "stalled: nothing downloaded for 120 s"));
        assertThat(YtDlpOutcome.of(137, "cancelled", List.of(), false).kind()).isEqualTo(YtDlpOutcome.Kind.CANCELLED);
        assertThat(YtDlpOutcome.of(2, null, List.of("ERROR: Unsupported URL: https://example.org/"), false).kind()).isEqualTo(YtDlpOutcome.Kind.FAILED);
        assertThat(YtDlpOutcome.of(2, null, List.of(), false).reason()).isEqualTo("yt-dlp exited with 2");
    }
}
