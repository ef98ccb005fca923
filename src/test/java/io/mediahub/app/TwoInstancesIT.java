package io.mediahub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahub.testing.MySqlDatabase;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Mediahub containers (the packaged jar) on one fresh MariaDB/MySQL database, one flow scheduled every 3 s:
 * each fire time runs once, on one of them; the one that ran last is killed (SIGKILL) in the middle, and the other
 * keeps the schedule, its runs recorded with its instance id. Needs the MySQL/MariaDB server of {@link MySqlDatabase}.
 */
class TwoInstancesIT {
    private static final Duration PERIOD = Duration.ofSeconds(3);
    private static final Duration LOCK_TTL = Duration.ofSeconds(6);
    /** Quartz finds an instance dead after about two check-ins (a third of the TTL here) plus its fixed 7.5 s. */
    private static final Duration QUARTZ_TAKEOVER = Duration.ofMillis(2 * LOCK_TTL.toMillis() / 3 + 7_500);

    @TempDir
    Path dir;

    @RegisterExtension
    final MySqlDatabase mysql = new MySqlDatabase();

    /** One scheduled run as flow_runs holds it. */
    record Run(long id, String instance, Instant scheduledFor, String status) {
    }

    private List<Run> runs() throws Exception {
        try (Connection c = DriverManager.getConnection(mysql.serverUrl() + mysql.database(), mysql.user(), mysql.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT run_id, instance, scheduled_for, status FROM flow_runs "
                     + "WHERE flow_id = 'features-build-genres' AND trigger_kind = 'schedule' ORDER BY run_id")) {
            List<Run> out = new ArrayList<>();
            while (rs.next()) {
                String at = rs.getString(3);
                out.add(new Run(rs.getLong(1), rs.getString(2), at == null ? null : Instant.parse(at), rs.getString(4)));
            }
            return out;
        }
    }

    private Process start(String instance, Path jar) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path home = dir.resolve(instance);
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("mediahub.log").toFile());
        Map<String, String> env = pb.environment();
        env.clear(); // never the developer's own settings
        env.putAll(mysql.storeEnv());
        Map<String, String> own = new HashMap<>();
        own.put("MEDIAHUB_DATA_DIR", home.resolve("data").toString());
        own.put("MEDIAHUB_LIBRARY_DIR", home.resolve("library").toString());
        own.put("MEDIAHUB_HTTP_PORT", String.valueOf(port));
        own.put("MEDIAHUB_INSTANCE_ID", instance);
        own.put("MEDIAHUB_LOCK_TTL", String.valueOf(LOCK_TTL.toSeconds()));
        own.put("FEATURES_BUILD_GENRES_CRON", "*/" + PERIOD.toSeconds() + " * * * * ?");
        own.put("INTAKE_WATCH_ENABLED", "false");
        own.put("INTAKE_SCAN_LIBRARY_ENABLED", "false");
        own.put("STORE_BACKUP_ENABLED", "false");
        env.putAll(own);
        return pb.start();
    }

    private String log(String instance) throws Exception {
        Path f = dir.resolve(instance).resolve("mediahub.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void eachFireTimeRunsOnceOnOneInstanceAndTheSurvivorKeepsTheScheduleWhenTheOtherIsKilled() throws Exception {
        Path jar = Path.of("target", "mediahub.jar").toAbsolutePath();
        assertThat(jar).exists();
        Map<String, Process> processes = new HashMap<>();
        try {
            processes.put("nas", start("nas", jar));
            processes.put("desktop", start("desktop", jar));

            // Both are up (each has checked in with the clustered scheduler), and the schedule has run a few times.
            // (Start-up is 5-10 s on an idle machine; the bound is for a busy one.)
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                try (Connection c = DriverManager.getConnection(mysql.serverUrl() + mysql.database(), mysql.user(), mysql.password());
                     ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE")) {
                    return rs.next() && rs.getInt(1) == 2 && runs().size() >= 4;
                }
            });
            List<Run> before = runs();
            String victim = before.get(before.size() - 1).instance();
            String survivor = victim.equals("nas") ? "desktop" : "nas";
            Instant killedAt = Instant.now();
            processes.get(victim).destroyForcibly(); // SIGKILL: no shutdown hook, no lock released
            assertThat(processes.get(victim).waitFor(10, TimeUnit.SECONDS)).isTrue();

            // The survivor takes the schedule over and runs it for several more periods.
            Instant settled = killedAt.plus(QUARTZ_TAKEOVER).plus(LOCK_TTL).plus(PERIOD);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> runs().stream().filter(r -> r.scheduledFor().isAfter(settled)).count() >= 4);

            processes.get(survivor).destroy(); // SIGTERM: the survivor stops cleanly
            assertThat(processes.get(survivor).waitFor(60, TimeUnit.SECONDS)).as(log(survivor)).isTrue();

            List<Run> runs = runs();
            String logs = "nas:\n" + log("nas") + "\ndesktop:\n" + log("desktop");
            // Every scheduled run knows its fire time and its instance, and no fire time ran twice.
            assertThat(runs).as(logs).allSatisfy(r -> {
                assertThat(r.scheduledFor()).isNotNull();
                assertThat(r.instance()).isIn("nas", "desktop");
            });
            assertThat(runs.stream().map(Run::scheduledFor).distinct().count()).as("one run per fire time: %s", runs).isEqualTo(runs.size());
            // No fire time was missed, except while the killed instance's lock was left to expire.
            TreeSet<Instant> fired = new TreeSet<>(runs.stream().map(Run::scheduledFor).toList());
            List<Instant> missed = new ArrayList<>();
            for (Instant t = fired.first(); t.isBefore(fired.last()); t = t.plus(PERIOD)) {
                if (!fired.contains(t)) {
                    missed.add(t);
                }
            }
            assertThat(missed).as("fire times without a run (killed at %s): %s", killedAt, runs)
                    .allSatisfy(t -> assertThat(t).isBetween(killedAt.minus(PERIOD), killedAt.plus(LOCK_TTL).plus(PERIOD)));
            // After the kill (and Quartz's take-over) only the survivor runs it; everything it ran finished well.
            assertThat(runs.stream().filter(r -> r.scheduledFor().isAfter(settled)).toList()).as(logs)
                    .isNotEmpty().allSatisfy(r -> {
                        assertThat(r.instance()).isEqualTo(survivor);
                        assertThat(r.status()).isEqualTo("ok");
                    });
            // A run the killed instance left 'running' was marked interrupted once its lock expired; none is left running.
            assertThat(runs).as(logs).noneSatisfy(r -> assertThat(r.status()).isEqualTo("running"));
            assertThat(runs).filteredOn(r -> !r.status().equals("ok")).allSatisfy(r -> {
                assertThat(r.instance()).isEqualTo(victim);
                assertThat(r.status()).isEqualTo("interrupted");
            });
            assertThat(log(survivor)).contains("Mediahub instance " + survivor + " is running");
            System.out.printf("TwoInstancesIT: %d scheduled runs (nas %d, desktop %d), %s killed at %s, fire times without a run: %s%n",
                    runs.size(), runs.stream().filter(r -> r.instance().equals("nas")).count(),
                    runs.stream().filter(r -> r.instance().equals("desktop")).count(), victim, killedAt, missed);
        } finally {
            processes.values().forEach(Process::destroyForcibly);
            for (Process p : processes.values()) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
