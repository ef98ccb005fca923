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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TMDb on loopback, answering with the spec's own example bodies ({@code ../shared/apis/tmdb/examples}): the searches
 * as they are; the movie and show details re-pointed to the searched title (the spec's examples are Star Wars and Game
 * of Thrones) with credits added in TMDb's shape; an episode body in the shape of TMDb's episode details.
 */
final class FakeTmdb implements AutoCloseable {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.intake-test-token";
    static final Path EXAMPLES = io.mediahub.testing.SharedData.apis("tmdb", "examples");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, (byte) 0xFF, (byte) 0xD9};

    final WireMockServer server;
    private final ObjectMapper json = new ObjectMapper();

    FakeTmdb() throws Exception {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String searchMovie = Files.readString(EXAMPLES.resolve("search_movie.200.json"));
        String searchTv = Files.readString(EXAMPLES.resolve("search_tv.200.json"));
        // Every search for a Fight Club title answers with the spec's example list; anything else finds nothing.
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
        ObjectNode m = (ObjectNode) json.readTree(EXAMPLES.resolve("movie_movie_id.200.json").toFile());
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
        ObjectNode tv = (ObjectNode) json.readTree(EXAMPLES.resolve("tv_series_id.200.json").toFile());
        tv.put("id", 1396).put("name", "Breaking Bad").put("original_name", "Breaking Bad").put("first_air_date", "2008-01-20");
        tv.set("credits", credits(null, "Bryan Cranston", "Aaron Paul"));
        tv.set("external_ids", json.createObjectNode().put("imdb_id", "tt0903747").put("tvdb_id", 81189));
        server.stubFor(get(urlPathEqualTo("/3/tv/1396")).atPriority(1).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(ok(json.writeValueAsString(tv))));
        ObjectNode ep = json.createObjectNode().put("id", 62086).put("name", "Cat's in the Bag...").put("overview", "Walt and Jesse attempt to tie up loose ends.")
                .put("season_number", 1).put("episode_number", 2).put("air_date", "2008-01-27").put("runtime", 48).put("vote_average", 8.2);
        ep.set("crew", json.createArrayNode().add(json.createObjectNode().put("job", "Director").put("name", "Adam Bernstein")));
        server.stubFor(get(urlPathEqualTo("/3/tv/1396/season/1/episode/2")).atPriority(1).willReturn(ok(json.writeValueAsString(ep))));
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
