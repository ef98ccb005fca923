package io.mediahub.tmdb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.mediahub.common.GenreIds;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.Fixtures;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tmdb-sync-genres against a fake TMDb serving the project's TMDb fixtures, and its interplay with the library sync. */
class TmdbGenreSyncTest {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.test-token";

    @TempDir
    Path dir;

    private WireMockServer tmdb;
    private FakeMediaServer emby;
    private TestApp app;

    @BeforeEach
    void fakeTmdb() throws Exception {
        tmdb = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        tmdb.start();
        tmdb.stubFor(get(urlPathEqualTo("/3/genre/movie/list")).atPriority(1).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Fixtures.text("tmdb/genre-movie-list.en.json"))));
        tmdb.stubFor(get(urlPathEqualTo("/3/genre/tv/list")).atPriority(1).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Fixtures.text("tmdb/genre-tv-list.en.json"))));
        tmdb.stubFor(get(urlPathEqualTo("/3/genre/movie/list")).atPriority(5)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.text("tmdb/authentication.401.json"))));
        tmdb.stubFor(get(urlPathEqualTo("/3/genre/tv/list")).atPriority(5).willReturn(aResponse().withStatus(401)));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (emby != null) {
            emby.close();
        }
        tmdb.stop();
    }

    private Map<String, String> env() {
        return Map.of("TMDB_READ_ACCESS_TOKEN", TOKEN, "TMDB_API_URL", "http://127.0.0.1:" + tmdb.port() + "/3",
                "EMBY_URL", emby == null ? "" : emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY);
    }

    @Test
    void storesBothGenreListsAndIsIdempotent() throws Exception {
        app = TestApp.start(dir, env());

        FlowOutcome o = app.run("tmdb-sync-genres");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM tmdb_genres WHERE media_type = 'movie'")).isEqualTo(19);
        assertThat(app.count("SELECT COUNT(*) FROM tmdb_genres WHERE media_type = 'tv'")).isGreaterThan(10);
        assertThat(app.rows("SELECT name FROM tmdb_genres WHERE genre_id = 878 AND media_type = 'movie'").get(0)).containsEntry("name", "Science Fiction");

        FlowOutcome again = app.run("tmdb-sync-genres");
        assertThat(again.result().written()).isZero();
        assertThat(again.result().deleted()).isZero();
    }

    @Test
    void aLibrarySyncedBeforeTmdbIsRepointedToTmdbIdsAndLaterSyncsUseThemDirectly() throws Exception {
        emby = FakeMediaServer.emby();
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> items = new java.util.ArrayList<>(Items.library(10, 3, 2));
        items.add(Items.movie("999", "Suspiria", 1977, 5880, "Horror", "Giallo"));
        emby.setItems(items);
        app = TestApp.start(dir, env());
        assertThat(app.run("emby-sync-library").ok()).isTrue();
        // Before TMDb: every genre has its stable (negative) id.
        assertThat(app.count("SELECT COUNT(*) FROM item_genres WHERE genre_id > 0")).isZero();
        assertThat(app.rows("SELECT DISTINCT genre_id FROM item_genres WHERE genre_name = 'Drama'")).extracting(r -> ((Number) r.get("genre_id")).longValue())
                .containsExactly(GenreIds.stableId("Drama"));

        FlowOutcome genres = app.run("tmdb-sync-genres");

        assertThat(genres.ok()).as(String.valueOf(genres.error())).isTrue();
        assertThat(genres.result().counter("genres_repointed")).isPositive();
        assertThat(app.rows("SELECT DISTINCT genre_id FROM item_genres WHERE genre_name = 'Drama'")).extracting(r -> ((Number) r.get("genre_id")).longValue())
                .containsExactly(18L);
        assertThat(app.rows("SELECT DISTINCT genre_id FROM item_genres WHERE genre_name = 'Science Fiction'"))
                .extracting(r -> ((Number) r.get("genre_id")).longValue()).containsExactly(878L);
        // TV-only names match the TV list (Sci-Fi & Fantasy is 10765 there).
        assertThat(app.rows("SELECT DISTINCT genre_id FROM item_genres WHERE genre_name = 'Sci-Fi & Fantasy'"))
                .extracting(r -> ((Number) r.get("genre_id")).longValue()).containsExactly(10765L);
        // A name TMDb does not have keeps its stable id, which can never be a TMDb id.
        assertThat(app.rows("SELECT DISTINCT genre_id FROM item_genres WHERE genre_name = 'Giallo'"))
                .extracting(r -> ((Number) r.get("genre_id")).longValue()).containsExactly(GenreIds.stableId("Giallo"));
        assertThat(app.rows("SELECT DISTINCT genre_id FROM item_genres WHERE genre_name = 'Kids'"))
                .extracting(r -> ((Number) r.get("genre_id")).longValue()).containsExactly(10762L);

        // A later library sync writes TMDb ids itself, and changes nothing that is already right.
        String before = app.libraryDump();
        FlowOutcome resync = app.run("emby-sync-library");
        assertThat(resync.ok()).isTrue();
        assertThat(app.libraryDump()).isEqualTo(before);
        // Re-pointing twice changes nothing.
        assertThat(app.run("tmdb-sync-genres").result().counter("genres_repointed")).isZero();
    }

    @Test
    void aWrongTokenIsOneLineWithoutTheTokenAndWritesNothing() throws Exception {
        app = TestApp.start(dir, Map.of("TMDB_READ_ACCESS_TOKEN", "bad-token-xyz", "TMDB_API_URL", "http://127.0.0.1:" + tmdb.port() + "/3"));

        FlowOutcome o = app.run("tmdb-sync-genres");

        assertThat(o.error()).isEqualTo("tmdb-sync-genres failed: TMDb at http://127.0.0.1:" + tmdb.port()
                + "/3 answered 401 Unauthorized — check TMDB_READ_ACCESS_TOKEN");
        assertThat(app.count("SELECT COUNT(*) FROM tmdb_genres")).isZero();
    }

    @Test
    void aMissingTokenDisablesTheFlowAndSaysWhichVariable() throws Exception {
        app = TestApp.start(dir, Map.of());

        FlowOutcome o = app.run("tmdb-sync-genres");

        assertThat(o.error()).isEqualTo("tmdb-sync-genres failed: TMDB_READ_ACCESS_TOKEN is not set");
        assertThat(app.app().catalog().enabled(app.app().catalog().find("tmdb-sync-genres").orElseThrow())).isFalse();
    }
}
