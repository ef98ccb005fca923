package io.mediahub.arr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The *Arr score exporter's library health: the mean of three factors — average score, share of positive files, and how few
 * candidates there are — graded A (≥ 90) to F (&lt; 60), with achievements and warnings.
 * <ul>
 *   <li>factor 1 (average score a): a &gt; 50 → 100; a &gt; 0 → 75 + a/50·25; a &gt; −50 → 50 + (a+50)/50·25;
 *       else max(0, 25 + (a+100)/50·25)</li>
 *   <li>factor 2: percent of files with a positive score</li>
 *   <li>factor 3: max(0, 100 − heuristic candidates / files · 200)</li>
 * </ul>
 */
public record LibraryHealth(double score, String grade, double averageFactor, double positiveFactor, double candidateFactor,
                            List<String> achievements, List<String> warnings) {

    /**
     * @param heuristicCandidates candidates found by the *Arr score exporter's rules (not those only the service would upgrade)
     * @param critical            CRITICAL candidates
     */
    public static LibraryHealth assess(LibraryStatistics s, long heuristicCandidates, long critical, ScoreTrends trends, long premium,
                                       long priorityReplacements) {
        List<String> achievements = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (s.total() == 0) {
            warnings.add("No files yet: export first");
            return new LibraryHealth(0, "F", 0, 0, 0, achievements, warnings);
        }
        double a = s.meanScore();
        double f1 = averageFactor(a);
        double f2 = s.positiveShare() * 100;
        double f3 = Math.max(0, 100 - heuristicCandidates / (double) s.total() * 200);
        double score = (f1 + f2 + f3) / 3;
        if (a > 50) {
            achievements.add("Excellent average library score");
        } else if (a < -20) {
            warnings.add(String.format(Locale.ROOT, "Low average library score (%.1f)", a));
        }
        if (s.positiveShare() > 0.8) {
            achievements.add(String.format(Locale.ROOT, "%.0f%% of files have a positive score", s.positiveShare() * 100));
        } else if (s.positiveShare() < 0.5) {
            warnings.add(String.format(Locale.ROOT, "Only %.0f%% of files have a positive score", s.positiveShare() * 100));
        }
        if (critical > 0) {
            warnings.add(critical + " file(s) need urgent replacement (critical)");
        }
        if (trends != null) {
            if (trends.netChange30Days() > 0) {
                achievements.add("Net " + trends.netChange30Days() + " improvement(s) in the last 30 days");
            } else if (trends.netChange30Days() < -5) {
                warnings.add("Net " + (-trends.netChange30Days()) + " degradation(s) in the last 30 days");
            }
            if (trends.patterns().contains("Strong positive trend")) {
                achievements.add("Strong positive trend");
            }
            if (trends.patterns().contains("Concerning trend")) {
                warnings.add("Concerning trend: degradations outpace improvements");
            }
        }
        if (premium > 2 * priorityReplacements && premium > 0) {
            achievements.add("Strong quality distribution (premium files outnumber priority replacements more than 2 to 1)");
        }
        return new LibraryHealth(score, grade(score), f1, f2, f3, achievements, warnings);
    }

    public static double averageFactor(double a) {
        if (a > 50) {
            return 100;
        }
        if (a > 0) {
            return 75 + a / 50 * 25;
        }
        if (a > -50) {
            return 50 + (a + 50) / 50 * 25;
        }
        return Math.max(0, 25 + (a + 100) / 50 * 25);
    }

    public static String grade(double score) {
        return score >= 90 ? "A" : score >= 80 ? "B" : score >= 70 ? "C" : score >= 60 ? "D" : "F";
    }
}
