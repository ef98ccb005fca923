package io.mediahub.arr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per quality profile: files, mean score, the *Arr score exporter's five buckets — excellent (&gt; 100), good (50–100), average
 * (0–50), poor (−50–0), terrible (&lt; −50) — its issue flags (poor + terrible &gt; 30 %, or mean more than 20 below the
 * library's) and rating (mean &gt; 75 excellent, &gt; 25 good, &gt; −10 fair, else poor), with the profile's own settings.
 */
public record ProfileAnalysis(String name, long files, double meanScore, long excellent, long good, long average, long poor, long terrible,
                              long belowCutoff, List<String> issues, String rating, QualityProfile profile) {

    public static List<ProfileAnalysis> of(Collection<ArrFile> files, Map<Integer, QualityProfile> profiles, double libraryMean) {
        Map<String, List<ArrFile>> byName = new TreeMap<>();
        for (ArrFile f : files) {
            byName.computeIfAbsent(f.profileName() == null ? "Unknown profile" : f.profileName(), k -> new ArrayList<>()).add(f);
        }
        List<ProfileAnalysis> out = new ArrayList<>();
        byName.forEach((name, fs) -> {
            long n = fs.size();
            double mean = fs.stream().mapToInt(ArrFile::totalScore).average().orElse(0);
            long[] b = new long[5];
            for (ArrFile f : fs) {
                b[bucket(f.totalScore())]++;
            }
            List<String> issues = new ArrayList<>();
            if ((b[3] + b[4]) > 0.3 * n) {
                issues.add("More than 30% of files score poor or terrible");
            }
            if (mean < libraryMean - 20) {
                issues.add("Mean score more than 20 below the library's");
            }
            QualityProfile p = fs.get(0).profileId() == null ? null : profiles.get(fs.get(0).profileId());
            if (p != null && p.formatScores().values().stream().allMatch(v -> v == 0)) {
                issues.add("No custom format has a score in this profile");
            }
            out.add(new ProfileAnalysis(name, n, mean, b[0], b[1], b[2], b[3], b[4],
                    fs.stream().filter(f -> Boolean.FALSE.equals(f.meetsCutoffScore())).count(), issues, rating(mean), p));
        });
        out.sort((x, y) -> Long.compare(y.files(), x.files()));
        return out;
    }

    /** 0 excellent (&gt; 100), 1 good (50..100), 2 average (0..49), 3 poor (−50..−1), 4 terrible (&lt; −50). */
    public static int bucket(int score) {
        if (score > 100) {
            return 0;
        }
        if (score >= 50) {
            return 1;
        }
        if (score >= 0) {
            return 2;
        }
        if (score >= -50) {
            return 3;
        }
        return 4;
    }

    public static String rating(double mean) {
        return mean > 75 ? "excellent" : mean > 25 ? "good" : mean > -10 ? "fair" : "poor";
    }
}
