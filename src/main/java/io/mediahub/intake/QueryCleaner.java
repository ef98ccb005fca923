package io.mediahub.intake;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The original's TMDb query clean-up, its fallback query, and the title comparison behind the confidence rules.
 * Pure functions.
 */
public final class QueryCleaner {
    private static final Pattern[] NOISE = {
            Pattern.compile("(?i)\\b\\d{8}[_\\s-]\\d{6}\\b"),                 // 20240101_120000 time stamps
            Pattern.compile("(?i)\\bDIS[CK]\\s*\\d+\\b"),
            Pattern.compile("(?i)\\bCD\\s*\\d+\\b"),
            Pattern.compile("(?i)\\bVOL(UME)?\\.?\\s*\\d+\\b"),
            Pattern.compile("(?i)\\bREGION\\s*\\d+\\b"),
            Pattern.compile("(?i)\\bBLU[\\s-]?RAY\\b"),
            Pattern.compile("(?i)\\b(WIDESCREEN|FULLSCREEN|SPECIAL EDITION|THE MOVIE|NTSC|PAL|DVD|BD|DISC)\\b"),
    };
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\s+(\\d{4})$");

    private QueryCleaner() {
    }

    /**
     * The original's clean-up: DISC n, DVD, BLU RAY, BD, CD n, VOL n, WIDESCREEN, FULLSCREEN, SPECIAL EDITION, REGION n,
     * NTSC, PAL, THE MOVIE, {@code YYYYMMDD_HHMMSS} stamps removed; {@code _} and {@code .} read as spaces; a stray
     * trailing number (a disc or part number; a 4-digit one only outside 1900–2099) dropped.
     */
    public static String clean(String title) {
        if (title == null) {
            return "";
        }
        String q = title.replace('_', ' ');
        if (!q.contains(" ")) {
            q = q.replace('.', ' ');
        }
        for (Pattern p : NOISE) {
            q = p.matcher(q).replaceAll(" ");
        }
        q = q.replaceAll("\\s+", " ").trim();
        var m = TRAILING_NUMBER.matcher(q);
        if (m.find() && q.length() > m.group().length()) {
            String n = m.group(1);
            if (n.length() == 4 && (Integer.parseInt(n) < 1900 || Integer.parseInt(n) > 2099)) {
                q = q.substring(0, m.start()).trim();
            }
        }
        q = q.replaceAll("[\\s\\-:,;]+$", "").trim();
        return q;
    }

    /** The original's fallback when a search finds nothing: letters only, words longer than one letter (plus I and A). */
    public static String fallback(String query) {
        String letters = query.replaceAll("[^\\p{L}\\s]", " ");
        return Arrays.stream(letters.split("\\s+")).filter(w -> w.length() > 1 || w.equalsIgnoreCase("i") || w.equalsIgnoreCase("a"))
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
