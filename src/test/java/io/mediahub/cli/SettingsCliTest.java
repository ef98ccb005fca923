package io.mediahub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowRunRepository;
import io.mediahub.store.Store;
import io.mediahub.testing.CliRunner;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings are checked as the process starts: what each verb does with a value it cannot use or a name it does not know. */
class SettingsCliTest {
    @TempDir
    Path dir;

    private final CliRunner runner = new CliRunner();

    private int cli(Map<String, String> env, String... args) {
        return runner.run(() -> TestApp.settings(dir, env), args);
    }

    private List<String> errorLines() {
        return runner.stderr().lines().filter(l -> l.startsWith("mediahub: ")).toList();
    }

    @Test
    void aMalformedValueStopsTheContainerAndEveryVerbWithOneLineAndExit2() {
        Map<String, String> env = Map.of("EMBY_PAGE_SIZE", "lots", "MEDIAHUB_HTTP_PORT", "0");
        for (String[] args : new String[][] {{}, {"run", "store-backup-database"}, {"backup"}, {"arr", "report"}, {"recommend", "alice"}, {"similar", "Alien"}, {"identify", "x.mkv"}}) {
            assertThat(cli(env, args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(errorLines()).as(String.join(" ", args)).containsExactly("mediahub: EMBY_PAGE_SIZE must be a whole number of at least 1, not 'lots'");
        }
        // Nothing ran: no flow_runs row, no backup.
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aBadScheduleStopsTheContainerButFlowsShowsTheFlowAsMisconfigured() {
        Map<String, String> env = Map.of("EMBY_SYNC_LIBRARY_CRON", "every day", "EMBY_URL", "http://127.0.0.1:9", "EMBY_API_KEY", "k",
                "MEDIAHUB_HTTP_PORT", "0");
        assertThat(cli(env)).isEqualTo(2);
        assertThat(errorLines()).singleElement().asString().startsWith("mediahub: EMBY_SYNC_LIBRARY_CRON must be a schedule: Quartz cron")
                .endsWith("not 'every day'");

        assertThat(cli(env, "flows")).isZero();
        String row = runner.stdout().lines().filter(l -> l.startsWith("emby-sync-library")).findFirst().orElseThrow();
        assertThat(row).contains("misconfigured: EMBY_SYNC_LIBRARY_CRON is not a cron expression").doesNotContain(" yes ");
        assertThat(runner.stdout().lines().filter(l -> l.startsWith("tmdb-sync-genres")).findFirst().orElseThrow()).doesNotContain("misconfigured");
        assertThat(errorLines()).singleElement().asString().startsWith("mediahub: EMBY_SYNC_LIBRARY_CRON must be a schedule");
    }

    @Test
    void anUnknownScheduleZoneStopsTheContainer() {
        Map<String, String> env = Map.of("MEDIAHUB_SCHEDULE_TIMEZONE", "Mars/Olympus&trigger.misfireInstruction=2", "MEDIAHUB_HTTP_PORT", "0");
        assertThat(cli(env)).isEqualTo(2);
        assertThat(errorLines()).containsExactly("mediahub: MEDIAHUB_SCHEDULE_TIMEZONE must be a time zone such as Europe/Paris, UTC or +02:00, "
                + "not 'Mars/Olympus&trigger.misfireInstruction=2'");
        assertThat(cli(env, "flows")).isZero();
        assertThat(runner.stdout().lines().filter(l -> l.startsWith("store-backup-database")).findFirst().orElseThrow())
                .contains("misconfigured: MEDIAHUB_SCHEDULE_TIMEZONE is not a time zone");
    }

    @Test
    void aVariableThatIsNoSettingIsWarnedAboutWithTheClosestOne() {
        assertThat(cli(Map.of("EMBY_APIKEY", "k", "RADARR_4K_URL", "http://radarr4k:7878", "RADARR_4K_API_KEY", "k"), "flows")).isZero();
        assertThat(runner.stderr()).contains("EMBY_APIKEY is not a Mediahub setting; did you mean EMBY_API_KEY?")
                .doesNotContain("RADARR_4K");
    }

    @Test
    void flowsKeepsItsColumnsAlignedAndItsTimesCarryTheirZone() throws Exception {
        String longError = "store-backup-database failed: " + "a very long reason that goes on and on ".repeat(8) + "東京の長い名前";
        try (Store store = Store.open(TestApp.settings(dir, Map.of()))) {
            FlowRunRepository runs = new FlowRunRepository(store, new com.fasterxml.jackson.databind.ObjectMapper());
            long id = runs.start("store-backup-database", "cli", Instant.parse("2026-12-02T03:10:04Z"));
            runs.finish(id, "failed", Instant.parse("2026-12-02T03:10:05Z"), 1000, null, longError);
        }
        assertThat(cli(Map.of("MEDIAHUB_SCHEDULE_TIMEZONE", "UTC"), "flows")).isZero();
        List<String> lines = runner.stdout().lines().toList();
        String header = lines.get(0);
        String row = lines.stream().filter(l -> l.startsWith("store-backup-database")).findFirst().orElseThrow();
        assertThat(row).contains("2026-12-02 03:10:04 UTC").contains("…").doesNotContain("東京の長い名前");
        // Every column starts where its header does, however long the message (a CJK character takes two columns).
        assertThat(TextTable.width(row.substring(0, row.indexOf("1.0 s")))).isEqualTo(header.indexOf("DURATION"));
        assertThat(TextTable.width(row.substring(0, row.lastIndexOf(' ') + 1))).isEqualTo(header.indexOf("ROWS"));
        assertThat(TextTable.width(row.substring(0, row.indexOf("failed: ")))).isEqualTo(header.indexOf("OUTCOME"));
        // The full text stays in flow_runs.
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mediahub.db"));
             PreparedStatement ps = c.prepareStatement("SELECT error_text FROM flow_runs")) {
            var rs = ps.executeQuery();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(longError);
        }
        assertThat(cli(Map.of("MEDIAHUB_SCHEDULE_TIMEZONE", "Europe/Paris"), "flows")).isZero();
        assertThat(runner.stdout()).contains("2026-12-02 04:10:04 +01:00");
        assertThat(FlowsCommand.time(Instant.parse("2026-07-01T00:00:00Z"), ZoneId.of("America/New_York"))).isEqualTo("2026-06-30 20:00:00 -04:00");
    }

    @Test
    void cutCellsNeverSplitACodePointAndCountWideCharactersTwice() {
        assertThat(TextTable.cut("abcdef", 4)).isEqualTo("abc…");
        assertThat(TextTable.cut("東京東京", 5)).isEqualTo("東京…");
        assertThat(TextTable.cut("a😀😀😀", 4)).isEqualTo("a😀…");
        assertThat(TextTable.cut("ab😀😀", 4)).isEqualTo("ab…");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextTable.print(List.of(new String[] {"A", "B", "C"}, new String[] {"東京", "line\nbreak", "x"}), 60, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly("A     B           C", "東京  line break  x");
    }
}
