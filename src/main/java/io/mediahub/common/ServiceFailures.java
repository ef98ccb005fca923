package io.mediahub.common;

import java.time.Duration;
import java.util.Locale;

/**
 * The one-line messages of a failed call to a service, word for word the same whichever route made the call (a
 * camel-http call route, through {@link HttpFailureTranslator}), and the same as in the first versions:
 * {@code Emby at http://emby.local:8096 answered 401 Unauthorized — check EMBY_API_KEY}. Users and checks rely on them.
 *
 * @param service     the name users know ("Emby", "TMDb")
 * @param baseUrl     where it was reached, no trailing slash, no secret
 * @param urlVariable the variable to check when the service cannot be reached
 * @param keyVariable the variable to check on 401/403
 */
public record ServiceFailures(String service, String baseUrl, String urlVariable, String keyVariable) {

    private String where() {
        return service + " at " + baseUrl;
    }

    /** A non-2xx answer, after {@code maxAttempts} attempts when it was one that is retried (429, 5xx). */
    public ServiceException status(int status, String path, int maxAttempts) {
        String reason = status + " " + reasonPhrase(status);
        String hint = switch (status) {
            case 401, 403 -> " — check " + keyVariable;
            case 404 -> " for " + path + " — check " + urlVariable;
            case 429 -> " (rate limited) after " + maxAttempts + " attempts";
            default -> status >= 500 ? " after " + maxAttempts + " attempts" : " for " + path;
        };
        return new ServiceException(service, status, status == 429 || status >= 500, where() + " answered " + reason + hint, null);
    }

    /** A 2xx answer whose body could not be read ({@code what}: "an empty body for /x", …). */
    public ServiceException unreadable(String what) {
        return new ServiceException(service, 0, true, where() + " answered " + what, null);
    }

    public ServiceException connectTimeout(Duration connectTimeout, Throwable cause) {
        return new ServiceException(service, 0, true, where() + " did not accept a connection within " + seconds(connectTimeout)
                + " — check " + urlVariable, cause);
    }

    public ServiceException readTimeout(String path, Duration readTimeout, Throwable cause) {
        return new ServiceException(service, 0, true, where() + " did not answer " + path + " within " + seconds(readTimeout), cause);
    }

    public ServiceException refused(Throwable cause) {
        return new ServiceException(service, 0, true, where() + " is unreachable (connection refused) — check " + urlVariable, cause);
    }

    public ServiceException io(Throwable cause) {
        return new ServiceException(service, 0, true, where() + " failed: " + describe(cause) + " — check " + urlVariable, cause);
    }

    public ServiceException interrupted(Throwable cause) {
        return new ServiceException(service, 0, false, "call to " + where() + " was interrupted", cause);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    public static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
