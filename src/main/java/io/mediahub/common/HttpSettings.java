package io.mediahub.common;

import io.mediahub.config.Settings;
import java.time.Duration;

/** Time-outs and retry policy of one service's client (see {@code http.*} in application.properties). */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration retryBaseDelay,
                           Duration retryMaxDelay) {

    public static HttpSettings from(Settings s) {
        return new HttpSettings(s.getDuration("http.connect-timeout"), s.getDuration("http.read-timeout"),
                s.getInt("http.max-attempts"), s.getDuration("http.retry-base-delay"), s.getDuration("http.retry-max-delay"));
    }

    public HttpSettings withReadTimeout(Duration d) {
        return new HttpSettings(connectTimeout, d, maxAttempts, retryBaseDelay, retryMaxDelay);
    }
}
