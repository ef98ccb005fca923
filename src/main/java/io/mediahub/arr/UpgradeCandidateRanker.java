package io.mediahub.arr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which files to replace first. Every file Radarr/Sonarr would upgrade itself (below the profile's cutoff score or
 * cutoff quality, upgrades allowed), plus the *Arr score exporter's heuristics:
 * <ul>
 *   <li>score at or below the threshold ({@code arr.min-score}, default −50), with its gap from the library mean:
 *       gap &gt; 100 CRITICAL (gain 0.7·gap), &gt; 50 HIGH (gain 0.5·gap), &gt; 20 MEDIUM;</li>
 *   <li>negative-scoring formats: CRITICAL if one is below −50, HIGH if below −20;</li>
 *   <li>a file larger than twice the mean size with a negative score: at least HIGH;</li>
 *   <li>2160p without an HDR format: at least MEDIUM.</li>
 * </ul>
 * A service upgrade alone is MEDIUM with the gain up to the cutoff score. Sorted by priority, then gain, then title.
 */
public final class UpgradeCandidateRanker {
    private UpgradeCandidateRanker() {
    }

    public static List<UpgradeCandidate> rank(Collection<ArrFile> files, Map<Integer, QualityProfile> profiles, int threshold, double meanScore,
                                              double meanSizeBytes) {
        List<UpgradeCandidate> out = new ArrayList<>();
        for (ArrFile f : files) {
            List<String> reasons = new ArrayList<>();
            int priority = 4;
            int gain = 0;
            int score = f.totalScore();
            boolean service = f.serviceWouldUpgrade();
            if (service) {
                if (Boolean.FALSE.equals(f.meetsCutoffScore())) {
                    reasons.add("Below the profile's cutoff score (" + score + " < " + f.cutoffScore() + ")");
                    gain = f.cutoffScore() - score;
                }
                if (Boolean.FALSE.equals(f.qualityCutoffMet())) {
                    reasons.add("Quality cutoff not met (" + f.quality() + ")");
                }
                priority = 3;
            }
            if (score <= threshold) {
                double gap = meanScore - score;
                if (gap > 100) {
                    priority = 1;
                    gain = Math.max(gain, (int) (gap * 0.7));
                    reasons.add(String.format(Locale.ROOT, "Score %d is %.0f below the library mean", score, gap));
                } else if (gap > 50) {
                    priority = Math.min(priority, 2);
                    gain = Math.max(gain, (int) (gap * 0.5));
                    reasons.add(String.format(Locale.ROOT, "Score %d is %.0f below the library mean", score, gap));
                } else if (gap > 20) {
                    priority = Math.min(priority, 3);
                    reasons.add(String.format(Locale.ROOT, "Score %d is %.0f below the library mean", score, gap));
                }
            }
            List<FormatScore> negative = f.formats().stream().filter(s -> s.score() < 0).toList();
            if (!negative.isEmpty()) {
                FormatScore worst = negative.stream().min(Comparator.comparingInt(FormatScore::score)).orElseThrow();
                reasons.add("Has " + negative.size() + " negative-scoring format(s); replace to drop " + worst.label());
                if (worst.score() < -50) {
                    priority = 1;
                } else if (worst.score() < -20) {
                    priority = Math.min(priority, 2);
                }
            }
            if (meanSizeBytes > 0 && f.sizeBytes() > 2 * meanSizeBytes && score < 0) {
                priority = Math.min(priority, 2);
                reasons.add("Large file with poor quality score");
            }
            if (f.resolution() != null && f.resolution().contains("2160p")
                    && f.formats().stream().noneMatch(s -> s.name().toUpperCase(Locale.ROOT).contains("HDR"))) {
                priority = Math.min(priority, 3);
                reasons.add("4K file missing HDR formats");
            }
            if (!reasons.isEmpty()) {
                out.add(new UpgradeCandidate(f, UpgradeCandidate.priorityName(priority), priority, gain, List.copyOf(reasons), service,
                        missingFormats(f, profiles.get(f.profileId()))));
            }
        }
        out.sort(Comparator.comparingInt(UpgradeCandidate::priorityRank).thenComparing(Comparator.comparingInt(UpgradeCandidate::potentialGain).reversed())
                .thenComparing(c -> String.valueOf(c.file().displayTitle())));
        return out;
    }

    /** Up to three positive-scored formats of the profile the file does not carry, highest first. */
    static List<FormatScore> missingFormats(ArrFile f, QualityProfile p) {
        if (p == null) {
            return List.of();
        }
        java.util.Set<String> has = new java.util.HashSet<>();
        f.formats().forEach(s -> has.add(s.name()));
        return p.formatScores().entrySet().stream().filter(e -> e.getValue() > 0 && !has.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> new FormatScore(e.getKey(), e.getValue())).toList();
    }
}
