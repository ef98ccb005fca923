package io.mediahub.arr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.testing.RequiresTool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated dashboard in headless Chromium (Debian's, installed by .ci/run) from a file: URL with
 * networking off, and checks that every chart drew (its canvas has pixels), that no script error occurred, and that
 * a title holding a script tag rendered as text. Skipped when Chromium is absent, unless MEDIAHUB_REQUIRE_ALL=1 ({@link RequiresTool}).
 */
class ArrDashboardChromiumIT {
    static final long GB = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    static Optional<Path> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String p : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
                Path c = Path.of(p, name);
                if (Files.isExecutable(c)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    static ArrFile file(String title, int score, long size, String res, FormatScore... formats) {
        return new ArrFile(ArrService.RADARR, "movie:" + title, 1, 1, title, 2001, null, null, null, null, title + ".mkv", size, "Bluray-1080p", res,
                "x265", "DTS 5.1", null, "GRP", List.of(formats), score, 1, "HD-1080p", 100, 0, score >= 100, true, true, "tt1", 1, null, null,
                "2026-01-01T00:00:00Z", "2026-11-01 00:00:00");
    }

    @Test
    @RequiresTool("chromium|chromium-browser|google-chrome|google-chrome-stable")
    void chartsDrawAndNoScriptErrorsAndServiceTextStaysText() throws Exception {
        Optional<Path> chrome = chromium();
        List<ArrFile> files = new ArrayList<>();
        files.add(file("<script>alert(1)</script>", -120, 40 * GB, "1080p", new FormatScore("LQ <b>", -100)));
        files.add(file("Alpha", 150, 10 * GB, "1080p", new FormatScore("Tier 01", 100), new FormatScore("TrueHD ATMOS", 50)));
        files.add(file("Beta", 0, 5 * GB, "2160p"));
        files.add(file("Gamma", 60, 8 * GB, "1080p", new FormatScore("Tier 01", 100), new FormatScore("x265 (HD)", -40)));
        QualityProfile p = new QualityProfile(1, "HD-1080p", true, "Bluray-1080p", 0, 100,
                Map.of("Tier 01", 100, "TrueHD ATMOS", 50, "LQ <b>", -100, "x265 (HD)", -40, "HDR10", 30), Map.of());
        List<ArrRepository.RunRow> runs = List.of(
                new ArrRepository.RunRow(1, ArrService.RADARR, "http://x", "5.28", "2026-10-01T00:00:00Z", "2026-10-01T00:01:00Z", "ok", 4, 0, 2, 0, 0, 4,
                        55.0, "F", 20.0, null),
                new ArrRepository.RunRow(2, ArrService.RADARR, "http://x", "5.28", "2026-11-01T00:00:00Z", "2026-11-01T00:01:00Z", "ok", 4, 0, 2, 0, 0, 1,
                        61.0, "D", 22.5, null));
        List<ScoreChange> changes = List.of(new ScoreChange("movie:Alpha", 1, "Alpha", ScoreChange.IMPROVED, null, 50, 150, "2026-11-01T00:01:00Z"));
        ArrAnalysis a = ArrAnalysis.of(ArrService.RADARR, runs.get(1), files, Map.of(1, p), changes, runs, -50, Instant.parse("2026-11-02T00:00:00Z"));
        Path html = dir.resolve("dashboard.html");
        new ArrDashboard(new ObjectMapper(), 500).write(List.of(a), html);

        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path dom = dir.resolve("dom.html");
        Process chromeProcess = new ProcessBuilder(chrome.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(dir.resolve("chromium.log").toFile()).start();
        boolean ended = chromeProcess.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            chromeProcess.destroyForcibly();
            try (Stream<ProcessHandle> children = chromeProcess.descendants()) {
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
        assertThat(ended).as("chromium ended within 120 s").isTrue();
        String out = Files.readString(dom);
        assertThat(out).as("Chromium's DOM (log: " + Files.readString(dir.resolve("chromium.log")) + ")").contains("data-charts-drawn");

        Matcher drawn = Pattern.compile("data-charts-drawn=\"(\\d+)\"").matcher(out);
        Matcher expected = Pattern.compile("data-charts-expected=\"(\\d+)\"").matcher(out);
        assertThat(drawn.find()).isTrue();
        assertThat(expected.find()).isTrue();
        assertThat(Integer.parseInt(expected.group(1))).isEqualTo(3); // pie, format bar, health across runs
        assertThat(drawn.group(1)).isEqualTo(expected.group(1));
        assertThat(out).as("a script error occurred").doesNotContain("data-script-errors=\"");
        assertThat(out).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("LQ &lt;b&gt;");
        assertThat(out).doesNotContain("<script>alert(1)</script>");
    }
}
