package io.mediahub.intake;

import java.net.URI;
import java.util.Locale;

/**
 * Which redirects of the Cover Art Archive are followed. The shared camel-http component follows none (a call never
 * goes to another host on its own); the Cover Art Archive, though, answers {@code /release/{mbid}/front} with a 307 to
 * the image on archive.org, which redirects once more to its storage host ({@code ia800….us.archive.org}). A redirect is
 * followed only to
 * <ul>
 * <li>{@code https} on {@code coverartarchive.org}, {@code archive.org} or a host below {@code archive.org}, on the
 * default port, with no user name in it; or</li>
 * <li>the very origin (scheme, host and port) of {@code INTAKE_COVERART_URL} (a mirror of your own).</li>
 * </ul>
 * Pure: no I/O.
 */
public final class CoverArtRedirects {
    private final URI base;

    /** @param coverArtUrl {@code INTAKE_COVERART_URL} */
    public CoverArtRedirects(String coverArtUrl) {
        this.base = URI.create(io.mediahub.common.Urls.stripTrailingSlash(coverArtUrl));
    }

    /** Null when {@code target} may be followed, else why not (for the message). */
    public String refusal(URI target) {
        if (!target.isAbsolute() || target.getHost() == null || target.getRawUserInfo() != null) {
            return "which is not a plain absolute http address";
        }
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        String host = target.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equalsIgnoreCase(base.getScheme()) && host.equalsIgnoreCase(String.valueOf(base.getHost()))
                && port(target) == port(base)) {
            return null;
        }
        boolean archive = host.equals("coverartarchive.org") || host.equals("archive.org") || host.endsWith(".archive.org");
        if (!"https".equals(scheme)) {
            return "which is not https";
        }
        if (!archive || port(target) != 443) {
            return "which is not coverartarchive.org or archive.org";
        }
        return null;
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }
}
