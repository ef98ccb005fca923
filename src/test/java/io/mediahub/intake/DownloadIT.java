package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediahub.app.MediahubApplication;
import io.mediahub.intake.download.DownloadQueue;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobRepository;
import io.mediahub.testing.CliRunner;
import io.mediahub.testing.RequiresTool;
import io.mediahub.testing.TestApp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads with the real yt-dlp against a local site serving small generated media: a page with a JSON-LD video (title,
 * uploader, date, thumbnail), a direct file, a 404, a 429, a cut transfer, a stalled one, a page listing two videos,
 * and a URL file dropped into inbox/urls/. yt-dlp never leaves the machine: every URL is on 127.0.0.1, and Mediahub
 * passes --no-config and --no-update.
 */
@RequiresTool({"yt-dlp", "ffmpeg", "ffprobe"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadIT {
    @TempDir
    static Path dir;

    private HttpServer site;
    private String base;
    private byte[] clip;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Queue<String> hooks = new ConcurrentLinkedQueue<>();
    private final Queue<String> ranges = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean healed = new java.util.concurrent.atomic.AtomicBoolean();
    private MediahubApplication app;
    private JobRepository jobs;
    private DownloadQueue queue;
    private io.mediahub.config.Settings settings;

    @BeforeAll
    void start() throws Exception {
        clip = Files.readAllBytes(TestMedia.video(dir.resolve("work/clip.mp4"), 2, 440, Map.of()));
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(Executors.newCachedThreadPool());
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        site.createContext("/clip.mp4", x -> send(x, 200, "video/mp4", clip));
        site.createContext("/missing.mp4", x -> send(x, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8)));
        site.createContext("/busy.mp4", x -> send(x, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8)));
        site.createContext("/cut.mp4", x -> partial(x, false));
        site.createContext("/stall.mp4", x -> partial(x, true));
        site.createContext("/flaky.mp4", x -> {
            // Until the test heals the site, every request (yt-dlp's own retries too) is cut at byte 5000; then a request
            // resumed from byte N gets the rest.
            String range = x.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "none" : range);
            int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            x.getResponseHeaders().set("Content-Type", "video/mp4");
            if (from > 0) {
                x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (clip.length - 1) + "/" + clip.length);
            }
            x.sendResponseHeaders(from > 0 ? 206 : 200, clip.length - from);
            OutputStream out = x.getResponseBody();
            out.write(clip, from, healed.get() ? clip.length - from : Math.max(0, 5000 - from));
            out.flush();
            x.close();
        });
        site.createContext("/thumb.jpg", x -> send(x, 200, "image/jpeg", jpeg()));
        site.createContext("/hook", x -> {
            hooks.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(x, 204, "text/plain", new byte[0]);
        });
        site.createContext("/watch.html", x -> send(x, 200, "text/html", ("<html><head><title>LD page</title><script type=\"application/ld+json\">"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"VideoObject\",\"name\":\"Tom & Jerry <Live>\",\"description\":\"A plot & more\","
                + "\"thumbnailUrl\":\"" + base + "/thumb.jpg\",\"uploadDate\":\"2024-05-06\",\"duration\":\"PT2S\",\"contentUrl\":\"" + base
                + "/clip.mp4\",\"author\":{\"@type\":\"Person\",\"name\":\"Some Channel\"}}</script></head><body></body></html>")
                .getBytes(StandardCharsets.UTF_8)));
        site.createContext("/list.html", x -> send(x, 200, "text/html", ("<html><head><title>My list</title></head><body>"
                + "<video src=\"/clip.mp4\"></video><video src=\"/clip.mp4?second\"></video></body></html>").getBytes(StandardCharsets.UTF_8)));
        site.start();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        settings = TestApp.settings(dir.resolve("data"), Map.ofEntries(Map.entry("MEDIAHUB_HTTP_PORT", String.valueOf(port)),
                Map.entry("STORE_BACKUP_ENABLED", "false"), Map.entry("MEDIAHUB_LIBRARY_DIR", dir.resolve("library").toString()),
                Map.entry("JOBS_POLL_INTERVAL", "0.1"), Map.entry("DOWNLOAD_STALL_TIMEOUT", "2"), Map.entry("JOBS_MAX_ATTEMPTS", "1"),
                Map.entry("YTDLP_EXTRA_ARGS", "--retries,1,--socket-timeout,10"), Map.entry("INTAKE_WATCH_INTERVAL", "0.2"),
                Map.entry("INTAKE_SETTLE_TIME", "0.2"), Map.entry("MEDIAHUB_NOTIFY_URL", base + "/hook"), Map.entry("MEDIAHUB_NOTIFY_FORMAT", "json")));
        app = MediahubApplication.create(settings, MediahubApplication.Mode.CONTAINER);
        app.start();
        jobs = app.bean("downloadJobs", JobRepository.class);
        queue = app.bean("downloadQueue", DownloadQueue.class);
    }

    private byte[] jpeg() throws IOException {
        Path f = dir.resolve("work/thumb.jpg");
        if (!Files.exists(f)) {
            try {
                new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", f.toString())
                        .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Files.readAllBytes(f);
    }

    @AfterAll
    void stop() {
        release.countDown();
        if (app != null) {
            app.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    /** Promises the whole clip, sends 5000 bytes, then closes (cut) or holds the connection open until the tests end (stall). */
    private void partial(HttpExchange x, boolean stall) throws IOException {
        x.getResponseHeaders().set("Content-Type", "video/mp4");
        x.sendResponseHeaders(200, clip.length);
        OutputStream out = x.getResponseBody();
        out.write(clip, 0, 5000);
        out.flush();
        if (stall) {
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        x.close();
    }

    private Job finished(long id) {
        await().atMost(Duration.ofSeconds(90)).until(() -> !jobs.byId(id).orElseThrow().active());
        try {
            return jobs.byId(id).orElseThrow();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPageWithAVideoIsFiledWithItsSidecarNfoThumbnailAndMediaRow() throws Exception {
        long id = queue.queue(base + "/watch.html", false, null, null);
        Job j = finished(id);
        assertThat(j.status()).as(String.valueOf(j.errorText())).isEqualTo("completed");
        String rel = "videos/Some Channel/2024-05-06 - Tom & Jerry _Live_ [watch].mp4";
        assertThat(j.target()).isEqualTo(rel);
        assertThat(j.title()).isEqualTo("Tom & Jerry <Live>");
        assertThat(j.progress()).isEqualTo(100.0);
        Path filed = dir.resolve("library").resolve(rel);
        assertThat(Files.size(filed)).isEqualTo(clip.length);
        String nfo = Files.readString(filed.resolveSibling("2024-05-06 - Tom & Jerry _Live_ [watch].nfo"));
        assertThat(nfo).contains("<episodedetails>", "<title>Tom &amp; Jerry &lt;Live&gt;</title>", "<plot>A plot &amp; more</plot>",
                "<aired>2024-05-06</aired>", "<studio>Some Channel</studio>", "<uniqueid type=\"generic\" default=\"true\">watch</uniqueid>");
        assertThat(filed.resolveSibling("2024-05-06 - Tom & Jerry _Live_ [watch]-thumb.jpg")).isNotEmptyFile();
        String sidecar = Files.readString(filed.resolveSibling("2024-05-06 - Tom & Jerry _Live_ [watch].mediahub.json"));
        assertThat(sidecar).contains("\"kind\" : \"video\"", "\"source_url\" : \"" + base + "/watch.html\"", "\"uploader\" : \"Some Channel\"");
        List<Map<String, Object>> rows = TestApp.rows(app.store(), "SELECT kind, title, artist, source_url, status, path FROM media WHERE path = '"
                + rel.replace("'", "''") + "'");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("kind", "video").containsEntry("artist", "Some Channel")
                .containsEntry("source_url", base + "/watch.html").containsEntry("status", "identified");
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks.stream().anyMatch(h -> h.contains("\"job_id\":" + id) && h.contains("completed")));
        assertThat(dir.resolve("data/downloads/job-" + id)).doesNotExist();
    }

    @Test
    void aDirectFileWithoutUploaderIsFiledUnderTheHostWithoutItsPort() throws Exception {
        long id = queue.queue(base + "/clip.mp4", false, null, null);
        Job j = finished(id);
        assertThat(j.status()).as(String.valueOf(j.errorText())).isEqualTo("completed");
        assertThat(j.target()).matches("videos/127\\.0\\.0\\.1/\\d{4}-\\d\\d-\\d\\d - clip \\[clip\\]( \\(\\d+\\))?\\.mp4");
        assertThat(dir.resolve("library").resolve(j.target())).isNotEmptyFile();
    }

    @Test
    void a404FailsWithYtDlpsReason() throws Exception {
        Job j = finished(queue.queue(base + "/missing.mp4", false, null, null));
        assertThat(j.status()).isEqualTo("failed");
        assertThat(j.errorText()).startsWith("yt-dlp:").contains("HTTP Error 404").doesNotContain("please report");
        assertThat(j.target()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks.stream().anyMatch(h -> h.contains("\"job_id\":" + j.jobId()) && h.contains("failed")));
    }

    @Test
    void a429IsARetryableFailureNeverASuccess() throws Exception {
        Job j = finished(queue.queue(base + "/busy.mp4", false, null, null));
        assertThat(j.status()).isEqualTo("failed");
        assertThat(j.errorText()).contains("HTTP Error 429").endsWith("(after 1 attempt)");
        assertThat(j.attempts()).isEqualTo(1);
    }

    @Test
    void aCutTransferIsARetryableFailureAndItsPartialFileStaysForTheRetry() throws Exception {
        Job j = finished(queue.queue(base + "/cut.mp4", false, null, null));
        assertThat(j.status()).isEqualTo("failed");
        assertThat(j.errorText()).startsWith("yt-dlp: [download] Got error: Downloaded 5000 bytes").endsWith("(after 1 attempt)");
        assertThat(TestMedia.files(dir.resolve("library"))).noneMatch(f -> f.contains("cut"));
        assertThat(TestMedia.files(dir.resolve("data/downloads/job-" + j.jobId()))).isNotEmpty();
    }

    @Test
    void aRetryOfACutTransferResumesItsPartialFile() throws Exception {
        Job cut = finished(queue.queue(base + "/flaky.mp4", false, null, null));
        assertThat(cut.status()).as(ranges.toString()).isEqualTo("failed");
        assertThat(cut.errorText()).as("a retryable failure").endsWith("(after 1 attempt)");
        healed.set(true);
        ranges.clear();
        CliRunner cli = new CliRunner();
        assertThat(cli.run(() -> settings, "jobs", "retry", String.valueOf(cut.jobId()))).as(cli.stderr()).isEqualTo(0);
        long retry = Long.parseLong(cli.stdout().split(" ")[1]);
        Job j = finished(retry);
        assertThat(j.status()).as(String.valueOf(j.errorText())).isEqualTo("completed");
        assertThat(j.retryOf()).isEqualTo(cut.jobId());
        // the generic extractor first reads the URL to see what it is; the download itself resumes at byte 5000
        assertThat(ranges).contains("bytes=5000-").doesNotContain("bytes=0-");
        assertThat(Files.readAllBytes(dir.resolve("library").resolve(j.target()))).isEqualTo(clip);
        assertThat(dir.resolve("data/downloads/job-" + cut.jobId())).doesNotExist();
    }

    @Test
    void aStalledTransferIsStoppedAsARetryableFailure() throws Exception {
        Job j = finished(queue.queue(base + "/stall.mp4", false, null, null));
        assertThat(j.status()).isEqualTo("failed");
        assertThat(j.errorText()).startsWith("stalled: nothing downloaded for 2 s").endsWith("(after 1 attempt)");
    }

    @Test
    void cancellingARunningDownloadStopsYtDlpAndRemovesItsPartialOutput() throws Exception {
        long id = queue.queue(base + "/stall.mp4?cancel", false, null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isDirectory(dir.resolve("data/downloads/job-" + id))
                && "running".equals(jobs.byId(id).orElseThrow().status()));
        CliRunner cli = new CliRunner();
        assertThat(cli.run(() -> settings, "jobs", "cancel", String.valueOf(id))).as(cli.stderr()).isEqualTo(0);
        assertThat(cli.stdout()).contains("job " + id + " cancelled; its worker stops the tool and removes the partial output");
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(dir.resolve("data/downloads/job-" + id)));
        assertThat(jobs.byId(id).orElseThrow().status()).isEqualTo("cancelled");
    }

    @Test
    void aPlaylistQueuesOneJobPerEntryAndEachIsDownloaded() throws Exception {
        CliRunner cli = new CliRunner();
        assertThat(cli.run(() -> settings, "download", "--playlist", base + "/list.html")).as(cli.stderr()).isEqualTo(0);
        assertThat(cli.stdout()).contains(base + "/list.html: 2 entries", "(item 1)", "(item 2)");
        List<Long> ids = cli.stdout().lines().filter(l -> l.startsWith("queued download job "))
                .map(l -> Long.parseLong(l.substring("queued download job ".length(), l.indexOf(':')))).toList();
        assertThat(ids).hasSize(2);
        for (long id : ids) {
            Job j = finished(id);
            assertThat(j.status()).as(String.valueOf(j.errorText())).isEqualTo("completed");
            assertThat(j.hints()).contains("\"playlist_item\"");
            assertThat(j.target()).startsWith("videos/127.0.0.1/");
        }
    }

    @Test
    void aUrlFileInTheInboxQueuesItsLinesAndMovesToDone() throws Exception {
        Path urls = dir.resolve("data/inbox/urls");
        Files.createDirectories(urls);
        Files.writeString(urls.resolve(".list.txt.tmp"), "# two videos\n" + base + "/clip.mp4?a\n\nnot a url\n" + base + "/clip.mp4?b\n");
        Files.move(urls.resolve(".list.txt.tmp"), urls.resolve("list.txt"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(urls.resolve(".done/list.txt")));
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.list(true, Duration.ZERO).stream()
                .filter(j -> j.source().endsWith("/clip.mp4?a") || j.source().endsWith("/clip.mp4?b")).count() == 2);
        assertThat(urls.resolve("list.txt")).doesNotExist();
        assertThat(dir.resolve("data/inbox/.failed/urls")).doesNotExist();
    }
}
