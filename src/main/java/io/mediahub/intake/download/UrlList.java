package io.mediahub.intake.download;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The URLs of a {@code .txt} file (one per line; blank lines and {@code #} comments skipped) or a {@code .url} Internet
 * shortcut ({@code URL=…} under {@code [InternetShortcut]}), and the rule every URL to download must meet; pure.
 */
public final class UrlList {
    private UrlList() {
    }

    public static List<String> parse(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : text.split("\\R")) {
            String l = raw.strip();
            if (l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";") || l.startsWith("[")) {
                continue;
            }
            if (l.regionMatches(true, 0, "URL=", 0, 4)) {
                l = l.substring(4).strip();
            } else if (l.contains("=") && !l.contains("://")) {
                continue; // another key of a .url file
            }
            out.add(l);
        }
        return new ArrayList<>(out);
    }

    /** The reason this URL cannot be downloaded, or null: only http and https URLs with a host. */
    public static String problem(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "'" + printable(url) + "' is not an http or https URL";
            }
            if (u.getHost() == null || u.getHost().isBlank()) {
                return "'" + printable(url) + "' has no host";
            }
            return null;
        } catch (Exception e) {
            return "'" + printable(url) + "' is not a URL";
        }
    }

    /** The host without its port ({@code www.example.org}), for a video without an uploader; null when there is none. */
    public static String host(String url) {
        try {
            return new URI(url).getHost();
        } catch (Exception e) {
            return null;
        }
    }

    static String printable(String s) {
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() <= 200 ? p : p.substring(0, 199) + "…";
    }
}
