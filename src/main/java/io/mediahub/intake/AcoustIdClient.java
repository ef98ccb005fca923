package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AcoustID's {@code /v2/lookup}: a fingerprint and its duration in, the AcoustID tracks it matches out, each with its
 * MusicBrainz recordings, their release groups, releases and track positions. The request is a form POST, as AcoustID
 * prefers for long fingerprints, so the application key travels in the body, never in a URL or a log line. Each lookup
 * goes to {@code direct:intake-ask-acoustid} (routes/intake/intake-ask-acoustid.camel.yaml): retried under
 * {@code mediahub-http-policy} through {@code intake-call-acoustid}, whose {@code throttle} lets three requests a second
 * through (retries included), shared by every run.
 */
public class AcoustIdClient {
    /** What Picard asks for, without {@code sources}: recordings, their release groups and releases, track positions; compact JSON. */
    static final String META = "recordings releasegroups releases tracks compress";
    static final String PATH = "/v2/lookup";

    private final IntakeCalls.RunCalls http;
    private final String apiUrl;
    private final String apiKey;

    public AcoustIdClient(IntakeCalls calls, String apiUrl, String apiKey) {
        this.http = new IntakeCalls.RunCalls(calls, IntakeCalls.ACOUSTID);
        this.apiUrl = io.mediahub.common.Urls.stripTrailingSlash(apiUrl);
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
        JsonNode answer = http.call(Map.of("httpPath", PATH, "httpMethod", "POST"), io.mediahub.common.Urls.query(form));
        if (!"ok".equals(answer.path("status").asText())) {
            String message = answer.path("error").path("message").asText("no message");
            throw new ServiceException("AcoustID", 0, false, "AcoustID at " + apiUrl + " answered an error: "
                    + message.replace(apiKey, "(ACOUSTID_API_KEY)") + " — check ACOUSTID_API_KEY", null);
        }
        return answer;
    }
}
