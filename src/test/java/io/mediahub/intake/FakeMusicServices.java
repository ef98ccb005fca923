package io.mediahub.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.mediahub.testing.Fixtures;

/**
 * AcoustID, MusicBrainz and the Cover Art Archive on loopback, answering with the project's fixtures
 * ({@code src/test/resources/fixtures/acoustid} and {@code musicbrainz}, in the shapes of real answers), adapted so the
 * chain links up:
 * <ul>
 *   <li>AcoustID's lookup answer, its first recording re-pointed to "Time" ({@link #TIME}, the recording the example
 *       release lists as track A4);</li>
 *   <li>MusicBrainz's recording lookup: "Time", listing the releases it is on in WS/2's shape:
 *       The Dark Side of the Moon (the example release, an album of 10 tracks), a first pressing of it whose track
 *       lasts its real 409.6 s (so the 15 s rule rejects it for the test's 5 s file), a 20-track compilation and a
 *       2-track single taken from AcoustID's example;</li>
 *   <li>the release lookup: the example release, "Time" lasting as long as the test's file;</li>
 *   <li>the Cover Art Archive: {@code /release/{mbid}/front} redirects (307, as the real one does) to an image.</li>
 * </ul>
 */
final class FakeMusicServices implements AutoCloseable {
    static final String KEY = "acoustid-test-key-5f2c1e9a";
    static final String RELEASE = "musicbrainz/release.dark-side-of-the-moon.json";
    static final String TIME = "41959321-f2bb-4580-aa19-16248fe665d3";
    static final String DARK_SIDE = "b84ee12a-09ef-421b-82de-0441a926375b";
    static final String FIRST_PRESSING = "0a8c6d14-5e0b-4a51-9d5c-2c6b1f0c7e11";
    static final String COMPILATION = "f0b647ce-8db2-4682-ac34-50d0cfd390fd";
    static final String SINGLE = "f92d6ea1-e412-403c-be03-953715ef872c";
    static final String ACOUSTID_TRACK = "38338eff-b530-498c-a2ef-07e01d642187";
    static final byte[] JPEG = FakeTmdb.JPEG;

    final WireMockServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final long timeLengthMs;

    /** @param timeLengthMs how long "Time" lasts on the album: the test file's duration, so the 15 s rule keeps it */
    FakeMusicServices(long timeLengthMs) throws Exception {
        this.timeLengthMs = timeLengthMs;
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        acoustIdScores(0.946796);
        server.stubFor(get(urlPathEqualTo("/ws/2/recording/" + TIME)).willReturn(okJson(recording())));
        server.stubFor(get(urlPathEqualTo("/ws/2/release/" + DARK_SIDE)).willReturn(okJson(release())));
        server.stubFor(get(urlPathEqualTo("/ws/2/release")).atPriority(9).willReturn(okJson("{\"created\":\"2024-01-01T00:00:00Z\",\"count\":0,"
                + "\"offset\":0,\"releases\":[]}")));
        server.stubFor(get(urlPathEqualTo("/ws/2/release")).atPriority(1).withQueryParam("query", containing("Dark Side of the Moon"))
                .willReturn(okJson(search())));
        server.stubFor(get(urlPathEqualTo("/release/" + DARK_SIDE + "/front")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", url() + "/images/" + DARK_SIDE + "/829521842.jpg")));
        server.stubFor(get(urlPathEqualTo("/images/" + DARK_SIDE + "/829521842.jpg")).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(JPEG)));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** AcoustID answers the example lookup, its best result scoring {@code score}. */
    void acoustIdScores(double score) throws Exception {
        ObjectNode answer = Fixtures.object("acoustid/lookup.hocus-pocus.json");
        ObjectNode result = (ObjectNode) answer.path("results").get(0);
        result.put("score", score);
        ObjectNode first = (ObjectNode) result.path("recordings").get(0);
        first.put("id", TIME).put("title", "Time").put("duration", timeLengthMs / 1000);
        ((ObjectNode) first.path("artists").get(0)).put("id", "83d91898-7763-47d7-b03b-b92132375c47").put("name", "Pink Floyd");
        acoustIdAnswers(json.writeValueAsString(answer));
    }

    /** AcoustID answers {@code body} to a lookup with the test's key. */
    void acoustIdAnswers(String body) {
        server.stubFor(post(urlPathEqualTo("/v2/lookup")).withRequestBody(containing("client=" + KEY)).willReturn(okJson(body)));
    }

    void acoustIdFails(int status) {
        server.stubFor(post(urlPathEqualTo("/v2/lookup")).willReturn(aResponse().withStatus(status)));
    }

    /** The example recording, as "Time", with the releases it is on (WS/2's {@code inc=releases release-groups media}). */
    private String recording() throws Exception {
        ObjectNode rec = Fixtures.object("musicbrainz/recording.time.json");
        JsonNode darkSide = Fixtures.json(RELEASE);
        ArrayNode releases = rec.putArray("releases");
        releases.add(listed(COMPILATION, "Testament van de Seventies", "2008", "Album", "Compilation", 20, 11, 200_000));
        releases.add(listed(SINGLE, "Hocus Pocus / Janis", "1971-07", "Single", null, 2, 1, timeLengthMs));
        releases.add(listed(DARK_SIDE, darkSide.path("title").asText(), darkSide.path("date").asText(), "Album", null, 10, 4, timeLengthMs));
        releases.add(listed(FIRST_PRESSING, darkSide.path("title").asText(), "1973-03-01", "Album", null, 10, 4, 409_600));
        return json.writeValueAsString(rec);
    }

    private ObjectNode listed(String id, String title, String date, String type, String secondary, int tracks, int position, long lengthMs) {
        ObjectNode r = json.createObjectNode().put("id", id).put("title", title).put("date", date).put("status", "Official");
        ObjectNode rg = r.putObject("release-group").put("id", "rg-" + id).put("primary-type", type);
        ArrayNode sec = rg.putArray("secondary-types");
        if (secondary != null) {
            sec.add(secondary);
        }
        ObjectNode medium = r.putArray("media").addObject().put("position", 1).put("format", "CD").put("track-count", tracks)
                .put("track-offset", position - 1);
        medium.putArray("tracks").addObject().put("id", "t-" + id).put("number", String.valueOf(position)).put("position", position)
                .put("title", "Time").put("length", lengthMs);
        return r;
    }

    /** The example release, "Time" lasting as long as the test's file. */
    private String release() throws Exception {
        ObjectNode rel = Fixtures.object(RELEASE);
        for (JsonNode t : rel.path("media").get(0).path("tracks")) {
            if (TIME.equals(t.path("recording").path("id").asText())) {
                ((ObjectNode) t).put("length", timeLengthMs);
                ((ObjectNode) t.path("recording")).put("length", timeLengthMs);
            }
        }
        return json.writeValueAsString(rel);
    }

    /** The release search's answer in WS/2's shape, made of the example release. */
    private String search() throws Exception {
        JsonNode rel = Fixtures.json(RELEASE);
        ObjectNode answer = json.createObjectNode().put("created", "2024-01-01T00:00:00Z").put("count", 1).put("offset", 0);
        ObjectNode r = answer.putArray("releases").addObject().put("id", rel.path("id").asText()).put("score", 100)
                .put("title", rel.path("title").asText()).put("status", "Official").put("date", rel.path("date").asText()).put("track-count", 10);
        r.set("artist-credit", rel.path("artist-credit"));
        r.set("release-group", rel.path("release-group"));
        r.putArray("media").addObject().put("format", "12\" Vinyl").put("disc-count", 0).put("track-count", 10);
        return json.writeValueAsString(answer);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
