package io.mediahub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.config.Settings;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobRepository;
import io.mediahub.store.Store;
import io.mediahub.testing.CliRunner;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs}, {@code jobs cancel}, {@code jobs retry} and {@code download} on a real store. */
class JobsCommandTest {
    @TempDir
    Path dir;

    private Settings settings() {
        return TestApp.settings(dir, Map.of());
    }

    private <T> T withJobs(Work<T> work) throws Exception {
        try (Store store = Store.open(settings())) {
            return work.on(new JobRepository(store, Clock.systemUTC()));
        }
    }

    interface Work<T> {
        T on(JobRepository jobs) throws Exception;
    }

    @Test
    void listsNewestFirstWithAProgressBarSpeedAndEtaForRunningJobs() throws Exception {
        CliRunner cli = new CliRunner();
        assertThat(cli.run(this::settings, "jobs")).isEqualTo(0);
        assertThat(cli.stdout()).isEqualTo("No jobs.\n");
        long running = withJobs(j -> {
            long done = j.queue(new Job.NewJob("download", "Old one", "https://a.org/1", null, "{}", null));
            j.claim("download");
            j.complete(done, "videos/a.mp4");
            long id = j.queue(new Job.NewJob("download", null, "https://a.org/2", null, "{}", null));
            j.claim("download");
            j.progress(id, "downloading", 45.0, "1.2 MiB/s", 95L);
            return id;
        });
        assertThat(cli.run(this::settings, "jobs")).isEqualTo(0);
        String[] lines = cli.stdout().split("\n");
        assertThat(lines[0]).startsWith("ID").contains("KIND", "STATUS", "PROGRESS", "TITLE", "DETAIL");
        assertThat(lines[1]).startsWith(String.valueOf(running)).contains("running (downloading)", "[#########-----------] 45.0% 1.2 MiB/s ETA 1:35",
                "https://a.org/2");
        assertThat(lines[2]).contains("completed", "Old one", "videos/a.mp4");
    }

    @Test
    void jsonHasEveryColumnAndTheHintsAsAnObject() throws Exception {
        withJobs(j -> j.queue(new Job.NewJob("rip", "The Matrix", "/media/THE_MATRIX", "dvd", "{\"runtime\":136}", null)));
        CliRunner cli = new CliRunner();
        assertThat(cli.run(this::settings, "jobs", "--json", "--all")).isEqualTo(0);
        JsonNode a = new ObjectMapper().readTree(cli.stdout());
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("kind").asText()).isEqualTo("rip");
        assertThat(a.get(0).get("disc_type").asText()).isEqualTo("dvd");
        assertThat(a.get(0).get("hints").get("runtime").asInt()).isEqualTo(136);
        assertThat(a.get(0).has("retry_of")).isTrue();
        assertThat(a.get(0).get("status").asText()).isEqualTo("queued");
    }

    @Test
    void cancelAndRetry() throws Exception {
        long id = withJobs(j -> j.queue(new Job.NewJob("download", null, "https://a.org/1", null, "{\"audio_only\":true}", null)));
        CliRunner cli = new CliRunner();
        assertThat(cli.run(this::settings, "jobs", "retry", String.valueOf(id))).isEqualTo(1);
        assertThat(cli.stderr()).contains("jobs: job " + id + " is queued; only a failed or cancelled job can be retried");
        assertThat(cli.run(this::settings, "jobs", "cancel", String.valueOf(id))).isEqualTo(0);
        assertThat(cli.stdout()).isEqualTo("job " + id + " cancelled\n");
        assertThat(cli.run(this::settings, "jobs", "cancel", String.valueOf(id))).isEqualTo(1);
        assertThat(cli.stderr()).contains("job " + id + " is cancelled; only a queued or running job can be cancelled");
        assertThat(cli.run(this::settings, "jobs", "retry", String.valueOf(id))).isEqualTo(0);
        long fresh = Long.parseLong(cli.stdout().split(" ")[1]);
        assertThat(cli.stdout()).isEqualTo("job " + fresh + " queued (retry of job " + id + ")\n");
        Job r = withJobs(j -> j.byId(fresh).orElseThrow());
        assertThat(r.retryOf()).isEqualTo(id);
        assertThat(r.hints()).isEqualTo("{\"audio_only\":true}");
        assertThat(cli.run(this::settings, "jobs", "cancel", "999")).isEqualTo(1);
        assertThat(cli.stderr()).contains("jobs: there is no job 999");
    }

    @Test
    void watchOutsideATerminalPrintsALinePerJobAndEndsWhenNothingIsActive() throws Exception {
        withJobs(j -> {
            long id = j.queue(new Job.NewJob("download", "Clip", "https://a.org/1", null, "{}", null));
            j.claim("download");
            j.failed(id, "yt-dlp: HTTP Error 404: Not Found", false, 3);
            return id;
        });
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Store store = Store.open(settings())) {
            assertThat(JobsCommand.watch(new JobRepository(store, Clock.systemUTC()), new PrintStream(buf, true, StandardCharsets.UTF_8), false)).isEqualTo(0);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).matches("job \\d+ download failed — Clip — yt-dlp: HTTP Error 404: Not Found\n");
    }

    @Test
    void downloadQueuesOneJobPerUrlAndRefusesWhatIsNotAnHttpUrl() throws Exception {
        CliRunner cli = new CliRunner();
        assertThat(cli.run(this::settings, "download", "--audio-only", "https://a.org/v?x=1", "file:///etc/passwd")).isEqualTo(1);
        assertThat(cli.stdout()).matches("queued download job \\d+: https://a.org/v\\?x=1\n");
        assertThat(cli.stderr()).contains("download: 'file:///etc/passwd' is not an http or https URL; not queued");
        Job j = withJobs(r -> r.list(true, java.time.Duration.ZERO).get(0));
        assertThat(j.kind()).isEqualTo("download");
        assertThat(j.source()).isEqualTo("https://a.org/v?x=1");
        assertThat(j.hints()).isEqualTo("{\"audio_only\":true}");
    }

    @Test
    void progressCells() {
        Job running = new Job(1, "download", "running", "downloading", null, null, null, null, "u", null, null, null, 0, null, "t", null, null, null);
        assertThat(JobLines.progress(running)).isEmpty();
        assertThat(JobLines.duration(3723)).isEqualTo("1:02:03");
        Job requeued = new Job(1, "download", "queued", null, null, null, null, "T", "u", null, null, null, 1, "HTTP Error 429", "t", null, null, null);
        assertThat(JobLines.detail(requeued)).isEqualTo("attempt 1 failed: HTTP Error 429");
    }
}
