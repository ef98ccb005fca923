package io.mediahub.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.config.Settings;
import io.mediahub.store.Store;
import io.mediahub.testing.HoldFlowLock;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on a real store, with a flow the test controls. */
class FlowRunnerTest {
    @TempDir
    Path dir;

    private static final FlowDefinition SLOW = new FlowDefinition("test-run-slow", "a flow the test holds open", List.of(), "store.backup-cron");

    @Test
    void aFlowNeverRunsTwiceAtOnceTheSecondTriggerIsSkippedAndRecorded() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        try (Store store = Store.open(settings)) {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            FlowInvoker invoker = (endpoint, request) -> {
                entered.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new FlowResult().read(1).written(1);
            };
            FlowRunRepository runs = new FlowRunRepository(store, new ObjectMapper());
            FlowRunner runner = new FlowRunner(new FlowCatalog(settings, List.of(SLOW)), runs, invoker,
                    new RunNotifier(settings, new ObjectMapper()), FlowMetrics.NONE, dir.resolve("locks"), Clock.systemUTC());

            CompletableFuture<FlowOutcome> first = CompletableFuture.supplyAsync(() -> runner.run(SLOW.id(), "schedule", Map.of()));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            FlowOutcome second = runner.run(SLOW.id(), "schedule", Map.of());
            release.countDown();

            assertThat(second.status()).isEqualTo(FlowOutcome.Status.SKIPPED);
            assertThat(second.error()).contains("already running");
            assertThat(first.get(30, TimeUnit.SECONDS).ok()).isTrue();
            assertThat(runs.recent(SLOW.id(), 10)).hasSize(1).first().satisfies(r -> {
                assertThat(r.status()).isEqualTo("ok");
                assertThat(r.written()).isEqualTo(1);
                assertThat(r.finishedAt()).isNotNull();
            });
            // The lock is released: the next run goes ahead.
            assertThat(runner.run(SLOW.id(), "cli", Map.of()).ok()).isTrue();
        }
    }

    @Test
    void aFlowStoppedByShutdownIsRecordedAsInterruptedAndRunsLeftRunningAreTidied() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        try (Store store = Store.open(settings)) {
            FlowRunRepository runs = new FlowRunRepository(store, new ObjectMapper());
            FlowRunner[] holder = new FlowRunner[1];
            FlowInvoker invoker = (endpoint, request) -> {
                holder[0].requestStop();
                request.checkNotStopping();
                return new FlowResult();
            };
            holder[0] = new FlowRunner(new FlowCatalog(settings, List.of(SLOW)), runs, invoker, new RunNotifier(settings, new ObjectMapper()),
                    FlowMetrics.NONE, dir.resolve("locks"), Clock.systemUTC());

            FlowOutcome o = holder[0].run(SLOW.id(), "cli", Map.of());

            assertThat(o.status()).isEqualTo(FlowOutcome.Status.INTERRUPTED);
            assertThat(runs.last(SLOW.id()).orElseThrow().status()).isEqualTo("interrupted");

            long dangling = runs.start(SLOW.id(), "schedule", java.time.Instant.now());
            assertThat(holder[0].tidyAbandonedRuns()).isEqualTo(1);
            assertThat(runs.recent(SLOW.id(), 5)).filteredOn(r -> r.runId() == dangling).first()
                    .satisfies(r -> assertThat(r.status()).isEqualTo("interrupted"));
        }
    }

    @Test
    void workThatMustNotOverlapAFlowRunsOnlyWhileNoRunHoldsItsLockAndKeepsRunsOutMeanwhile() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        try (Store store = Store.open(settings)) {
            FlowRunRepository runs = new FlowRunRepository(store, new ObjectMapper());
            FlowRunner runner = new FlowRunner(new FlowCatalog(settings, List.of(SLOW)), runs, (endpoint, request) -> new FlowResult().read(1),
                    new RunNotifier(settings, new ObjectMapper()), FlowMetrics.NONE, dir.resolve("locks"), Clock.systemUTC());

            // While the work holds the lock, a run of the flow is skipped (and says so).
            FlowOutcome during = runner.exclusively(SLOW.id(), () -> runner.run(SLOW.id(), "schedule", Map.of()));
            assertThat(during.status()).isEqualTo(FlowOutcome.Status.SKIPPED);
            assertThat(runs.recent(SLOW.id(), 10)).isEmpty();

            // Nested: the work cannot start while the flow's lock is held in this process.
            assertThatThrownBy(() -> runner.exclusively(SLOW.id(), () -> runner.exclusively(SLOW.id(), () -> "inner")))
                    .isInstanceOf(FlowRunner.FlowBusyException.class).hasMessage(SLOW.id() + " is running in this process; try again when it has finished");

            // Another process (a second JVM) holding the flow's lock in the store keeps the work and the runs out.
            Process other = HoldFlowLock.start(dir, SLOW.id());
            try {
                assertThatThrownBy(() -> runner.exclusively(SLOW.id(), () -> "work"))
                        .isInstanceOf(FlowRunner.FlowBusyException.class)
                        .hasMessage(SLOW.id() + " is running in another Mediahub process; try again when it has finished");
                FlowOutcome elsewhere = runner.run(SLOW.id(), "schedule", Map.of());
                assertThat(elsewhere.status()).isEqualTo(FlowOutcome.Status.SKIPPED);
                assertThat(elsewhere.error()).isEqualTo(SLOW.id() + " is already running in another Mediahub process");
            } finally {
                other.getOutputStream().close();
                assertThat(other.waitFor(30, TimeUnit.SECONDS)).as("the lock holder exits when its input closes").isTrue();
            }

            // Released: the work runs and returns its value, and the flow runs again.
            assertThat(runner.exclusively(SLOW.id(), () -> "done")).isEqualTo("done");
            assertThat(runner.run(SLOW.id(), "cli", Map.of()).ok()).isTrue();
        }
    }

    private FlowRunner runner(Settings settings, Store store, FlowRunRepository runs, FlowInvoker invoker, FlowLocks locks, Clock clock) {
        return new FlowRunner(new FlowCatalog(settings, List.of(SLOW)), runs, invoker, new RunNotifier(settings, new ObjectMapper()),
                FlowMetrics.NONE, locks, clock);
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-02T03:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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
    }

    @Test
    void anotherInstancesLiveLockSkipsTheRunWithExitThreesMessageAndEachRunRecordsItsInstance() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        try (Store store = Store.open(settings);
             FlowLocks nas = new FlowLocks(store, "nas", Duration.ofSeconds(60), Clock.systemUTC());
             FlowLocks desktop = new FlowLocks(store, "desktop", Duration.ofSeconds(60), Clock.systemUTC())) {
            FlowRunRepository runs = new FlowRunRepository(store, new ObjectMapper());
            FlowRunner onDesktop = runner(settings, store, runs, (e, r) -> new FlowResult().read(1), desktop, Clock.systemUTC());
            try (FlowLocks.Held held = nas.tryTake(SLOW.id()).orElseThrow()) {
                assertThat(nas.holder(SLOW.id())).contains("nas");
                FlowOutcome skipped = onDesktop.run(SLOW.id(), "cli", Map.of());
                assertThat(skipped.status()).isEqualTo(FlowOutcome.Status.SKIPPED);
                assertThat(skipped.error()).isEqualTo(SLOW.id() + " is already running in another Mediahub process");
                // The nas's run in progress is not tidied away by the desktop.
                runs.start(SLOW.id(), "schedule", Instant.now(), "nas", null);
                assertThat(onDesktop.tidyAbandonedRuns()).isZero();
            }
            // Released: the desktop runs it, and says so in flow_runs.
            assertThat(onDesktop.run(SLOW.id(), "cli", Map.of()).ok()).isTrue();
            assertThat(runs.last(SLOW.id()).orElseThrow().instance()).isEqualTo("desktop");
            assertThat(nas.holder(SLOW.id())).isEmpty();
        }
    }

    @Test
    void aLockWhoseHolderStoppedRenewingItExpiresAndAnotherInstanceTakesItOverMarkingTheDeadRunInterrupted() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        TestClock clock = new TestClock();
        try (Store store = Store.open(settings);
             FlowLocks dead = new FlowLocks(store, "dead", Duration.ofSeconds(60), clock);
             FlowLocks alive = new FlowLocks(store, "alive", Duration.ofSeconds(60), clock)) {
            FlowRunRepository runs = new FlowRunRepository(store, new ObjectMapper());
            FlowRunner onAlive = runner(settings, store, runs, (e, r) -> new FlowResult().written(2), alive, clock);
            // The dead instance took the lock and started a run, then was killed (its lock is never released or renewed).
            assertThat(dead.tryTake(SLOW.id())).isPresent();
            dead.close();
            long deadRun = runs.start(SLOW.id(), "schedule", clock.instant(), "dead", null);

            clock.now = clock.now.plusSeconds(59);
            assertThat(onAlive.run(SLOW.id(), "schedule", Map.of()).status()).as("still within the TTL").isEqualTo(FlowOutcome.Status.SKIPPED);
            assertThat(onAlive.tidyAbandonedRuns()).isZero();
            assertThat(runs.recent(SLOW.id(), 5)).filteredOn(r -> r.runId() == deadRun).first()
                    .satisfies(r -> assertThat(r.status()).isEqualTo("running"));

            clock.now = clock.now.plusSeconds(2);
            FlowOutcome taken = onAlive.run(SLOW.id(), "schedule", Map.of());
            assertThat(taken.ok()).isTrue();
            assertThat(runs.recent(SLOW.id(), 5)).filteredOn(r -> r.runId() == deadRun).first().satisfies(r -> {
                assertThat(r.status()).isEqualTo("interrupted");
                assertThat(r.instance()).isEqualTo("dead");
            });
            assertThat(runs.last(SLOW.id()).orElseThrow()).satisfies(r -> {
                assertThat(r.status()).isEqualTo("ok");
                assertThat(r.instance()).isEqualTo("alive");
            });
        }
    }

    @Test
    void aHeldLockIsRenewedByItsHeartbeatSoItNeverExpiresWhileTheFlowRuns() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        try (Store store = Store.open(settings);
             FlowLocks holder = new FlowLocks(store, "holder", Duration.ofMillis(900), Clock.systemUTC());
             FlowLocks other = new FlowLocks(store, "other", Duration.ofMillis(900), Clock.systemUTC())) {
            assertThat(holder.heartbeatInterval()).isEqualTo(Duration.ofMillis(300));
            try (FlowLocks.Held held = holder.tryTake(SLOW.id()).orElseThrow()) {
                String first = expiresAt(store);
                // Renewed several times over: the expiry moves on and the other instance never gets the lock.
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    assertThat(other.tryTake(SLOW.id())).isEmpty();
                    return expiresAt(store).compareTo(first) > 0 && Instant.parse(expiresAt(store)).isAfter(Instant.parse(first).plusMillis(900));
                });
            }
            assertThat(other.tryTake(SLOW.id())).as("released").isPresent();
        }
    }

    private static String expiresAt(Store store) throws Exception {
        try (var c = store.connection(); var rs = c.createStatement().executeQuery("SELECT expires_at FROM flow_locks")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
