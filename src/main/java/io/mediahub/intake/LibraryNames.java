package io.mediahub.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where a file goes in the library, as Emby and Jellyfin expect it, and the original's rules for names: the
 * characters {@code <>:"/\|?*} become {@code _}, leading and trailing spaces and dots are stripped. Control characters
 * (newlines, tabs) become spaces and leading dashes are stripped too, so a name can never be read as an option by a
 * tool. Pure functions, no I/O.
 */
public final class LibraryNames {
    /** Longest name component, in characters, kept (file systems allow 255 bytes). */
    static final int MAX_COMPONENT = 120;

    private LibraryNames() {
    }

    /** One path component made safe; never empty, never {@code .} or {@code ..}. */
    public static String sanitise(String name) {
        if (name == null) {
            return "Unknown";
        }
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if ("<>:\"/\\|?*".indexOf(cp) >= 0 || cp == 0xFFFD) {
                sb.append('_');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString().replaceAll(" {2,}", " ");
        s = stripEnds(s);
        while (s.startsWith("-")) {
            s = stripEnds(s.substring(1));
        }
        if (s.length() > MAX_COMPONENT) {
            s = stripEnds(s.substring(0, MAX_COMPONENT));
        }
        return s.isEmpty() ? "Unknown" : s;
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

    /** {@code Title (Year)}, or {@code Title} without a year. */
    public static String titleYear(String title, Integer year) {
        String t = sanitise(title);
        return year == null ? t : t + " (" + year + ")";
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
        String name = sy + " - " + code;
        if (episodeTitle != null && !episodeTitle.isBlank()) {
            name = name + " - " + sanitise(episodeTitle);
        }
        return Path.of("tv", sy, String.format(Locale.ROOT, "Season %02d", season), sanitise(name) + ext);
    }

    /** {@code music/Artist/Album (Year)/NN - Title.ext} (no track number: {@code Title.ext}). */
    public static Path music(String artist, String album, Integer year, Integer track, String title, String ext) {
        String file = (track == null ? "" : String.format(Locale.ROOT, "%02d - ", track)) + sanitise(title);
        return Path.of("music", sanitise(artist == null ? "Unknown Artist" : artist),
                titleYear(album == null ? "Unknown Album" : album, year), sanitise(file) + ext);
    }

    /** The original's clash rule: {@code Name.ext}, then {@code Name (2).ext}, {@code Name (3).ext}, … */
    public static String withSuffix(String fileName, int n) {
        if (n <= 1) {
            return fileName;
        }
        String ext = extension(fileName);
        String stem = ext.isEmpty() ? fileName : fileName.substring(0, fileName.length() - ext.length());
        return stem + " (" + n + ")" + ext;
    }

    /** The name without its extension. */
    public static String stem(String fileName) {
        String ext = extension(fileName);
        return ext.isEmpty() ? fileName : fileName.substring(0, fileName.length() - ext.length());
    }
}
