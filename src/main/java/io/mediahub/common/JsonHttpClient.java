package io.mediahub.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way Mediahub calls a JSON HTTP API: a configurable base URL, connect and read time-outs on every call,
 * retries of 429, 5xx, I/O errors and unreadable bodies with exponential backoff and jitter (honouring
 * {@code Retry-After}), and no retries of other 4xx. Every failure becomes a {@link ServiceException} whose one-line
 * message names the service and what to check. Authentication headers come from a supplier and are never logged.
 */
public class JsonHttpClient {
    private static final Logger LOG = LoggerFactory.getLogger(JsonHttpClient.class);

    private final String service;
    private final String baseUrl;
    private final Supplier<Map<String, String>> authHeaders;
    private final HttpSettings settings;
    private final String urlVariable;
    private final String keyVariable;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private Pacer pacer = () -> {
    };
    private boolean giveUpWhenUnreachable;
    private java.util.function.DoubleSupplier random = () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    private volatile ServiceException unreachable;

    /** Waits, before every request a client sends (retries included), until the service's rate limit allows it. */
    @FunctionalInterface
    public interface Pacer {
        void awaitTurn() throws InterruptedException;
    }

    /**
     * @param service     the name users know ("Emby", "TMDb")
     * @param baseUrl     the base every path is appended to, no trailing slash
     * @param urlVariable the variable to check when the service cannot be reached (for the error line)
     * @param keyVariable the variable to check on 401/403
     */
    public JsonHttpClient(String service, String baseUrl, Supplier<Map<String, String>> authHeaders, HttpSettings settings,
                          String urlVariable, String keyVariable, ObjectMapper json) {
        this.service = service;
        this.baseUrl = stripTrailingSlash(baseUrl);
        this.authHeaders = authHeaders;
        this.settings = settings;
        this.urlVariable = urlVariable;
        this.keyVariable = keyVariable;
        this.json = json;
        this.clock = Clock.systemUTC();
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static String stripTrailingSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    public String service() {
        return service;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** For tests: the source of the retry delays' jitter (values in [0, 1)). */
    JsonHttpClient jitteredBy(java.util.function.DoubleSupplier source) {
        this.random = source;
        return this;
    }

    /** Every request of this client (retries included) first waits for {@code p}: for services that allow one request per interval. */
    public JsonHttpClient pacedBy(Pacer p) {
        this.pacer = p;
        return this;
    }

    /**
     * Once the service could not be reached (refused, timed out, network error) after every retry, later calls of this
     * client fail at once with the same reason instead of retrying again: for clients that live for one run and call a
     * service once per file, so a service that is down costs a run one round of retries, not one per file.
     */
    public JsonHttpClient giveUpWhenUnreachable() {
        this.giveUpWhenUnreachable = true;
        return this;
    }

    /** GET a JSON document. */
    public JsonNode get(String path, Map<String, ?> query) {
        return send("GET", path, query, null, null, in -> readTree(in, path));
    }

    /** POST a JSON body, read a JSON answer. */
    public JsonNode post(String path, Object body) {
        return send("POST", path, Map.of(), jsonBytes(body), "application/json", in -> readTree(in, path));
    }

    private byte[] jsonBytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise the request body for " + service, e);
        }
    }

    /** POST a form ({@code application/x-www-form-urlencoded}), read a JSON answer: for keys that must not travel in a URL. */
    public JsonNode postForm(String path, Map<String, ?> form) {
        byte[] bytes = queryString(form).replaceFirst("^\\?", "").getBytes(StandardCharsets.UTF_8);
        return send("POST", path, Map.of(), bytes, "application/x-www-form-urlencoded", in -> readTree(in, path));
    }

