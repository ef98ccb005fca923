package io.mediahub.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.mediahub.testing.Fixtures;

/**
 * TMDb on loopback, answering with the project's fixtures ({@code src/test/resources/fixtures/tmdb}, written from TMDb's
 * v3 specification): the searches for "Fight Club" and "Breaking Bad"; Fight Club's details with credits appended (and
 * the same answer re-pointed to the two Florence Fight Club films the search lists); Breaking Bad's details with
 * credits and external ids; one episode's details.
 */
final class FakeTmdb implements AutoCloseable {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.intake-test-token";
    /** The poster of Fight Club in the fixtures: the intake fetches {@code <image URL>/w500<poster_path>}. */
    static final String FIGHT_CLUB_POSTER = "/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xFF, (byte) 0xD9};

    final WireMockServer server;
    private final ObjectMapper json = new ObjectMapper();

    FakeTmdb() throws Exception {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String searchMovie = Fixtures.text("tmdb/search-movie.fight-club.json");
        String searchTv = Fixtures.text("tmdb/search-tv.breaking-bad.json");
        // Every search for a Fight Club title answers with the fixture's list; anything else finds nothing.
        server.stubFor(get(urlPathEqualTo("/3/search/movie")).atPriority(9).willReturn(ok("{\"page\":1,\"results\":[],\"total_results\":0}")));
        server.stubFor(get(urlPathEqualTo("/3/search/movie")).atPriority(5)
                .withQueryParam("query", com.github.tomakehurst.wiremock.client.WireMock.containing("Fight Club"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(ok(searchMovie)));
        server.stubFor(get(urlPathEqualTo("/3/search/tv")).atPriority(9).willReturn(ok("{\"page\":1,\"results\":[],\"total_results\":0}")));
        server.stubFor(get(urlPathEqualTo("/3/search/tv")).atPriority(5)
                .withQueryParam("query", equalTo("Breaking Bad")).withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(ok(searchTv)));
        server.stubFor(get(urlPathMatching("/3/(movie|tv)/.*")).atPriority(9).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"success\":false,\"status_code\":34}")));
        movie(550, "Fight Club", "1999-10-15", 139, "tt0137523", "David Fincher", "Edward Norton", "Brad Pitt");
        movie(323667, "Florence Fight Club", "2015-06-21", 95, "tt4419684", "Leonardo Pieraccioni", "Alessandro Haber");
        movie(104782, "Florence Fight Club", "2010-01-01", 1, null, "Someone Else", "Nobody");
        show();
        server.stubFor(get(urlPathMatching("/t/p/(w500|original)/.*")).willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(JPEG)));
    }

    private void movie(long id, String title, String date, int runtime, String imdb, String director, String... cast) throws Exception {
        ObjectNode m = Fixtures.object("tmdb/movie-550.credits.json");
        m.put("id", id).put("title", title).put("original_title", title).put("release_date", date).put("runtime", runtime);
        if (imdb == null) {
            m.putNull("imdb_id");
        } else {
            m.put("imdb_id", imdb);
        }
        m.set("credits", credits(director, cast));
        server.stubFor(get(urlPathEqualTo("/3/movie/" + id)).atPriority(1).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(ok(json.writeValueAsString(m))));
    }

    private void show() throws Exception {
        server.stubFor(get(urlPathEqualTo("/3/tv/1396")).atPriority(1).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(ok(Fixtures.text("tmdb/tv-1396.credits.external-ids.json"))));
        server.stubFor(get(urlPathEqualTo("/3/tv/1396/season/1/episode/2")).atPriority(1)
                .willReturn(ok(Fixtures.text("tmdb/tv-1396-season-1-episode-2.json"))));
    }

    private ObjectNode credits(String director, String... cast) {
        ObjectNode c = json.createObjectNode();
        ArrayNode castNode = c.putArray("cast");
        for (int i = 0; i < cast.length; i++) {
            castNode.add(json.createObjectNode().put("name", cast[i]).put("order", i));
        }
        ArrayNode crew = c.putArray("crew");
        if (director != null) {
            crew.add(json.createObjectNode().put("name", director).put("job", "Director"));
        }
        return c;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The settings that point the intake at this fake: token, API URL and image URL. */
    java.util.Map<String, String> env() {
        return java.util.Map.of("TMDB_READ_ACCESS_TOKEN", TOKEN, "TMDB_API_URL", apiUrl(), "INTAKE_TMDB_IMAGE_URL", imageUrl());
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/3";
    }

    String imageUrl() {
        return "http://127.0.0.1:" + server.port() + "/t/p";
    }

    @Override
    public void close() {
        server.stop();
    }
}
