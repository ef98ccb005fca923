package io.mediahub.arr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.JsonHttpClient;
import io.mediahub.common.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The v3 API of one Radarr or Sonarr instance ({@code X-Api-Key}): retries and time-outs from {@link JsonHttpClient},
 * plus a shared token-bucket rate limit and an optional on-disk response cache. Arrays are stream-parsed, one element
 * at a time, so a 20,000-movie library is never one tree in memory.
 */
public class ArrClient {
    private final ArrService service;
    private final JsonHttpClient http;
    private final TokenBucket rateLimit;
    private final ResponseCache cache;
    private final ObjectMapper json;
    private final AtomicLong requests = new AtomicLong();

    public ArrClient(ArrService service, String url, String apiKey, HttpSettings httpSettings, TokenBucket rateLimit, ResponseCache cache,
                     ObjectMapper json) {
        this.service = service;
        this.http = new JsonHttpClient(service.displayName(), url, () -> Map.of("X-Api-Key", apiKey), httpSettings,
                service.urlVariable(), service.apiKeyVariable(), json);
        this.rateLimit = rateLimit;
        this.cache = cache;
        this.json = json;
    }

    public ArrService service() {
        return service;
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** {@code /api/v3/system/status}, never cached: the fail-fast check of URL and key. */
    public JsonNode status() {
        rateLimit.acquire();
        requests.incrementAndGet();
        JsonNode s = http.get("/api/v3/system/status", Map.of());
        if (!s.isObject() || !s.has("version")) {
            throw new ServiceException(service.displayName(), service.displayName() + " at " + http.baseUrl()
                    + " answered /api/v3/system/status without a version — is " + service.urlVariable() + " a " + service.displayName() + " URL?");
        }
        return s;
    }

    /** A whole (small) JSON answer. */
    public JsonNode get(String path, Map<String, ?> query) {
        return fetch(path, query, in -> {
            try {
                return json.readTree(in);
            } catch (IOException e) {
                throw new JsonHttpClient.UnreadableBodyException("a body that is not valid JSON for " + path + " (" + e.getMessage() + ")");
            }
        });
    }

    /** Each element of a JSON array answer, one at a time; returns how many there were. */
    public long forEach(String path, Map<String, ?> query, Consumer<JsonNode> each) {
        return fetch(path, query, in -> {
            try (JsonParser p = json.getFactory().createParser(in)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new JsonHttpClient.UnreadableBodyException("a body that is not a JSON array for " + path);
                }
                long n = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    each.accept(json.readTree(p));
                    n++;
                }
                return n;
            } catch (IOException e) {
                throw new JsonHttpClient.UnreadableBodyException("a body that broke off for " + path + " (" + e.getMessage() + ")");
            }
        });
    }

    private <T> T fetch(String path, Map<String, ?> query, Function<InputStream, T> reader) {
        String key = service.id() + " " + http.baseUrl() + path + JsonHttpClient.queryString(query);
        if (cache == null) {
            rateLimit.acquire();
            requests.incrementAndGet();
            return http.getStreaming(path, query, reader);
        }
        Path file = cache.fresh(key).orElseGet(() -> {
            rateLimit.acquire();
            requests.incrementAndGet();
            return http.getStreaming(path, query, in -> cache.store(key, in));
        });
        try (InputStream in = Files.newInputStream(file)) {
            return reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long requests() {
        return requests.get();
    }
}
