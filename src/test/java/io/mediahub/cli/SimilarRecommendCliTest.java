package io.mediahub.cli;

import io.mediahub.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.history.GenreMatrix;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.PlaybackReportingFake.Play;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** similar, recommend and features-build-genres as users call them, after a library and history sync against the fake. */
class SimilarRecommendCliTest {
    static final String ALICE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @TempDir
    Path dir;

    private final CliRunner runner = new CliRunner();
    private final ByteArrayOutputStream out = runner.out;
    private final ByteArrayOutputStream err = runner.err;

    private int cli(Map<String, String> env, String... args) {
        return runner.run(() -> TestApp.settings(dir, env), args);
    }

    @AfterEach
    void reset() {
        MediahubCommand.useSettings(io.mediahub.config.Settings::load);
    }

    @Test
    void similarAndRecommendAnswerFromTheCachedMatrixAndSuggestCloseNames() throws Exception {
        try (FakeMediaServer emby = FakeMediaServer.emby()) {
            emby.setItems(List.of(Items.movie("m1", "Alien", 1979, 7000, "Horror", "Science Fiction"),
                    Items.movie("m2", "Aliens", 1986, 8000, "Action", "Horror", "Science Fiction"),
                    Items.movie("m3", "Heat", 1995, 10_000, "Action", "Crime", "Drama"),
                    Items.movie("m4", "Amélie", 2001, 7000, "Comedy", "Romance"),
                    Items.series("s1", "The Expanse", "Drama", "Science Fiction"),
                    Items.episode("e1", "s1", "The Expanse", 1, 1, 2700), Items.episode("e2", "s1", "The Expanse", 1, 2, 2700),
                    Items.episode("e3", "s1", "The Expanse", 1, 3, 2700)));
            emby.playbackReporting().add(new Play("2025-01-10 21:00:00", ALICE, "m1", "Movie", "Alien", 6900),
                    new Play("2025-01-11 21:00:00", ALICE, "e1", "Episode", "The Expanse - s01e01 - Dulcinea", 2700),
                    new Play("2025-01-12 21:00:00", ALICE, "m4", "Movie", "Amélie", 30));
            Map<String, String> env = Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_SERVER_TIMEZONE", "UTC");
            assertThat(cli(env, "run", "emby-sync-library")).isZero();
            assertThat(cli(env, "run", "emby-sync-history")).isZero();
            assertThat(cli(env, "run", "features-build-genres")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("matrix_rebuilt 1");
            assertThat(Files.exists(dir.resolve("cache").resolve(GenreMatrix.FILE_NAME))).isTrue();
            assertThat(cli(env, "run", "features-build-genres")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("matrix_unchanged 1");

            assertThat(cli(env, "similar", "alien", "-k", "2")).isZero();
            String table = out.toString(StandardCharsets.UTF_8);
            assertThat(table).contains("Similar to Alien (Movie, 1979; m1)");
            assertThat(table.lines().filter(l -> l.matches("^\\d .*")).toList()).hasSize(2);
            assertThat(table.lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow()).contains("Aliens");

            assertThat(cli(env, "similar", "m3", "--json")).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(json.path("item").path("name").asText()).isEqualTo("Heat");
            assertThat(json.path("results").get(0).path("name").asText()).isEqualTo("The Expanse"); // 1/√6 beats Aliens 1/3

            assertThat(cli(env, "similar", "Alein")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("No item called 'Alein'. Did you mean: Alien");

            assertThat(cli(env, "recommend", "alice", "--json")).isZero();
            JsonNode rec = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(rec.path("user").path("user_id").asText()).isEqualTo(ALICE);
            List<String> titles = new java.util.ArrayList<>();
            rec.path("because_you_watched").forEach(n -> titles.add(n.path("name").asText()));
            assertThat(rec.path("because_you_watched").get(0).path("name").asText()).isEqualTo("Aliens");
            assertThat(rec.path("because_you_watched").get(0).path("closest_watched").get(0).path("name").asText()).isEqualTo("Alien");
            assertThat(titles).doesNotContain("Alien", "The Expanse", "Amélie");
            assertThat(rec.path("catch_up").get(0).path("name").asText()).isEqualTo("The Expanse");
            assertThat(rec.path("catch_up").get(0).path("next").findValuesAsText("item_id")).containsExactly("e2", "e3");

            assertThat(cli(env, "recommend", "alice")).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Because you watched").contains("Catch up");

            assertThat(cli(env, "recommend", "alcie")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("No user called 'alcie'. Did you mean: alice");
        }
    }
}
