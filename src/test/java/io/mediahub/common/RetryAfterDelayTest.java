package io.mediahub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class RetryAfterDelayTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final HttpSettings settings = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 5, Duration.ofSeconds(1),
            Duration.ofSeconds(60));

    @Test
    void jitterOnlyLengthensTheServersWaitAndTheCapWins() {
        RetryAfterDelay none = new RetryAfterDelay(settings, clock, () -> 0.0);
        RetryAfterDelay most = new RetryAfterDelay(settings, clock, () -> 0.999);
        assertThat(none.delay(Duration.ofSeconds(2), 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(most.delay(Duration.ofSeconds(2), 1)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
        // The computed backoff (1 s doubled per retry: 4 s at the third) is longer than a server's 1 s: it wins.
        assertThat(none.delay(Duration.ofSeconds(1), 3)).isEqualTo(Duration.ofSeconds(4));
        // HTTP_RETRY_MAX_DELAY caps even a server's wait.
        assertThat(most.delay(Duration.ofHours(1), 1)).isEqualTo(Duration.ofSeconds(60));
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(most.delay(Duration.ofSeconds(7), attempt)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        }
    }

    @Test
    void setsTheRedeliveryDelayFromRetryAfterInAnyCaseAndClearsAStaleOne() {
        RetryAfterDelay p = new RetryAfterDelay(settings, clock, () -> 0.0);
        Exchange x = new DefaultExchange(new DefaultCamelContext());
        x.setProperty(Exchange.EXCEPTION_CAUGHT, new HttpOperationFailedException("http://h/x", 503, "Service Unavailable", null,
                Map.of("Retry-after", "Sun, 22 Nov 2026 10:00:30 GMT"), ""));
        x.getIn().setHeader(Exchange.REDELIVERY_COUNTER, 1);
        p.process(x);
        assertThat(x.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(30_000L);

        x.setProperty(Exchange.EXCEPTION_CAUGHT, new HttpOperationFailedException("http://h/x", 503, "Service Unavailable", null, Map.of(), ""));
        p.process(x);
        assertThat(x.getIn().getHeader(Exchange.REDELIVERY_DELAY)).isNull();
    }
}
