package io.mediahub.arr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per custom format: files matched, its score in each profile, its total contribution (the sum of its own score over
 * the files carrying it), and the *Arr score exporter's "avg_contribution", which is really the average total score of the files
 * carrying it, here named {@code meanScoreOfCarriers}. Impact from that mean: high &gt; 50, medium &gt; 10, low ≥ 0,
 * else negative. Formats scored in a profile but matched by no file, and formats matched but scored 0 everywhere,
 * are listed apart.
 */
public record FormatEffectiveness(String name, long filesMatched, Map<String, Integer> scoreByProfile, long totalContribution,
                                  double meanScoreOfCarriers, String impact, String advice) {

    public record Report(List<FormatEffectiveness> formats, List<String> scoredButUnmatched, List<String> matchedButUnscored) {
    }

    public static Report of(Collection<ArrFile> files, Map<Integer, QualityProfile> profiles) {
        Map<String, long[]> stats = new TreeMap<>(); // matched, contribution, sum of carriers' totals
        for (ArrFile f : files) {
            for (FormatScore s : f.formats()) {
                long[] a = stats.computeIfAbsent(s.name(), k -> new long[3]);
                a[0]++;
                a[1] += s.score();
                a[2] += f.totalScore();
            }
        }
        List<FormatEffectiveness> out = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        stats.forEach((name, a) -> {
            Map<String, Integer> byProfile = new LinkedHashMap<>();
            profiles.values().forEach(p -> byProfile.put(p.name(), p.scoreOf(name)));
            double mean = a[2] / (double) a[0];
            out.add(new FormatEffectiveness(name, a[0], byProfile, a[1], mean, impact(mean), advice(mean, a[0])));
            if (byProfile.values().stream().allMatch(v -> v == 0)) {
                unscored.add(name);
            }
        });
        TreeSet<String> unmatched = new TreeSet<>();
        profiles.values().forEach(p -> p.formatScores().forEach((name, score) -> {
            if (score != 0 && !stats.containsKey(name)) {
                unmatched.add(name);
            }
        }));
        out.sort((x, y) -> Long.compare(y.filesMatched(), x.filesMatched()));
        return new Report(out, List.copyOf(unmatched), unscored);
    }

    public static String impact(double meanScoreOfCarriers) {
        return meanScoreOfCarriers > 50 ? "high" : meanScoreOfCarriers > 10 ? "medium" : meanScoreOfCarriers >= 0 ? "low" : "negative";
    }

    static String advice(double mean, long uses) {
        if (mean < -20) {
            return "Files with this format score poorly: review its score or avoid releases with it";
        }
        if (mean > 100 && uses < 10) {
            return "High-scoring but rare: look for more releases with it";
        }
        if (uses > 100 && Math.abs(mean) < 5) {
            return "Common but hardly moves scores: its score may need tuning";
        }
        return null;
    }
}
