package io.mediahub.config;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs can carry credentials ({@code jdbc:mysql://user:secret@host/db}, {@code ?password=secret},
 * {@code ;password=secret}, {@code (host=h,password=secret)}): the one place that hides them. Every log line, error,
 * health detail and output that shows {@code MEDIAHUB_DB_URL} shows {@link #redact(String)}.
 */
public final class JdbcUrls {
    /** What a hidden credential is shown as. */
    public static final String MASK = "***";

    /** {@code //user:password@}: the password part (several hosts may each carry one). */
    private static final Pattern USER_INFO = Pattern.compile("(//|,)([^/@?;,:()]*):([^/@?;,()]*)@");
    /** {@code password=…}, {@code pwd=…}, {@code sslKeyPassword=…} after {@code ? & ; , (}, up to the next separator. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;,(]\\s*[\\w.-]*(?:password|passwd|pwd|secret|token))=([^&;,)]*)");

    private JdbcUrls() {
    }

    /** The URL with every credential it carries replaced by {@link #MASK}; user names, hosts and options stay. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String u = USER_INFO.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
        return PASSWORD_PARAM.matcher(u).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + MASK));
    }

    /** A URL's {@code user:password} (one host only) and the URL without it. */
    public record UserInfo(String user, String password, String urlWithout) {
    }

    /**
     * {@code jdbc:mysql://user:password@host/db} → the user, the password and {@code jdbc:mysql://host/db}, for drivers
     * (MariaDB Connector/J) that do not read credentials there.
     */
    public static java.util.Optional<UserInfo> userInfo(String url) {
        Matcher m = Pattern.compile("^(jdbc:[a-z]+:(?:[a-z]+:)?//)([^/@?;,:()]+):([^/@?;,()]*)@([^,]*)$").matcher(url);
        return m.matches() ? java.util.Optional.of(new UserInfo(m.group(2), m.group(3), m.group(1) + m.group(4))) : java.util.Optional.empty();
    }

    /** True when the URL carries a credential, so it is handled as a secret. */
    public static boolean hasCredentials(String url) {
        return url != null && !credentials(url).isEmpty();
    }

    /** Every credential value inside the URL. */
    static Set<String> credentials(String url) {
        Set<String> out = new LinkedHashSet<>();
        Matcher a = USER_INFO.matcher(url);
        while (a.find()) {
            if (!a.group(3).isEmpty()) {
                out.add(a.group(3));
            }
        }
        Matcher p = PASSWORD_PARAM.matcher(url);
        while (p.find()) {
            if (!p.group(2).isBlank()) {
                out.add(p.group(2));
            }
        }
        return out;
    }

    /**
     * {@code text} (a driver's error, which may quote the URL or a part of it) with the URL and each credential the URL
     * carries replaced, so an error can be shown.
     */
    public static String scrub(String text, String url) {
        if (text == null || url == null || url.isBlank()) {
            return text;
        }
        String t = text.replace(url, redact(url));
        for (String c : credentials(url)) {
            // Whole tokens only: a short password must not turn every matching letter of the message into ***.
            t = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(c) + "(?![A-Za-z0-9])").matcher(t).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return t;
    }
}
