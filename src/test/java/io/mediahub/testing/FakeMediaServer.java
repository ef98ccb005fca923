package io.mediahub.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A fake Emby or Jellyfin server on WireMock, following the OpenAPI specs of Emby Server 4.8 and Jellyfin 10.11:
 * {@code /System/Info/Public} (Jellyfin names itself in ProductName, Emby does not),
 * {@code /System/Info}, users (Emby: {@code /Users/Query}, hidden users only with {@code IsHidden=true}; Jellyfin:
 * {@code /Users} with {@code Policy.IsHidden}), {@code /Library/MediaFolders}, and {@code /Items} paged by
 * StartIndex/Limit over an item list (or a generator, for the benchmark), with {@code Ids=} look-ups.
 *
 * <p>Authentication as the products do it: Emby accepts {@code X-Emby-Token}; Jellyfin 12 (strict) accepts only
 * {@code Authorization: MediaBrowser Token="…"} and answers 401 to the legacy headers.
 */
public final class FakeMediaServer implements AutoCloseable {
    public enum Product { EMBY, JELLYFIN }

    public static final String API_KEY = "test-api-key-5f2b";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Product product;
    private final String prefix;
    private final WireMockServer server;
    private final ItemsPager pager = new ItemsPager();
    private final PlaybackReportingFake playbackReporting = new PlaybackReportingFake();
    private volatile List<ObjectNode> items = new ArrayList<>();
    private volatile IntFunction<ObjectNode> generator;
    private volatile int generatedCount;
    /** StartIndex at which the page comes back short (one item fewer), or -1. */
    public volatile int shortPageAt = -1;
    /** StartIndex from which TotalRecordCount is reported as this many more, or -1. */
    public volatile int totalJumpAt = -1;
    public volatile int totalJumpBy = 0;
    /** Delay of every /Items page, to hold a listing open. */
    public volatile int pageDelayMillis = 0;
    public final AtomicInteger itemsRequests = new AtomicInteger();
    public final Map<String, AtomicInteger> idLookups = new ConcurrentHashMap<>();

    private FakeMediaServer(Product product, String prefix, boolean journal) {
        this.product = product;
        this.prefix = prefix;
        var options = options().dynamicPort().bindAddress("127.0.0.1").extensions(pager, playbackReporting).containerThreads(16).jettyAcceptors(2);
        this.server = new WireMockServer(journal ? options : options.disableRequestJournal());
        server.start();
        stubServer();
    }

    /** An Emby server answering under {@code /emby} (and, as real installs do, not at the bare root). */
    public static FakeMediaServer emby() {
        return new FakeMediaServer(Product.EMBY, "/emby", true);
    }

    /** A strict Jellyfin 12 server (legacy auth headers rejected). */
    public static FakeMediaServer jellyfin() {
        return new FakeMediaServer(Product.JELLYFIN, "", true);
    }

    /** Emby without a request journal, for the benchmark (the journal would grow with every page). */
    public static FakeMediaServer embyForBenchmark() {
        return new FakeMediaServer(Product.EMBY, "/emby", false);
    }

    public WireMockServer wireMock() {
        return server;
    }