    /** POST a JSON body (or none, when {@code body} is null) to an endpoint that answers with no content (200/204). */
    public void postForNoContent(String path, Object body) {
        send("POST", path, Map.of(), body == null ? null : jsonBytes(body), body == null ? null : "application/json", in -> {
            try {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    /**
     * GET and hand the body stream to {@code reader} (for answers too large to hold as a tree). The reader runs
     * inside the retry: if reading fails with an I/O or parse error the whole call is retried.
     */
    public <T> T getStreaming(String path, Map<String, ?> query, Function<InputStream, T> reader) {
        return send("GET", path, query, null, null, reader);
    }

    private JsonNode readTree(InputStream in, String path) {
        try {
            JsonNode node = json.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new UnreadableBodyException("an empty body for " + path);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("a body that is not valid JSON for " + path + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UnreadableBodyException("a body that broke off for " + path + " (" + e.getMessage() + ")");
        }
    }

    private <T> T send(String method, String path, Map<String, ?> query, byte[] body, String contentType, Function<InputStream, T> reader) {
        ServiceException down = unreachable;
        if (down != null) {
            throw new ServiceException(service, 0, true, down.getMessage() + " (earlier in this run; not asked again)", null);
        }
        try {
            return sendWithRetries(method, path, query, body, contentType, reader);
        } catch (ServiceException e) {
            if (giveUpWhenUnreachable && e.status() == 0 && e.getCause() instanceof IOException) {
                unreachable = e;
            }
            throw e;
        }
    }

    private <T> T sendWithRetries(String method, String path, Map<String, ?> query, byte[] body, String contentType,
                                  Function<InputStream, T> reader) {
        URI uri = URI.create(baseUrl + path + queryString(query));
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf(JsonHttpClient::isRetryable)
                .withMaxAttempts(Math.max(1, settings.maxAttempts()))
                // Failsafe's own jitter would also shorten a server's Retry-After: the delay is computed here instead.
                .withDelayFn(ctx -> {
                    Throwable t = ctx.getLastException();
                    Duration serverWait = t instanceof HttpStatusException h ? h.retryAfter : null;
                    return RetryAfter.delay(ctx.getAttemptCount(), serverWait, settings.retryBaseDelay(), settings.retryMaxDelay(),
                            random.getAsDouble());
                })
                .onRetry(e -> LOG.warn("{} {} {}: attempt {} failed ({}), retrying", service, method, path,
                        e.getAttemptCount(), describe(e.getLastException())))
                .build();
        try {
            return Failsafe.with(retry).get(() -> attempt(method, uri, path, body, contentType, reader));
        } catch (FailsafeException e) {
            throw toServiceException(e.getCause() != null ? e.getCause() : e, path);
        } catch (RuntimeException e) {
            throw toServiceException(e, path);
        }
    }

    private <T> T attempt(String method, URI uri, String path, byte[] body, String contentType, Function<InputStream, T> reader)
            throws IOException, InterruptedException {
        pacer.awaitTurn();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).header("Accept", "application/json")
                .header("User-Agent", "Mediahub");
        // setHeader: a service's own headers (MusicBrainz's User-Agent with a contact) replace the defaults.
        authHeaders.get().forEach(b::setHeader);
        if (body != null) {
            b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return reader.apply(in);
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock).orElse(null);
            throw new HttpStatusException(status, retryAfter);
        }
    }

    private static boolean isRetryable(Throwable t) {
        if (t instanceof HttpStatusException h) {
            return h.status == 429 || h.status >= 500;
        }
        return t instanceof IOException || t instanceof UnreadableBodyException || t instanceof java.io.UncheckedIOException;
    }

    private RuntimeException toServiceException(Throwable t, String path) {
        ServiceFailures failures = new ServiceFailures(service, baseUrl, urlVariable, keyVariable);
        if (t instanceof ServiceException s) {
            return s;
        }
        if (t instanceof HttpStatusException h) {
            return failures.status(h.status, path, settings.maxAttempts());
        }
        if (t instanceof UnreadableBodyException u) {
            return failures.unreadable(u.getMessage());
        }
        if (t instanceof HttpConnectTimeoutException) {
            return failures.connectTimeout(settings.connectTimeout(), t);
        }
        if (t instanceof HttpTimeoutException) {
            return failures.readTimeout(path, settings.readTimeout(), t);
        }
        if (t instanceof ConnectException) {
            return failures.refused(t);
        }
        if (t instanceof IOException io) {
            return failures.io(io);
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return failures.interrupted(t);
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    private static String describe(Throwable t) {
        if (t instanceof HttpStatusException h) {
            return h.status + " " + reasonPhrase(h.status);
        }
        return ServiceFailures.describe(t);
    }

    public static String reasonPhrase(int status) {
        return ServiceFailures.reasonPhrase(status);
    }

    public static String queryString(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        new LinkedHashMap<>(query).forEach((k, v) -> {
            if (v != null) {
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return j.toString();
    }

    /** A non-2xx answer. */
    static final class HttpStatusException extends RuntimeException {
        final int status;
        final Duration retryAfter;

        HttpStatusException(int status, Duration retryAfter) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    /** A 2xx answer whose body could not be read as JSON. */
    public static final class UnreadableBodyException extends RuntimeException {
        public UnreadableBodyException(String message) {
            super(message, null, false, false);
        }
    }
}
