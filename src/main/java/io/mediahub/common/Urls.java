package io.mediahub.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** The two pieces of URL text every call route's caller needs: a base URL as configured, and a call's query. */
public final class Urls {
    private Urls() {
    }

    /** {@code http://emby:8096//} → {@code http://emby:8096}: a configured base URL, trimmed, without trailing slashes. */
    public static String stripTrailingSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * {@code a=1&b=x+y}: the query of a call ({@code CamelHttpQuery}, no leading {@code ?}), each name and value
     * form-encoded, in the map's order; a null value is left out.
     */
    public static String query(Map<String, ?> query) {
        StringJoiner j = new StringJoiner("&");
        if (query != null) {
            query.forEach((k, v) -> {
                if (v != null) {
                    j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
                }
            });
        }
        return j.toString();
    }
}
