package io.mediahub.arr;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;

/**
 * The *Arr score exporter's ten categories, tested in its priority order; the first that matches wins, so a file is in one
 * category at most. Criteria (a = library mean score, s = mean size):
 * priority_replacements score &lt; −50; large_low_quality size &gt; 1.5·s and score &lt; 0; hdr_candidates 2160p with
 * no HDR/DOLBY format; audio_upgrade_candidates AAC/MP3/OPUS audio; legacy_content XVID/DIVX/YIFY/RARBG/AXXO;
 * resolution_mismatches a 1080p file with a 720p quality or 2160p with 1080p; upgrade_worthy score &lt; a − 20;
 * format_optimized REMUX/BLURAY/UHD/ATMOS/DTS-HD/TRUEHD with score &gt; 50; premium_quality score &gt; max(75, a + 30);
 * acceptable_quality score ≥ max(0, a − 10).
 */
public final class FileCategoriser {
    public static final List<String> CATEGORIES = List.of("priority_replacements", "large_low_quality", "hdr_candidates",
            "audio_upgrade_candidates", "legacy_content", "resolution_mismatches", "upgrade_worthy", "format_optimized",
            "premium_quality", "acceptable_quality");

    private FileCategoriser() {
    }

    /** Each category (in priority order) with its files; files matching none are left out. */
    public static Map<String, List<ArrFile>> categorise(Collection<ArrFile> files, double meanScore, double meanSizeBytes) {
        Map<String, List<ArrFile>> out = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> out.put(c, new ArrayList<>()));
        for (ArrFile f : files) {
            String c = category(f, meanScore, meanSizeBytes);
            if (c != null) {
                out.get(c).add(f);
            }
        }
        return out;
    }

    public static String category(ArrFile f, double a, double meanSize) {
        int score = f.totalScore();
        String formats = f.formats().stream().map(FormatScore::name).reduce("", (x, y) -> x + " " + y).toUpperCase(Locale.ROOT);
        String res = f.resolution() == null ? "" : f.resolution();
        String quality = f.quality() == null ? "" : f.quality().toUpperCase(Locale.ROOT);
        String audio = f.audio() == null ? "" : f.audio().toUpperCase(Locale.ROOT);
        String everything = (formats + " " + quality + " " + f.codec() + " " + f.releaseGroup() + " " + f.path()).toUpperCase(Locale.ROOT);
        if (score < -50) {
            return "priority_replacements";
        }
        if (meanSize > 0 && f.sizeBytes() > 1.5 * meanSize && score < 0) {
            return "large_low_quality";
        }
        if (res.contains("2160") && !formats.contains("HDR") && !formats.contains("DOLBY")) {
            return "hdr_candidates";
        }
        if (containsAny(audio + " " + formats, "AAC", "MP3", "OPUS")) {
            return "audio_upgrade_candidates";
        }
        if (containsAny(everything, "XVID", "DIVX", "YIFY", "RARBG", "AXXO")) {
            return "legacy_content";
        }
        if ((res.equals("1080p") && quality.contains("720P")) || (res.equals("2160p") && quality.contains("1080P"))) {
            return "resolution_mismatches";
        }
        if (score < a - 20) {
            return "upgrade_worthy";
        }
        if (score > 50 && containsAny(formats + " " + quality, "REMUX", "BLURAY", "UHD", "ATMOS", "DTS-HD", "TRUEHD")) {
            return "format_optimized";
        }
        if (score > Math.max(75, a + 30)) {
            return "premium_quality";
        }
        if (score >= Math.max(0, a - 10)) {
            return "acceptable_quality";
        }
        return null;
    }

    private static boolean containsAny(String s, String... needles) {
        for (String n : needles) {
            if (s.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
