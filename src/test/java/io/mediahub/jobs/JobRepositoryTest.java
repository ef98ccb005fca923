package io.mediahub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.store.Store;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRepositoryTest {
    @TempDir
    Path dir;
    private Store store;
    private JobRepository jobs;

    @BeforeEach
    void open() {
        store = Store.open(TestApp.settings(dir, Map.of()));
        jobs = new JobRepository(store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long queue(String source) throws Exception {
        return jobs.queue(new Job.NewJob("download", null, source, null, "{\"audio_only\":true}", null));
    }

    @Test
    void twoWorkersRacingForOneJobNeverBothTakeIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                long id = queue("https://example.org/" + round);
                CyclicBarrier together = new CyclicBarrier(2);
                // two repositories, as two processes would have
                JobRepository other = new JobRepository(store, Clock.systemUTC());
                List<Future<Optional<Job>>> claims = new ArrayList<>();
                for (JobRepository r : List.of(jobs, other)) {
                    claims.add(pool.submit(() -> {
                        together.await();
                        return r.claim("download");
                    }));
                }
                int won = 0;
                for (Future<Optional<Job>> f : claims) {
                    Optional<Job> j = f.get();
                    if (j.isPresent()) {
                        won++;
                        assertThat(j.get().jobId()).isEqualTo(id);
                        assertThat(j.get().status()).isEqualTo("running");
                    }
                }
                assertThat(won).as("round " + round).isEqualTo(1);
                jobs.complete(id, "videos/x.mp4");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimTakesTheOldestQueuedJobOfItsKindOnly() throws Exception {
        jobs.queue(new Job.NewJob("rip", null, "/media/DVD", "dvd", "{}", null));
        long first = queue("https://example.org/1");
        queue("https://example.org/2");
        assertThat(jobs.claim("download").orElseThrow().jobId()).isEqualTo(first);
        assertThat(jobs.claim("podcast-episode")).isEmpty();
    }

    @Test
    void jobsLeftRunningGoBackToTheQueueWithAnAttemptCountedAndFailOnceOutOfAttempts() throws Exception {
        long id = queue("https://example.org/a");
        jobs.claim("download");
        assertThat(jobs.recoverAbandoned(List.of("download"), 2)).isEqualTo(1);
        Job j = jobs.byId(id).orElseThrow();
        assertThat(j.status()).isEqualTo("queued");
        assertThat(j.attempts()).isEqualTo(1);
        assertThat(j.errorText()).isEqualTo("interrupted: the process running it ended");
        jobs.claim("download");
        jobs.recoverAbandoned(List.of("download"), 2);
        j = jobs.byId(id).orElseThrow();
        assertThat(j.status()).isEqualTo("failed");
        assertThat(j.attempts()).isEqualTo(2);
        assertThat(j.errorText()).isEqualTo("interrupted 2 times: the process running it ended each time");
        assertThat(j.finishedAt()).isNotNull();
    }

    @Test
    void aRetryableFailureIsQueuedAgainUntilTheAttemptsAreUsed() throws Exception {
        long id = queue("https://example.org/a");
        jobs.claim("download");
        assertThat(jobs.failed(id, "HTTP Error 429", true, 2).orElseThrow().status()).isEqualTo("queued");
        jobs.claim("download");
        Job j = jobs.failed(id, "HTTP Error 429", true, 2).orElseThrow();
        assertThat(j.status()).isEqualTo("failed");
        assertThat(j.errorText()).isEqualTo("HTTP Error 429 (after 2 attempts)");
        long other = queue("https://example.org/b");
        jobs.claim("download");
        assertThat(jobs.failed(other, "HTTP Error 404", false, 5).orElseThrow().errorText()).isEqualTo("HTTP Error 404");
    }

    @Test
    void aCancelledJobStaysCancelledWhateverItsWorkerReportsAfter() throws Exception {
        long id = queue("https://example.org/a");
        jobs.claim("download");
        assertThat(jobs.cancel(id).orElseThrow().status()).isEqualTo("cancelled");
        jobs.progress(id, "downloading", 50.0, "1 MiB/s", 3L);
        assertThat(jobs.complete(id, "videos/x.mp4")).isFalse();
        jobs.failed(id, "boom", false, 3);
        assertThat(jobs.byId(id).orElseThrow().status()).isEqualTo("cancelled");
        assertThat(jobs.byId(id).orElseThrow().progress()).isNull();
    }

    @Test
    void aRetryIsANewJobWithEverythingTheFirstHad() throws Exception {
        long id = jobs.queue(new Job.NewJob("rip", "The Matrix", "/media/THE_MATRIX", "bluray", "{\"runtime\":136}", null));
        jobs.claim("rip");
        jobs.failed(id, "HandBrakeCLI exit 3", false, 3);
        long fresh = jobs.retry(jobs.byId(id).orElseThrow());
        Job r = jobs.byId(fresh).orElseThrow();
        assertThat(r.status()).isEqualTo("queued");
        assertThat(r.retryOf()).isEqualTo(id);
        assertThat(r).extracting(Job::kind, Job::title, Job::source, Job::discType, Job::hints, Job::attempts)
                .containsExactly("rip", "The Matrix", "/media/THE_MATRIX", "bluray", "{\"runtime\":136}", 0);
    }

    @Test
    void theListIsNewestFirstAndWithoutAllLeavesOutOldFinishedJobs() throws Exception {
        long a = queue("https://example.org/a");
        long b = queue("https://example.org/b");
        jobs.claim("download");
        jobs.complete(a, "videos/a.mp4");
        assertThat(jobs.list(true, Duration.ZERO)).extracting(Job::jobId).containsExactly(b, a);
        assertThat(jobs.list(false, Duration.ofHours(1))).extracting(Job::jobId).containsExactly(b, a);
        assertThat(jobs.list(false, Duration.ofHours(-1))).extracting(Job::jobId).containsExactly(b);
    }
}