    /** The URL a user would configure: the bare host, without {@code /emby}. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public String prefix() {
        return prefix;
    }

    public void setItems(List<ObjectNode> list) {
        this.items = new ArrayList<>(list);
        this.generator = null;
    }

    public void setGenerator(int count, IntFunction<ObjectNode> gen) {
        this.generator = gen;
        this.generatedCount = count;
    }

    private MappingBuilder authed(MappingBuilder b) {
        return product == Product.EMBY ? b.withHeader("X-Emby-Token", matching(API_KEY))
                : b.withHeader("Authorization", matching("MediaBrowser .*Token=\"" + API_KEY + "\".*"));
    }

    private void stubServer() {
        // Anything not matched below (a wrong key, a legacy header on strict Jellyfin, an unknown path): 401.
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401).withBody("Access token is invalid or expired.")));
        ObjectNode info = JSON.createObjectNode().put("ServerName", "fake-" + product.name().toLowerCase(Locale.ROOT))
                .put("Version", product == Product.EMBY ? "4.8.11.0" : "12.0.0").put("Id", "a1b2c3d4e5f60718293a4b5c6d7e8f90")
                .put("LocalAddress", url());
        if (product == Product.JELLYFIN) {
            info.put("ProductName", "Jellyfin Server").put("OperatingSystem", "Linux").put("StartupWizardCompleted", true);
        }
        server.stubFor(get(urlPathEqualTo(prefix + "/System/Info/Public")).atPriority(1).willReturn(okJson(info.toString())));
        if (!prefix.isEmpty()) {
            server.stubFor(get(urlPathEqualTo("/System/Info/Public")).atPriority(1).willReturn(aResponse().withStatus(404)));
        }
        server.stubFor(authed(get(urlPathEqualTo(prefix + "/System/Info"))).atPriority(1).willReturn(okJson(info.toString())));
        if (product == Product.EMBY) {
            ArrayNode visible = JSON.createArrayNode();
            visible.add(user("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "alice", false, true));
            visible.add(user("11111111222233334444555566667777", "bob", false, false));
            ArrayNode hidden = JSON.createArrayNode();
            hidden.add(user("99999999888877776666555544443333", "kids", true, false));
            server.stubFor(authed(get(urlPathEqualTo(prefix + "/Users/Query"))).atPriority(2)
                    .willReturn(okJson(JSON.createObjectNode().<ObjectNode>set("Items", visible).put("TotalRecordCount", 2).toString())));
            server.stubFor(authed(get(urlPathEqualTo(prefix + "/Users/Query")).withQueryParam("IsHidden", matching("(?i)true"))).atPriority(1)
                    .willReturn(okJson(JSON.createObjectNode().<ObjectNode>set("Items", hidden).put("TotalRecordCount", 1).toString())));
        } else {
            ArrayNode users = JSON.createArrayNode();
            users.add(user("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "alice", false, true));
            users.add(user("99999999888877776666555544443333", "kids", true, false));
            server.stubFor(authed(get(urlPathEqualTo(prefix + "/Users"))).atPriority(1).willReturn(okJson(users.toString())));
        }
        ArrayNode folders = JSON.createArrayNode();
        folders.add(JSON.createObjectNode().put("Name", "Movies").put("Id", "lib-movies").put("CollectionType", "movies").put("Type", "CollectionFolder"));
        folders.add(JSON.createObjectNode().put("Name", "TV Shows").put("Id", "lib-tv").put("CollectionType", "tvshows").put("Type", "CollectionFolder"));
        server.stubFor(authed(get(urlPathEqualTo(prefix + "/Library/MediaFolders"))).atPriority(1)
                .willReturn(okJson(JSON.createObjectNode().<ObjectNode>set("Items", folders).put("TotalRecordCount", 2).toString())));
        server.stubFor(authed(get(urlPathEqualTo(prefix + "/Items"))).atPriority(5)
                .willReturn(aResponse().withTransformers(ItemsPager.NAME)));
        server.stubFor(authed(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(prefix + "/user_usage_stats/submit_custom_query")))
                .atPriority(1).willReturn(aResponse().withTransformers(PlaybackReportingFake.NAME)));
        // Library scans (the specs: Emby answers 200 with no body, Jellyfin 204); /Library/Media/Updated needs its Updates list.
        int noContent = product == Product.EMBY ? 200 : 204;
        server.stubFor(authed(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(prefix + "/Library/Refresh")))
                .atPriority(1).willReturn(aResponse().withStatus(noContent)));
        server.stubFor(authed(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(prefix + "/Library/Media/Updated")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.Updates[0].Path"))
                .atPriority(1).willReturn(aResponse().withStatus(noContent)));
    }

    private static ObjectNode user(String id, String name, boolean hidden, boolean admin) {
        ObjectNode u = JSON.createObjectNode().put("Name", name).put("Id", id).put("HasPassword", true);
        u.putObject("Policy").put("IsHidden", hidden).put("IsAdministrator", admin).put("IsDisabled", false);
        return u;
    }

    /** The Playback Reporting plugin: a real SQLite PlaybackActivity table behind its custom-query endpoint. */
    public PlaybackReportingFake playbackReporting() {
        return playbackReporting;
    }

