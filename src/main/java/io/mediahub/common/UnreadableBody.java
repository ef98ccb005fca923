package io.mediahub.common;

import java.io.IOException;

/**
 * A 2xx answer whose body could not be read (empty, not JSON, not the array asked for, broken off), found by a step
 * that reads a camel-http answer itself (a streaming parse). An I/O error, so {@code mediahub-http-policy} redelivers
 * the call like any broken answer; when Camel gives up, {@link HttpFailureTranslator} turns it
 * into the service's one-line message: {@code Radarr at http://… answered a body that broke off for /api/v3/movie (…)}.
 */
public class UnreadableBody extends IOException {
    /** @param what the message's end: "an empty body for /x", "a body that is not a JSON array for /x" */
    public UnreadableBody(String what, Throwable cause) {
        super(what, cause);
    }
}
