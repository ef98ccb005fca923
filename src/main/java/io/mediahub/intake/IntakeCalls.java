package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.ServiceException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * How the intake's Java steps (the identification chains, which decide call by call what to ask next) reach their
 * services: each call is sent to the service's route in {@code routes/intake/} ({@code intake-ask-*}), which runs it
 * under {@code mediahub-http-policy} through the service's call route (headers stripped, auth or User-Agent set,
 * {@code throttle}, camel-http, Jackson). The route's failure comes back as the service's one-line
 * {@link ServiceException}. Bound as {@code intakeCalls}; {@link #contextBinding()} hands it Camel's context.
 */
public final class IntakeCalls implements CamelContextAware {
    static final String TMDB = "direct:intake-ask-tmdb";
    static final String MUSICBRAINZ = "direct:intake-ask-musicbrainz";
    static final String ACOUSTID = "direct:intake-ask-acoustid";
    static final String TMDB_IMAGE = "direct:intake-fetch-artwork";
    static final String COVER = "direct:intake-fetch-cover";
    static final String FILE_MEDIA = "direct:intake-file-media";

    private volatile CamelContext camel;
    private volatile ProducerTemplate template;

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camel = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }

    /** A builder with no routes of its own: when Camel adds it, this object learns the context its calls go through. */
    org.apache.camel.RoutesBuilder contextBinding() {
        return new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                IntakeCalls.this.setCamelContext(getContext());
            }
        };
    }

    private ProducerTemplate template() {
        ProducerTemplate t = template;
        if (t == null) {
            synchronized (this) {
                if (template == null) {
                    if (camel == null) {
                        throw new IllegalStateException("the intake's routes are not started");
                    }
                    template = camel.createProducerTemplate();
                }
                t = template;
            }
        }
        return t;
    }

    /** One JSON call: {@code variables} (httpPath, httpQuery, httpMethod, …) and {@code body} as the route expects them. */
    JsonNode json(String endpoint, Map<String, Object> variables, Object body) {
        Exchange done = template().send(endpoint, x -> {
            variables.forEach(x::setVariable);
            x.getIn().setBody(body);
        });
        if (done.getException() != null) {
            throw unchecked(done.getException());
        }
        return done.getMessage().getBody(JsonNode.class);
    }

    /** One file through the filing stages ({@code intake-file-media}), for {@code identify}; a stage's failure is thrown as it is. */
    void fileMedia(InboxIntake.Filing filing) {
        Exchange done = template().send(FILE_MEDIA, x -> x.getIn().setBody(filing));
        if (done.getException() != null) {
            throw unchecked(done.getException());
        }
    }

    /**
     * One download to {@code target}, through {@code endpoint} ({@link #TMDB_IMAGE} or {@link #COVER}); the route streams it
     * to a staging file and moves it into place. {@code variables} name what is fetched.
     */
    void download(String endpoint, Map<String, Object> variables) throws IOException {
        Exchange done = template().send(endpoint, x -> variables.forEach(x::setVariable));
        Exception e = done.getException();
        if (e == null) {
            return;
        }
        if (root(e) instanceof IOException io) {
            throw io;
        }
        throw unchecked(e);
    }

    /** The failure itself, out of Camel's wrappers. */
    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getClass().getName().startsWith("org.apache.camel.") && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException unchecked(Throwable e) {
        Throwable t = root(e);
        return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
    }

    /**
     * A service as one run of the intake asks it: once it could not be reached (refused, timed out, a network error)
     * after every retry, later calls of the run fail at once with the same reason, so a service that is down costs a run
     * one round of retries, not one per file.
     */
    static final class RunCalls {
        private final IntakeCalls calls;
        private final String endpoint;
        private volatile ServiceException unreachable;

        RunCalls(IntakeCalls calls, String endpoint) {
            this.calls = calls;
            this.endpoint = endpoint;
        }

        JsonNode call(Map<String, Object> variables, Object body) {
            ServiceException down = unreachable;
            if (down != null) {
                throw new ServiceException(down.service(), 0, true, down.getMessage() + " (earlier in this run; not asked again)", null);
            }
            try {
                JsonNode answer = calls.json(endpoint, variables, body);
                if (answer == null || answer.isMissingNode()) {
                    throw new ServiceException(endpoint, 0, true, "no answer from " + endpoint, null);
                }
                return answer;
            } catch (ServiceException e) {
                if (e.status() == 0 && e.getCause() instanceof IOException) {
                    unreachable = e;
                }
                throw e;
            }
        }
    }
}
