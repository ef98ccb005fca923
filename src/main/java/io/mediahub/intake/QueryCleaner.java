package io.mediahub.intake;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The TMDb query clean-up (the Media Library app's, made to keep title words), its fallback query, and the title
 * comparison behind the confidence rules. Pure functions.
 */
public final class QueryCleaner {
    /** A time stamp ({@code 20240101_120000}): noise wherever it is. */
    private static final Pattern STAMP = Pattern.compile("(?i)\\b\\d{8}[_\\s-]\\d{6}\\b");
    /**
     * Disc and edition noise, taken only from the end of the title (repeatedly): {@code Disc 1}, {@code CD 2}, {@code DVD},
     * {@code BLU RAY}, {@code PAL}… At the end they label a disc; anywhere else they are words of the title ("Pal Joey").
     */
    private static final Pattern TRAILING_NOISE = Pattern.compile("(?i)(^|[\\s\\-,;:(\\[]+)(DIS[CK]\\s*\\d+|CD\\s*\\d+|DVD\\d?|BD|"
            + "BLU[\\s-]?RAY|WIDESCREEN|FULLSCREEN|SPECIAL\\s+EDITION|NTSC|PAL|SECAM|REGION\\s*\\d+)[)\\]]?$");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\s+(\\d{4})$");

    private QueryCleaner() {
    }

    /**
     * The clean-up: {@code _} and (in names without spaces) {@code .} read as spaces; {@code YYYYMMDD_HHMMSS} stamps
     * removed; from the end only, the noise of a disc label — DISC n, DISK n, CD n, DVD, BLU RAY, BD, WIDESCREEN,
     * FULLSCREEN, SPECIAL EDITION, REGION n, NTSC, PAL, SECAM — and a 4-digit number outside 1900–2099. Volume and part
     * numbers ("Kill Bill Vol. 2", "Rocky 2") and the words of a title ("Pal Joey", "Se7en", "WALL·E") stay. A title that
     * is nothing but noise is kept as it is.
     */
    public static String clean(String title) {
        if (title == null) {
            return "";
        }
        String q = title.replace('_', ' ');
        if (!q.contains(" ")) {
            q = q.replace('.', ' ');
        }
        q = STAMP.matcher(q).replaceAll(" ").replaceAll("\\s+", " ").trim();
        while (true) {
            String before = q;
            var noise = TRAILING_NOISE.matcher(q);
            if (noise.find() && noise.start() > 0) {
                q = q.substring(0, noise.start()).trim();
            }
            var m = TRAILING_NUMBER.matcher(q);
            if (m.find() && m.start() > 0) {
                int n = Integer.parseInt(m.group(1));
                if (n < 1900 || n > 2099) {
                    q = q.substring(0, m.start()).trim();
                }
            }
            if (q.equals(before)) {
                break;
            }
        }
        q = q.replaceAll("[\\s\\-:,;]+$", "").trim();
        return q;
    }

    /**
     * The fallback when a search finds nothing: brackets and punctuation around words gone, words without a letter (a
     * stray number) and single letters other than I and A dropped. A word keeps its digits and inner marks
     * ({@code Se7en}, {@code WALL·E}, {@code Ocean's}).
     */
    public static String fallback(String query) {
        return Arrays.stream(query.split("[\\s()\\[\\]{}<>\"]+"))
                .map(w -> w.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", ""))
                .filter(w -> w.codePoints().anyMatch(Character::isLetter))
                .filter(w -> w.codePointCount(0, w.length()) > 1 || w.equalsIgnoreCase("i") || w.equalsIgnoreCase("a"))
                .collect(Collectors.joining(" ")).trim();
    }

    /** Lower case, accents and punctuation gone, {@code &} read as {@code and}, a leading {@code the} dropped. */
    public static String normalise(String title) {
        if (title == null) {
            return "";
        }
        String s = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        return s;
    }

    /**
     * How alike two titles are, 0 to 1: 1 when they are equal once normalised, otherwise the share of words they have
     * in common (Jaccard over the words).
     */
    public static double similarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y) || x.replace(" ", "").equals(y.replace(" ", ""))) {
            return 1;
        }
        var wx = new java.util.HashSet<>(Arrays.asList(x.split(" ")));
        var wy = new java.util.HashSet<>(Arrays.asList(y.split(" ")));
        var inter = new java.util.HashSet<>(wx);
        inter.retainAll(wy);
        var union = new java.util.HashSet<>(wx);
        union.addAll(wy);
        return union.isEmpty() ? 0 : (double) inter.size() / union.size();
    }
}
