package io.mediahub.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a file goes in the library, as Emby and Jellyfin expect it, and the Media Library app's rules for names: the
 * characters {@code <>"/\|?*} become {@code _}, leading and trailing spaces and dots are stripped. A colon follows
 * Radarr's and Sonarr's "smart" replacement instead of becoming {@code _}: {@code Title: Subtitle} becomes
 * {@code Title - Subtitle} (a colon with a space beside it), {@code 10:30} becomes {@code 10-30} (a colon between two
 * characters). Control characters (newlines, tabs) become spaces and leading dashes are stripped too, so a name can
 * never be read as an option by a tool.
 *
 * <p>File systems allow 255 bytes per name, so names are measured in UTF-8 bytes and cut at a character boundary (a
 * whole grapheme: an accented letter with its combining mark, an emoji with its modifier, never half a surrogate
 * pair). A stem is cut at {@value #MAX_STEM_BYTES} bytes, which leaves room for everything that is later put beside
 * it: a clash suffix up to {@code " (9999)"}, {@code .mediahub.json} (longer than any extension kept) and the hidden
 * staging name {@code .NAME.mediahub-partial}. Pure functions, no I/O.
 */
public final class LibraryNames {
    /** The longest name a file system takes, in bytes (ext4, XFS, Btrfs, ZFS; NTFS and APFS count 255 characters). */
    static final int MAX_NAME_BYTES = 255;
    /** The longest stem kept: {@value #MAX_NAME_BYTES} less {@code " (9999)"}, {@code .mediahub.json} and {@code ..mediahub-partial}. */
    static final int MAX_STEM_BYTES = MAX_NAME_BYTES - " (9999)".length() - ".mediahub.json".length() - "..mediahub-partial".length();
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern SPACED_COLON = Pattern.compile("\\s*:(\\s+|$)|\\s+:");

    private LibraryNames() {
    }

    /** One path component made safe and at most {@value #MAX_STEM_BYTES} bytes; never empty, never {@code .} or {@code ..}. */
    public static String sanitise(String name) {
        if (name == null) {
            return "Unknown";
        }
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if ("<>\"/\\|?*".indexOf(cp) >= 0 || cp == 0xFFFD) {
                sb.append('_');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = smartColons(sb.toString()).replaceAll(" {2,}", " ");
        s = stripEnds(s);
        while (s.startsWith("-")) {
            s = stripEnds(s.substring(1));
        }
        s = fit(s, MAX_STEM_BYTES);
        return s.isEmpty() ? "Unknown" : s;
    }

    /**
     * Radarr's and Sonarr's "smart" colon: {@code ": "} (or a colon with spaces before it) becomes {@code " - "}, any other
     * colon {@code "-"}; a colon at the end goes.
     */
    static String smartColons(String s) {
        return SPACED_COLON.matcher(s).replaceAll(m -> m.end() == s.length() && m.group(1) != null ? "" : " - ").replace(':', '-');
    }

    /** Bytes in UTF-8. */
    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The longest start of {@code s} that is at most {@code maxBytes} bytes in UTF-8 and ends on a grapheme boundary, its
     * trailing spaces and dots stripped.
     */
    static String fit(String s, int maxBytes) {
        if (utf8Length(s) <= maxBytes) {
            return s;
        }
        Matcher m = GRAPHEME.matcher(s);
        int end = 0;
        int bytes = 0;
        while (m.find()) {
            bytes += utf8Length(m.group());
            if (bytes > maxBytes) {
                break;
            }
            end = m.end();
        }
        return stripEnds(s.substring(0, end));
    }

    /** A file name cut to at most {@code maxBytes} bytes by shortening its stem; the extension stays. */
    static String fitName(String fileName, int maxBytes) {
        String ext = extension(fileName);
        String stem = fileName.substring(0, fileName.length() - ext.length());
        return fit(stem, maxBytes - utf8Length(ext)) + ext;
    }

    private static String stripEnds(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '.')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '.')) {
            b--;
        }
        return s.substring(a, b);
    }

    /** {@code Title (Year)}, or {@code Title} without a year; the title is cut so that the whole fits. */
    public static String titleYear(String title, Integer year) {
        return titleYear(title, year, MAX_STEM_BYTES);
    }

    private static String titleYear(String title, Integer year, int maxBytes) {
        String y = year == null ? "" : " (" + year + ")";
        String t = fit(sanitise(title), maxBytes - utf8Length(y));
        return (t.isEmpty() ? "Unknown" : t) + y;
    }

    /** The extension in lower case with its dot ({@code .mkv}), or empty. */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return "";
        }
        String ext = fileName.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
    }

    /** {@code movies/Title (Year)/Title (Year).ext} */
    public static Path movie(String title, Integer year, String ext) {
        String ty = titleYear(title, year);
        return Path.of("movies", ty, ty + ext);
    }

    /**
     * {@code tv/Show (Year)/Season NN/Show (Year) - SNNEMM - Episode Title.ext}; several episodes become
     * {@code S01E01-E02}; no episode title, no {@code - Episode Title}.
     */
    public static Path episode(String show, Integer year, int season, List<Integer> episodes, String episodeTitle, String ext) {
        String sy = titleYear(show, year);
        StringBuilder code = new StringBuilder(String.format(Locale.ROOT, "S%02d", season));
        if (episodes.isEmpty()) {
            code.append("E00");
        } else {
            code.append(String.format(Locale.ROOT, "E%02d", episodes.get(0)));
            if (episodes.size() > 1) {
                code.append(String.format(Locale.ROOT, "-E%02d", episodes.get(episodes.size() - 1)));
            }
        }
        // The code always stays: a long show name is cut before it, a long episode title after it.
        String name = titleYear(show, year, MAX_STEM_BYTES - utf8Length(" - " + code)) + " - " + code;
        if (episodeTitle != null && !episodeTitle.isBlank()) {
            String et = fit(sanitise(episodeTitle), MAX_STEM_BYTES - utf8Length(name + " - "));
            name = et.isEmpty() ? name : name + " - " + et;
        }
        return Path.of("tv", sy, String.format(Locale.ROOT, "Season %02d", season), name + ext);
    }

    /** {@code music/Artist/Album (Year)/NN - Title.ext} (no track number: {@code Title.ext}). */
    public static Path music(String artist, String album, Integer year, Integer track, String title, String ext) {
        String file = (track == null ? "" : String.format(Locale.ROOT, "%02d - ", track)) + sanitise(title);
        return Path.of("music", sanitise(artist == null ? "Unknown Artist" : artist),
                titleYear(album == null ? "Unknown Album" : album, year), sanitise(file) + ext);
    }

    /**
     * The Media Library app's clash rule: {@code Name.ext}, then {@code Name (2).ext}, {@code Name (3).ext}, …; the stem
     * is shortened when the whole would pass {@value #MAX_NAME_BYTES} bytes (a long name dropped in the inbox).
     */
    public static String withSuffix(String fileName, int n) {
        return withSuffix(fileName, n, MAX_NAME_BYTES);
    }

    /** {@link #withSuffix(String, int)} within {@code maxBytes}: the stem is shortened, the suffix and extension stay. */
    static String withSuffix(String fileName, int n, int maxBytes) {
        String ext = extension(fileName);
        String stem = ext.isEmpty() ? fileName : fileName.substring(0, fileName.length() - ext.length());
        String suffix = n <= 1 ? "" : " (" + n + ")";
        return fit(stem, maxBytes - utf8Length(suffix + ext)) + suffix + ext;
    }

    /**
     * A companion's name ({@code <video stem>.en.forced.srt}) cut to the room a video's own sidecar has, so that it, its
     * clash suffix and its staging name fit too; the end of its language part goes first, its extension stays.
     */
    public static String companion(String name) {
        return fitName(name, MAX_STEM_BYTES + ".mediahub.json".length());
    }

    /** The name without its extension. */
    public static String stem(String fileName) {
        String ext = extension(fileName);
        return ext.isEmpty() ? fileName : fileName.substring(0, fileName.length() - ext.length());
    }

    /**
     * {@code <folder>/<Channel>/<YYYY-MM-DD> - <Title> [<id>].ext}, a downloaded video ({@code videos}) or audio
     * ({@code audio}); the title is cut so that the date and the id always stay.
     */
    public static Path download(String folder, String channel, String date, String title, String id, String ext) {
        String head = date + " - ";
        String tail = id == null || id.isBlank() ? "" : " [" + fit(sanitise(id), 64) + "]";
        String t = fit(sanitise(title), MAX_STEM_BYTES - utf8Length(head + tail));
        return Path.of(folder, sanitise(channel), head + (t.isEmpty() ? "Unknown" : t) + tail + ext);
    }
}
