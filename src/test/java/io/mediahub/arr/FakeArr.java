package io.mediahub.arr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake Radarr or Sonarr (WireMock on loopback) answering the v3 endpoints the export uses with bodies shaped as the
 * /api/v3 OpenAPI specs Radarr and Sonarr ship in their repositories describe them. Wrong or missing X-Api-Key: 401.
 */
public final class FakeArr implements AutoCloseable {
    public static final String KEY = "0123456789abcdef0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server;
    final ArrService service;

    public FakeArr(ArrService service) {
        this.service = service;
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").asynchronousResponseEnabled(false)
                .containerThreads(16).jettyAcceptors(1));
        server.start();
        server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Unauthorized\"}")));
        json("/api/v3/system/status", status());
        json("/api/v3/qualityprofile", profiles());
        json("/api/v3/customformat", customFormats());
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answers GET {@code path} (any query) with {@code body} when the key is right. */
    public void json(String path, Object body) {
        server.stubFor(authed(get(urlPathEqualTo(path))).willReturn(ok(body)));
    }

    static MappingBuilder authed(MappingBuilder b) {
        return b.atPriority(5).withHeader("X-Api-Key", equalTo(KEY));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(Object body) {
        try {
            return aResponse().withHeader("Content-Type", "application/json").withBody(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode status() {
        return status(service);
    }

    static ObjectNode status(ArrService service) {
        ObjectNode s = JSON.createObjectNode();
        s.put("appName", service.displayName()).put("instanceName", service.displayName()).put("version", service == ArrService.RADARR ? "5.28.0.10274" : "4.0.19.2979")
                .put("isDebug", false).put("isProduction", true).put("urlBase", "").put("databaseType", "sqLite");
        return s;
    }

    static final String[][] FORMATS = {{"1", "TrueHD ATMOS"}, {"2", "HDR10"}, {"3", "x265 (HD)"}, {"4", "BR-DISK"}, {"5", "Tier 01"}, {"6", "LQ"},
            {"7", ""}, {"8", "Unused Great"}};

    static ArrayNode customFormats() {
        ArrayNode a = JSON.createArrayNode();
        for (String[] f : FORMATS) {
            a.addObject().put("id", Integer.parseInt(f[0])).put("name", f[1]).put("includeCustomFormatWhenRenaming", false).putArray("specifications");
        }
        return a;
    }

    /** Profile 1 "HD-1080p" (scores, cutoff 100, upgrades on) and 2 "Ultra-HD" (cutoff 500, upgrades off). */
    static ArrayNode profiles() {
        ArrayNode a = JSON.createArrayNode();
        int[] hd = {50, 30, -10000, -10000, 100, -60, 0, 200};
        int[] uhd = {100, 200, 0, -10000, 150, -100, 0, 300};
        a.add(profile(1, "HD-1080p", true, 100, 0, hd));
        a.add(profile(2, "Ultra-HD", false, 500, 0, uhd));
        return a;
    }

    static ObjectNode profile(int id, String name, boolean upgrade, int cutoffScore, int minScore, int[] scores) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id).put("name", name).put("upgradeAllowed", upgrade).put("cutoff", 7).put("minFormatScore", minScore)
                .put("cutoffFormatScore", cutoffScore).put("minUpgradeFormatScore", 1);
        ArrayNode items = p.putArray("items");
        items.addObject().put("allowed", true).putObject("quality").put("id", 7).put("name", "Bluray-1080p").put("source", "bluray").put("resolution", 1080);
        items.addObject().put("allowed", true).putObject("quality").put("id", 3).put("name", "WEBDL-1080p").put("source", "webdl").put("resolution", 1080);
        ArrayNode fi = p.putArray("formatItems");
        for (int i = 0; i < FORMATS.length; i++) {
            fi.addObject().put("format", Integer.parseInt(FORMATS[i][0])).put("name", FORMATS[i][1]).put("score", scores[i]);
        }
        return p;
    }

    /** A file (Radarr MovieFileResource / Sonarr EpisodeFileResource shape). */
    static ObjectNode file(long id, String relativePath, long size, String quality, int qualityResolution, String mediaResolution, String codec,
                           int cfScore, boolean cutoffNotMet, int... formatIds) {
        ObjectNode f = JSON.createObjectNode();
        f.put("id", id).put("relativePath", relativePath).put("path", "/media/" + relativePath).put("size", size)
                .put("dateAdded", "2026-01-02T03:04:05Z").put("releaseGroup", "GRP").put("customFormatScore", cfScore)
                .put("qualityCutoffNotMet", cutoffNotMet).put("indexerFlags", 0);
        ObjectNode q = f.putObject("quality");
        q.putObject("quality").put("id", 7).put("name", quality).put("source", "bluray").put("resolution", qualityResolution);
        q.putObject("revision").put("version", 1).put("real", 0).put("isRepack", false);
        ArrayNode cfs = f.putArray("customFormats");
        for (int fid : formatIds) {
            cfs.addObject().put("id", fid).put("name", FORMATS[fid - 1][1]);
        }
        if (mediaResolution != null) {
            f.putObject("mediaInfo").put("resolution", mediaResolution).put("videoCodec", codec).put("audioCodec", "TrueHD Atmos")
                    .put("audioChannels", 7.1).put("videoDynamicRange", "").put("videoDynamicRangeType", "");
        }
        return f;
    }

    static ObjectNode movie(long id, String title, int year, int profileId, ObjectNode file) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id).put("title", title).put("year", year).put("tmdbId", 1000 + id).put("imdbId", "tt" + (100000 + id))
                .put("qualityProfileId", profileId).put("hasFile", file != null).put("monitored", true).put("status", "released")
                .put("path", "/movies/" + title).put("sizeOnDisk", file == null ? 0 : file.path("size").asLong());
        if (file != null) {
            file.put("movieId", id);
            m.put("movieFileId", file.path("id").asLong());
            m.set("movieFile", file);
        }
        return m;
    }

    static ObjectNode series(long id, String title, int profileId, String network) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id).put("title", title).put("year", 2020).put("tvdbId", 70000 + id).put("imdbId", "tt9" + id).put("tmdbId", 5000 + id)
                .put("qualityProfileId", profileId).put("network", network).put("status", "continuing").put("monitored", true);
        return s;
    }

    static ObjectNode episode(long id, long seriesId, int season, int number, String title, long fileId) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", id).put("seriesId", seriesId).put("tvdbId", 900000 + id).put("episodeFileId", fileId).put("seasonNumber", season)
                .put("episodeNumber", number).put("title", title).put("airDate", String.format("2021-01-%02d", number))
                .put("airDateUtc", String.format("2021-01-%02dT02:00:00Z", number)).put("hasFile", fileId > 0).put("monitored", true);
        return e;
    }

    static ArrayNode array(List<? extends com.fasterxml.jackson.databind.JsonNode> nodes) {
        ArrayNode a = JSON.createArrayNode();
        a.addAll(new ArrayList<>(nodes));
        return a;
    }

    public int requests(String path) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
