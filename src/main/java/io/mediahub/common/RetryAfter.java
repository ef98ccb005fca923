package io.mediahub.common;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code Retry-After} of a response's headers, whatever its case ({@code Retry-after} from some servers): camel-http
     * hands them over as a plain, case-sensitive map.
     */
    public static Optional<Duration> find(Map<String, ?> headers, Clock clock) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(e -> "Retry-After".equalsIgnoreCase(e.getKey()) && e.getValue() != null).findFirst()
                .flatMap(e -> parse(String.valueOf(e.getValue()), clock));
    }

    /** The jitter: a retry waits up to this fraction more (or, for Mediahub's own backoff, less) than its nominal delay. */
    static final double JITTER = 0.25;

    /**
     * The wait before retry number {@code attempt} (1 = the first retry). A server's {@code Retry-After} is honoured as
     * a floor: jitter only lengthens it (up to {@link #JITTER} more), never shortens it; it is still capped at
     * {@code max} (HTTP_RETRY_MAX_DELAY). Without one, the exponential backoff {@code base * 2^(attempt-1)}, capped at
     * {@code max}, is spread by ±{@link #JITTER}.
     *
     * @param random a value in [0, 1)
     */
    public static Duration delay(int attempt, Duration serverWait, Duration base, Duration max, double random) {
        if (serverWait != null) {
            if (serverWait.compareTo(max) >= 0) {
                return max;
            }
            Duration longer = serverWait.plusMillis(Math.round(serverWait.toMillis() * JITTER * random));
            return longer.compareTo(max) > 0 ? max : longer;
        }
        double nominal = base.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(nominal, Math.max(base.toMillis(), max.toMillis()));
        long jittered = Math.round(capped * (1 + JITTER * (2 * random - 1)));
        return Duration.ofMillis(Math.min(jittered, Math.max(base.toMillis(), max.toMillis())));
    }
}
