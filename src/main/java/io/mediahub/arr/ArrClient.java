package io.mediahub.arr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.JsonHttpClient;
import io.mediahub.common.ServiceException;
import io.mediahub.flow.FlowStoppedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The v3 API of one Radarr or Sonarr instance ({@code X-Api-Key}): retries and time-outs from {@link JsonHttpClient},
 * a shared token-bucket rate limit that paces every request sent (retries included), and an optional on-disk cache of
 * the answers that change slowly ({@link #CACHED_PATHS}: quality profiles, custom formats). The file lists (movies,
 * series, episodes, episode files) and the status check are always asked anew, so every export records what changed.
 * Arrays are stream-parsed, one element at a time, so a 20,000-movie library is never one tree in memory.
 */
public class ArrClient {
    /** The only answers the response cache keeps: they change when a user edits the service's settings, not its files. */
    public static final Set<String> CACHED_PATHS = Set.of("/api/v3/qualityprofile", "/api/v3/customformat");

    private final ArrInstance instance;
    private final JsonHttpClient http;
    private final ResponseCache cache;
    private final ObjectMapper json;
    private final AtomicLong requests = new AtomicLong();

    public ArrClient(ArrInstance instance, String url, String apiKey, HttpSettings httpSettings, TokenBucket rateLimit, ResponseCache cache,
                     ObjectMapper json) {
        this.instance = instance;
        this.http = new JsonHttpClient(instance.displayName(), url, () -> Map.of("X-Api-Key", apiKey), httpSettings,
                instance.urlVariable(), instance.apiKeyVariable(), json).pacedBy(() -> {
                    rateLimit.awaitTurn();
                    requests.incrementAndGet();
                });
        this.cache = cache;
        this.json = json;
    }

    public ArrInstance instance() {
        return instance;
    }

    public ArrService service() {
        return instance.service();
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** {@code /api/v3/system/status}, never cached: the fail-fast check of URL and key. */
    public JsonNode status() {
        JsonNode s = stoppable(() -> http.get("/api/v3/system/status", Map.of()));
        if (!s.isObject() || !s.has("version")) {
            throw new ServiceException(instance.displayName(), instance.displayName() + " at " + http.baseUrl()
                    + " answered /api/v3/system/status without a version — is " + instance.urlVariable() + " a " + service().displayName() + " URL?");
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
        if (cache == null || !CACHED_PATHS.contains(path)) {
            return stoppable(() -> http.getStreaming(path, query, reader));
        }
        String key = instance.id() + " " + http.baseUrl() + path + JsonHttpClient.queryString(query);
        Optional<Path> cached = cache.fresh(key);
        if (cached.isPresent()) {
            try (InputStream in = Files.newInputStream(cached.get())) {
                return reader.apply(in);
            } catch (IOException | JsonHttpClient.UnreadableBodyException e) {
                cache.evict(key); // kept by an earlier version or damaged on disk: ask again
            }
        }
        return stoppable(() -> http.getStreaming(path, query, in -> cache.storeIfRead(key, in, reader)));
    }

    /** A call whose thread was interrupted (the flow is stopping) ends the flow's work, not just this request. */
    private <T> T stoppable(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new FlowStoppedException(instance.displayName() + " export interrupted; the request was not sent");
            }
            throw e;
        }
    }

    /** Requests sent to the service (every attempt, retries included). */
    public long requests() {
        return requests.get();
    }
}
