package io.mediahub.emby;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mediahub.common.GenreIds;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.LogCapture;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * emby-sync-library on the real application and a real SQLite file, against a fake Emby (4.8) server; with its call
 * route (emby-call-api) under mediahub-http-policy: the /Items loop over several pages, a 429 inside the loop redelivered
 * after its Retry-After and counted once, the loop's hard stop, the one-line messages word for word, and what leaves
 * the call route.
 */
class EmbyLibrarySyncTest {
    @TempDir
    Path dir;

    private FakeMediaServer emby;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (emby != null) {
            emby.close();
        }
    }

    private TestApp start(Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY,
                "EMBY_PAGE_SIZE", "7", "EMBY_COMMIT_EVERY", "10"));
        env.putAll(extra);
        app = TestApp.start(dir, env);
        return app;
    }

    @Test
    void pagesThroughEveryItemAndWritesAllTables() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(20, 2, 12)); // 20 movies, 2 series, 24 episodes = 46 items, 7 pages of 7
        start(Map.of());

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(o.result().read()).isEqualTo(46);
        assertThat(o.result().written()).isEqualTo(46);
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(46);
        assertThat(app.count("SELECT COUNT(*) FROM library_items WHERE item_type = 'Movie'")).isEqualTo(20);
        assertThat(app.count("SELECT COUNT(*) FROM library_items WHERE item_type = 'Episode'")).isEqualTo(24);
        // Emby lives under /emby here: the client found it, and sent its token header on every call.
        emby.wireMock().verify(getRequestedFor(urlPathEqualTo("/emby/System/Info")).withHeader("X-Emby-Token",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(FakeMediaServer.API_KEY)));
        assertThat(emby.itemsRequests.get()).isGreaterThanOrEqualTo(7);

        // Users: hidden ones come only from IsHidden=true and are marked hidden.
        assertThat(app.rows("SELECT name, is_hidden FROM users ORDER BY name")).extracting(r -> r.get("name") + ":" + r.get("is_hidden"))
                .containsExactly("alice:0", "bob:0", "kids:1");
        assertThat(app.rows("SELECT library_id, name, collection_type FROM libraries ORDER BY name")).hasSize(2);

        Map<String, Object> movie = app.rows("SELECT * FROM library_items WHERE item_id = '10001'").get(0);
        assertThat(movie).containsEntry("name", "Movie 1").containsEntry("item_type", "Movie").containsEntry("video_codec", "hevc")
                .containsEntry("resolution_width", 3840).containsEntry("resolution_height", 2160).containsEntry("container", "mkv")
                .containsEntry("production_year", 1981);
        assertThat(((Number) movie.get("runtime_seconds")).longValue()).isEqualTo(5401);
        // A movie without RunTimeTicks has runtime NULL, never 0.
        assertThat(app.rows("SELECT runtime_seconds FROM library_items WHERE item_id = '10000'").get(0).get("runtime_seconds")).isNull();
        assertThat(app.count("SELECT COUNT(*) FROM library_items WHERE runtime_seconds = 0")).isZero();

        // Genres (names from GenreItems/Genres, stable negative ids before any TMDb sync), tags, studios, provider ids.
        assertThat(app.rows("SELECT genre_id, genre_name FROM item_genres WHERE item_id = '10000' ORDER BY genre_name"))
                .extracting(r -> r.get("genre_name") + "=" + r.get("genre_id"))
                .containsExactly("Action=" + GenreIds.stableId("Action"), "Science Fiction=" + GenreIds.stableId("Science Fiction"));
        assertThat(app.rows("SELECT tag FROM item_tags WHERE item_id = '10000' ORDER BY tag")).extracting(r -> r.get("tag"))
                .containsExactly("4K", "favourite");
        assertThat(app.count("SELECT COUNT(*) FROM item_studios WHERE item_id = '10000'")).isEqualTo(1);
        assertThat(app.rows("SELECT provider FROM item_provider_ids WHERE item_id = '10000' ORDER BY provider")).extracting(r -> r.get("provider"))
                .containsExactly("Imdb", "Tmdb"); // "imdb" from the server, spelled as Emby spells it
    }

    @Test
    void episodesWithoutGenresTakeTheirSeriesGenresLookingEachSeriesUpOnce() throws Exception {
        emby = FakeMediaServer.emby();
        List<ObjectNode> items = new ArrayList<>();
        // Episodes listed before (or without) their series: the series must be looked up, once per series.
        for (int e = 1; e <= 15; e++) {
            items.add(Items.episode("e" + e, "s1", "Show One", 1, e, 1500));
        }
        for (int e = 1; e <= 5; e++) {
            items.add(Items.episode("f" + e, "s2", "Show Two", 1, e, 1500));
        }
        ObjectNode s1 = Items.series("s1", "Show One", "Drama", "Crime");
        s1.put("_Library", "none"); // look-up only: not in the Series listing scope below
        ObjectNode s2 = Items.series("s2", "Show Two", "Comedy");
        s2.put("_Library", "none");
        items.add(s1);
        items.add(s2);
        emby.setItems(items);
        start(Map.of("EMBY_ITEM_TYPES", "Episode"));

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM item_genres WHERE item_id LIKE 'e%'")).isEqualTo(30);
        assertThat(app.rows("SELECT genre_name FROM item_genres WHERE item_id = 'f3'")).extracting(r -> r.get("genre_name")).containsExactly("Comedy");
        assertThat(emby.idLookups.get("s1").get()).isEqualTo(1);
        assertThat(emby.idLookups.get("s2").get()).isEqualTo(1);
        assertThat(o.result().counter("series_lookups")).isEqualTo(2);
    }

    @Test
    void runningTwiceLeavesIdenticalTablesAndRewritesNothing() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(12, 1, 6));
        start(Map.of());
        assertThat(app.run("emby-sync-library").ok()).isTrue();
        String first = app.libraryDump();

        FlowOutcome second = app.run("emby-sync-library");

        assertThat(second.ok()).isTrue();
        assertThat(app.libraryDump()).isEqualTo(first);
        assertThat(second.result().written()).isZero();
        assertThat(second.result().deleted()).isZero();
        assertThat(second.result().counter("items_unchanged")).isEqualTo(19);
    }

    @Test
    void aChangedItemIsRewrittenWithItsChildRows() throws Exception {
        emby = FakeMediaServer.emby();
        List<ObjectNode> items = new ArrayList<>(Items.library(5, 0, 0));
        emby.setItems(items);
        start(Map.of());
        assertThat(app.run("emby-sync-library").ok()).isTrue();

        ObjectNode changed = Items.movie("10002", "Movie 2 (Director's Cut)", 1982, 6000, "Drama", "War");
        items.set(2, changed);
        emby.setItems(items);
        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.result().written()).isEqualTo(1);
        assertThat(app.rows("SELECT name, runtime_seconds FROM library_items WHERE item_id = '10002'").get(0))
                .containsEntry("name", "Movie 2 (Director's Cut)");
        assertThat(app.rows("SELECT genre_name FROM item_genres WHERE item_id = '10002' ORDER BY genre_name")).extracting(r -> r.get("genre_name"))
                .containsExactly("Drama", "War");
    }

    @Test
    void itemsTheServerNoLongerHasArePrunedWithTheirChildRows() throws Exception {
        emby = FakeMediaServer.emby();
        List<ObjectNode> items = Items.library(10, 0, 0);
        emby.setItems(items);
        start(Map.of());
        assertThat(app.run("emby-sync-library").ok()).isTrue();

        emby.setItems(items.subList(0, 8)); // two movies deleted on the server
        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.ok()).isTrue();
        assertThat(o.result().deleted()).isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(8);
        assertThat(app.count("SELECT COUNT(*) FROM item_genres WHERE item_id IN ('10008', '10009')")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM item_tags WHERE item_id IN ('10008', '10009')")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM item_provider_ids WHERE item_id IN ('10008', '10009')")).isZero();
        assertThat(app.count("SELECT COUNT(*) FROM library_sync_seen")).isZero();
    }

    @Test
    void aShortPageFailsTheRunAndPrunesNothing() throws Exception {
        emby = FakeMediaServer.emby();
        List<ObjectNode> items = Items.library(30, 0, 0);
        emby.setItems(items);
        start(Map.of());
        assertThat(app.run("emby-sync-library").ok()).isTrue();

        emby.setItems(items.subList(0, 25));
        emby.shortPageAt = 14;
        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(o.error()).startsWith("emby-sync-library failed: incomplete listing, nothing pruned: the page at 14 of the whole server has 6 items where 7 were promised");
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(30);
        assertThat(app.rows("SELECT status, error_text FROM flow_runs ORDER BY run_id DESC").get(0)).containsEntry("status", "failed");
    }

    @Test
    void aTotalThatMovesTooMuchDuringTheListingFailsWithoutPruning() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(30, 0, 0));
        start(Map.of());
        assertThat(app.run("emby-sync-library").ok()).isTrue();

        emby.setItems(Items.library(20, 0, 0));
        emby.totalJumpAt = 7;
        emby.totalJumpBy = 9;
        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(o.error()).contains("moved from 20 to 29");
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(30);
    }

    @Test
    void aListingThatWouldEmptyMostOfTheLibraryIsRefusedUnlessForced() throws Exception {
        emby = FakeMediaServer.emby();
        List<ObjectNode> items = Items.library(10, 0, 0);
        emby.setItems(items);
        start(Map.of());
        assertThat(app.run("emby-sync-library").ok()).isTrue();

        emby.setItems(items.subList(0, 2));
        FlowOutcome refused = app.run("emby-sync-library");
        assertThat(refused.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(refused.error()).contains("nothing was pruned").contains("--force-prune");
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(10);

        FlowOutcome forced = app.run("emby-sync-library", Map.of("force-prune", "true"));
        assertThat(forced.ok()).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(2);
    }

    @Test
    void libraryNamesLimitTheSyncAndUnknownNamesAreAClearError() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(6, 1, 4));
        start(Map.of("EMBY_LIBRARIES", "movies"));
        FlowOutcome o = app.run("emby-sync-library");
        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(6);
        app.close();

        app = TestApp.start(dir, Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_LIBRARIES", "Movies,Anime"));
        FlowOutcome bad = app.run("emby-sync-library");
        assertThat(bad.error()).isEqualTo("emby-sync-library failed: EMBY_LIBRARIES names [Anime], which the server does not have; "
                + "its libraries are [Movies, TV Shows]");
    }

    @Test
    void transientFailuresAreRetried() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(5, 0, 0));
        String scenario = "flaky";
        emby.wireMock().stubFor(get(urlPathEqualTo("/emby/Library/MediaFolders")).atPriority(0).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                .willSetStateTo("second"));
        emby.wireMock().stubFor(get(urlPathEqualTo("/emby/Library/MediaFolders")).atPriority(0).inScenario(scenario)
                .whenScenarioStateIs("second").willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        emby.wireMock().stubFor(get(urlPathEqualTo("/emby/Library/MediaFolders")).atPriority(0).inScenario(scenario)
                .whenScenarioStateIs("third").willReturn(aResponse().withStatus(200).withBody("{\"Items\": [")).willSetStateTo("healthy"));
        start(Map.of());

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(5);
        emby.wireMock().verify(4, getRequestedFor(urlPathEqualTo("/emby/Library/MediaFolders")));
    }

    @Test
    void aWrongKeyIsOneClearLineAndTouchesNothing() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(3, 0, 0));
        app = TestApp.start(dir, Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", "wrong-key-123"));

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.error()).isEqualTo("emby-sync-library failed: Emby at " + emby.url() + "/emby answered 401 Unauthorized — check EMBY_API_KEY");
        assertThat(o.error()).doesNotContain("wrong-key-123");
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isZero();
        assertThat(app.rows("SELECT error_text FROM flow_runs").toString()).doesNotContain("wrong-key-123");
        emby.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/emby/System/Info"))); // 401 is not retried
    }

    @Test
    void aServerThatIsDownOrAnswersNonsenseIsOneClearLine() throws Exception {
        emby = FakeMediaServer.emby();
        emby.wireMock().stubFor(get(urlPathEqualTo("/emby/Users/Query")).atPriority(0)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>proxy login</html>")));
        start(Map.of());
        FlowOutcome nonsense = app.run("emby-sync-library");
        assertThat(nonsense.error()).startsWith("emby-sync-library failed: Emby at " + emby.url() + "/emby answered a body that is not valid JSON for /Users/Query");
        app.close();

        app = TestApp.start(dir, Map.of("EMBY_URL", "http://127.0.0.1:9", "EMBY_API_KEY", "k", "HTTP_MAX_ATTEMPTS", "2"));
        FlowOutcome down = app.run("emby-sync-library");
        assertThat(down.error()).isEqualTo("emby-sync-library failed: Emby at http://127.0.0.1:9 is unreachable (connection refused) — check EMBY_URL");
        assertThat(down.error()).doesNotContain("\n");
    }

    @Test
    void anItemWithoutAnIdIsACountedSkipNotAFailure() throws Exception {
        emby = FakeMediaServer.emby();
        List<ObjectNode> items = new ArrayList<>(Items.library(4, 0, 0));
        ObjectNode broken = Items.movie("x", "No Id", 2000, 100);
        broken.remove("Id");
        items.add(broken);
        emby.setItems(items);
        start(Map.of());

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.ok()).isTrue();
        assertThat(o.result().skipped()).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(4);
        assertThat(app.rows("SELECT rows_skipped FROM flow_runs").get(0).get("rows_skipped")).isEqualTo(1);
    }

    private List<Instant> itemsPageTimes(String startIndex) {
        return emby.wireMock().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/emby/Items?")
                        && startIndex.equals(e.getRequest().queryParameter("StartIndex").firstValue()))
                .map(e -> e.getRequest().getLoggedDate().toInstant()).sorted().toList();
    }

    @Test
    void theItemsLoopReadsEveryPageThroughTheCallRoute() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(30, 0, 0)); // 30 movies: pages at 0, 7, 14, 21, 28
        start(Map.of());
        NotifyBuilder done = new NotifyBuilder(app.app().camelContext()).fromRoute("emby-sync-library").whenCompleted(1).create();

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        for (String start : List.of("0", "7", "14", "21", "28")) {
            emby.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/emby/Items")).withQueryParam("StartIndex", equalTo(start))
                    .withQueryParam("Limit", equalTo("7")));
        }
        assertThat(o.result().read()).isEqualTo(30);
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(30);
    }

    @Test
    void aPageAnswered429IsAskedAgainAfterItsRetryAfterAndCountedOnce() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(20, 0, 0));
        emby.wireMock().stubFor(get(urlPathEqualTo("/emby/Items")).withQueryParam("StartIndex", equalTo("7")).atPriority(0)
                .inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        start(Map.of("HTTP_RETRY_MAX_DELAY", "5"));
        StringBuilder logged = new StringBuilder();
        FlowOutcome o = logged(logged, () -> app.run("emby-sync-library"));

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        List<Instant> times = itemsPageTimes("7");
        assertThat(times).hasSize(2);
        // The base delay is 10 ms in tests: only the server's Retry-After explains a wait of a second.
        assertThat(ChronoUnit.MILLIS.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(1000);
        assertThat(o.result().read()).isEqualTo(20);
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(20);
        assertThat(logged.toString().lines().filter(l -> l.endsWith("Emby GET /Items: attempt 1 failed (429 Too Many Requests), retrying"))).hasSize(1);
    }

    @Test
    void theHardStopEndsAListingWhoseCursorDoesNotMoveAndPrunesNothing() throws Exception {
        emby = FakeMediaServer.emby();
        emby.setItems(Items.library(10, 0, 0));
        start(Map.of());
        assertThat(app.run("emby-sync-library").ok()).isTrue();
        emby.setItems(Items.library(3, 0, 0));
        int before = emby.itemsRequests.get();
        // No server can make the checks let a listing run on: replace them with a cursor that never moves.
        AdviceWith.adviceWith(app.app().camelContext(), "emby-sync-library",
                a -> a.weaveByToString("Bean\\[.*page\\(\\$\\{variable.sync\\}, \\$\\{body\\}\\).*").replace().setBody().simple("${body.get('Items')}"));

        FlowOutcome o = app.run("emby-sync-library", Map.of("force-prune", "true"));

        assertThat(o.error()).isEqualTo("emby-sync-library failed: incomplete listing, nothing pruned: the listing of the whole server was "
                + "ended by the hard stop after 1 page of /Items without reaching its TotalRecordCount");
        assertThat(emby.itemsRequests.get() - before).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(10);
    }

    @Test
    void aWrongKeyAfterTheProbeIsOneLineWordForWordAndNotRetried() throws Exception {
        emby = FakeMediaServer.emby();
        emby.wireMock().stubFor(get(urlPathEqualTo("/emby/Library/MediaFolders")).atPriority(0).willReturn(aResponse().withStatus(401)));
        start(Map.of());

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.error()).isEqualTo("emby-sync-library failed: Emby at " + emby.url() + "/emby answered 401 Unauthorized — check EMBY_API_KEY");
        emby.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/emby/Library/MediaFolders")));
        assertThat(app.count("SELECT COUNT(*) FROM users")).isZero();
    }

    @Test
    void theCallRouteSendsTheServersKeyHeaderAndNothingOfTheIncomingExchange() throws Exception {
        emby = FakeMediaServer.emby();
        start(Map.of());

        Object body = app.app().camelContext().createProducerTemplate().send("direct:emby-call-api", x -> {
            x.setVariable("embyServer", new EmbyServer(ServerKind.EMBY, emby.url(), "/emby", "fake", "4.8"));
            x.setVariable("httpPath", "/System/Info");
            x.getIn().setHeader("Authorization", "Bearer upstream");
            x.getIn().setHeader("X-Emby-Token", "leaked-from-upstream");
            x.getIn().setHeader("CamelHttpUri", "http://127.0.0.1:9/elsewhere");
            x.getIn().setBody("incoming body");
        }).getMessage().getBody();

        assertThat(body).isInstanceOf(com.fasterxml.jackson.databind.JsonNode.class);
        var request = emby.wireMock().getAllServeEvents().get(0).getRequest();
        assertThat(request.getUrl()).isEqualTo("/emby/System/Info");
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getHeader("X-Emby-Token")).isEqualTo(FakeMediaServer.API_KEY);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getAllHeaderKeys()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("camel"));
        assertThat(request.getBodyAsString()).isEmpty();
        assertThat(app.app().camelContext().getEndpoints()).extracting(Endpoint::getEndpointUri).noneMatch(u -> u.contains(FakeMediaServer.API_KEY));
    }
    /** Runs {@code run}, appending what it logged to {@code log}. */
    private static FlowOutcome logged(StringBuilder log, java.util.function.Supplier<FlowOutcome> run) {
        try (LogCapture capture = new LogCapture()) {
            FlowOutcome o = run.get();
            log.append(capture.text());
            return o;
        }
    }
}