    @Override
    public void close() {
        server.stop();
        playbackReporting.close();
    }

    /** Serves {@code /Items}: a page of the item list, or the items named by {@code Ids}. */
    private final class ItemsPager implements ResponseDefinitionTransformerV2 {
        static final String NAME = "items-pager";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request r = event.getRequest();
            itemsRequests.incrementAndGet();
            String ids = param(r, "Ids");
            if (ids != null) {
                idLookups.computeIfAbsent(ids, k -> new AtomicInteger()).incrementAndGet();
                ArrayNode found = JSON.createArrayNode();
                for (ObjectNode i : items) {
                    if (ids.equals(i.path("Id").asText())) {
                        found.add(i);
                    }
                }
                return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(JSON.createObjectNode().<ObjectNode>set("Items", found).put("TotalRecordCount", found.size()).toString()).build();
            }
            String parent = param(r, "ParentId");
            List<String> types = param(r, "IncludeItemTypes") == null ? List.of() : List.of(param(r, "IncludeItemTypes").split(","));
            int start = Integer.parseInt(orDefault(param(r, "StartIndex"), "0"));
            int limit = Integer.parseInt(orDefault(param(r, "Limit"), "100"));
            ArrayNode page = JSON.createArrayNode();
            int total;
            if (generator != null) {
                total = generatedCount;
                for (int k = start; k < Math.min(total, start + limit); k++) {
                    page.add(generator.apply(k));
                }
            } else {
                List<ObjectNode> scope = new ArrayList<>();
                for (ObjectNode i : items) {
                    boolean inParent = parent == null || parent.equals(i.path("ParentId").asText()) || parent.equals(i.path("_Library").asText());
                    if (inParent && (types.isEmpty() || types.contains(i.path("Type").asText()))) {
                        scope.add(i);
                    }
                }
                total = scope.size();
                for (ObjectNode i : scope.subList(Math.min(start, total), Math.min(total, start + limit))) {
                    ObjectNode copy = i.deepCopy();
                    copy.remove("_Library");
                    page.add(copy);
                }
            }
            if (shortPageAt >= 0 && start == shortPageAt && page.size() > 0) {
                page.remove(page.size() - 1);
            }
            if (totalJumpAt >= 0 && start >= totalJumpAt) {
                total += totalJumpBy;
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("Items", page);
            body.put("TotalRecordCount", total);
            if (product == Product.JELLYFIN) {
                body.put("StartIndex", start);
            }
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json").withFixedDelay(pageDelayMillis).withBody(body.toString()).build();
        }

