package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.JsonHttpClient;
import io.mediahub.common.RateLimiter;
import io.mediahub.common.ServiceException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AcoustID's {@code /v2/lookup}: a fingerprint and its duration in, the AcoustID tracks it matches out, each with its
 * MusicBrainz recordings, their release groups, releases and track positions. The request is a form POST, as AcoustID
 * prefers for long fingerprints, so the application key travels in the body, never in a URL or a log line. Requests
 * are spaced {@link #REQUEST_INTERVAL} apart by a limiter shared by every run.
 */
public class AcoustIdClient {
    /** What Picard asks for, without {@code sources}: recordings, their release groups and releases, track positions; compact JSON. */
    static final String META = "recordings releasegroups releases tracks compress";
    /** AcoustID allows three requests a second: requests are spaced this far apart (by the limiter given). */
    public static final Duration REQUEST_INTERVAL = Duration.ofMillis(334);

    private final JsonHttpClient http;
    private final String apiKey;

    public AcoustIdClient(String apiUrl, String apiKey, RateLimiter limiter, HttpSettings settings, ObjectMapper json) {
        this.http = new JsonHttpClient("AcoustID", apiUrl, Map::of, settings, "ACOUSTID_API_URL", "ACOUSTID_API_KEY", json)
                .pacedBy(limiter).giveUpWhenUnreachable();
        this.apiKey = apiKey;
    }

    /** The lookup's answer ({@code {"status":"ok","results":[...]}}); an answer with {@code "status":"error"} is a {@link ServiceException}. */
    public JsonNode lookup(Fingerprinter.Fingerprint fp) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("client", apiKey);
        form.put("format", "json");
        form.put("duration", Math.round(fp.durationSeconds()));
        form.put("meta", META);
        form.put("fingerprint", fp.fingerprint());
        JsonNode answer = http.postForm("/v2/lookup", form);
        if (!"ok".equals(answer.path("status").asText())) {
            String message = answer.path("error").path("message").asText("no message");
            throw new ServiceException("AcoustID", 0, false, "AcoustID at " + http.baseUrl() + " answered an error: "
                    + message.replace(apiKey, "(ACOUSTID_API_KEY)") + " — check ACOUSTID_API_KEY", null);
        }
        return answer;
    }
}