        private String param(Request r, String name) {
            String url = r.getUrl();
            int q = url.indexOf('?');
            if (q < 0) {
                return null;
            }
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                if (k.equalsIgnoreCase(name)) {
                    return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private String orDefault(String v, String d) {
            return v == null ? d : v;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Items shaped like the servers' BaseItemDto. */
    public static final class Items {
        private Items() {
        }

        public static ObjectNode movie(String id, String name, int year, long runtimeSeconds, String... genres) {
            ObjectNode m = JSON.createObjectNode().put("Id", id).put("Name", name).put("Type", "Movie").put("ProductionYear", year)
                    .put("PremiereDate", year + "-05-01T00:00:00.0000000Z").put("DateCreated", "2024-01-02T03:04:05.0000000Z")
                    .put("Path", "/media/movies/" + name + " (" + year + ")/" + name + ".mkv").put("Container", "mkv")
                    .put("Overview", "About " + name).put("CommunityRating", 7.5).put("OfficialRating", "PG-13")
                    .put("ParentId", "lib-movies").put("_Library", "lib-movies");
            if (runtimeSeconds > 0) {
                m.put("RunTimeTicks", runtimeSeconds * 10_000_000L);
            }
            ArrayNode gi = m.putArray("GenreItems");
            ArrayNode g = m.putArray("Genres");
            int k = 0;
            for (String genre : genres) {
                gi.addObject().put("Name", genre).put("Id", 1000 + k++);
                g.add(genre);
            }
            m.putArray("TagItems").addObject().put("Name", "4K").put("Id", 77);
            m.putArray("Tags").add("4K").add("favourite");
            m.putArray("Studios").addObject().put("Name", "Studio " + (id.hashCode() & 3)).put("Id", 5);
            m.putObject("ProviderIds").put("Tmdb", String.valueOf(100 + Math.abs(id.hashCode() % 9000))).put("imdb", "tt" + (1000000 + Math.abs(id.hashCode() % 999999)));
            ArrayNode streams = m.putArray("MediaStreams");
            streams.addObject().put("Type", "Audio").put("Codec", "eac3");
            streams.addObject().put("Type", "Video").put("Codec", "hevc").put("Width", 3840).put("Height", 2160);
            return m;
        }

        public static ObjectNode series(String id, String name, String... genres) {
            ObjectNode s = JSON.createObjectNode().put("Id", id).put("Name", name).put("Type", "Series").put("ParentId", "lib-tv")
                    .put("_Library", "lib-tv").put("ProductionYear", 2010);
            ArrayNode g = s.putArray("Genres");
            ArrayNode gi = s.putArray("GenreItems");
            for (String genre : genres) {
                g.add(genre);
                gi.addObject().put("Name", genre).put("Id", 2000);
            }
            s.putObject("ProviderIds").put("Tvdb", "7" + Math.abs(id.hashCode() % 10000));
            return s;
        }

        public static ObjectNode episode(String id, String seriesId, String seriesName, int season, int episode, long runtimeSeconds) {
            ObjectNode e = JSON.createObjectNode().put("Id", id).put("Name", seriesName + " " + season + "x" + episode).put("Type", "Episode")
                    .put("SeriesId", seriesId).put("SeriesName", seriesName).put("SeasonId", seriesId + "-s" + season)
                    .put("ParentIndexNumber", season).put("IndexNumber", episode).put("ParentId", seriesId + "-s" + season)
                    .put("_Library", "lib-tv").put("Path", "/media/tv/" + seriesName + "/Season " + season + "/e" + episode + ".mkv")
                    .put("Container", "mkv").put("Width", 1920).put("Height", 1080);
            if (runtimeSeconds > 0) {
                e.put("RunTimeTicks", runtimeSeconds * 10_000_000L);
            }
            e.putArray("Genres");
            e.putArray("GenreItems");
            e.putArray("MediaStreams").addObject().put("Type", "Video").put("Codec", "h264").put("Width", 1920).put("Height", 1080);
            return e;
        }

        /** A library of {@code movies} movies and {@code shows} series with {@code episodes} episodes each. */
        public static List<ObjectNode> library(int movies, int shows, int episodes) {
            List<ObjectNode> out = new ArrayList<>();
            String[][] genreSets = {{"Action", "Science Fiction"}, {"Drama"}, {"Comedy", "Romance"}, {"Documentary"}, {"Horror", "Thriller"}};
            for (int m = 0; m < movies; m++) {
                out.add(movie(String.valueOf(10_000 + m), "Movie " + m, 1980 + m % 40, m % 7 == 0 ? 0 : 5400 + m, genreSets[m % genreSets.length]));
            }
            String[][] tvGenres = {{"Drama", "Crime"}, {"Sci-Fi & Fantasy"}, {"Animation", "Kids"}};
            for (int s = 0; s < shows; s++) {
                String sid = String.valueOf(50_000 + s);
                out.add(series(sid, "Show " + s, tvGenres[s % tvGenres.length]));
                for (int e = 1; e <= episodes; e++) {
                    out.add(episode(String.valueOf(60_000 + s * 1000 + e), sid, "Show " + s, 1 + (e - 1) / 10, 1 + (e - 1) % 10, 1500));
                }
            }
            return Collections.unmodifiableList(out);
        }
    }
}
