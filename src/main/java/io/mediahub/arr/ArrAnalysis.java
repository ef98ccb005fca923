package io.mediahub.arr;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Everything the reports show about one instance's latest run: statistics, upgrade candidates, health (with its trend
 * across runs), profiles, formats, categories, trends and the zero-score files. Pure: built from stored data.
 */
public record ArrAnalysis(ArrInstance instance, ArrRepository.RunRow run, Instant generatedAt, int threshold, List<ArrFile> files,
                          LibraryStatistics statistics,
                          List<UpgradeCandidate> candidates, LibraryHealth health, List<ProfileAnalysis> profiles,
                          FormatEffectiveness.Report formats, Map<String, List<ArrFile>> categories, ScoreTrends trends,
                          List<ArrFile> zeroScoreFiles, List<ArrRepository.RunRow> healthTrend, Map<String, LibraryHealth> healthByProfile) {

    /** The analysis of the service's default instance. */
    public static ArrAnalysis of(ArrService service, ArrRepository.RunRow run, Collection<ArrFile> files, Map<Integer, QualityProfile> profiles,
                                 List<ScoreChange> changes90Days, List<ArrRepository.RunRow> runs, int threshold, Instant now) {
        return of(ArrInstance.of(service), run, files, profiles, changes90Days, runs, threshold, now);
    }

    public static ArrAnalysis of(ArrInstance instance, ArrRepository.RunRow run, Collection<ArrFile> files, Map<Integer, QualityProfile> profiles,
                                 List<ScoreChange> changes90Days, List<ArrRepository.RunRow> runs, int threshold, Instant now) {
        LibraryStatistics stats = LibraryStatistics.of(files);
        List<UpgradeCandidate> candidates = UpgradeCandidateRanker.rank(files, profiles, threshold, stats.meanScore(), stats.meanSizeBytes());
        ScoreTrends trends = ScoreTrends.of(changes90Days, now);
        Map<String, List<ArrFile>> categories = FileCategoriser.categorise(files, stats.meanScore(), stats.meanSizeBytes());
        LibraryHealth health = health(stats, candidates, trends, categories);
        List<ArrFile> zero = files.stream().filter(f -> f.totalScore() == 0).toList();
        return new ArrAnalysis(instance, run, now, threshold, List.copyOf(files), stats, candidates, health, ProfileAnalysis.of(files, profiles, stats.meanScore()),
                FormatEffectiveness.of(files, profiles), categories, trends, zero, runs, healthByProfile(files, profiles, threshold));
    }

    /**
     * The same health, profile by profile: each profile's files judged on their own (their own mean, candidates and
     * categories); the trend factor is the service's, so it is left out here.
     */
    static Map<String, LibraryHealth> healthByProfile(Collection<ArrFile> files, Map<Integer, QualityProfile> profiles, int threshold) {
        Map<String, List<ArrFile>> byProfile = new java.util.TreeMap<>();
        files.forEach(f -> byProfile.computeIfAbsent(f.profileName() == null ? "Unknown profile" : f.profileName(), k -> new java.util.ArrayList<>()).add(f));
        Map<String, LibraryHealth> out = new java.util.LinkedHashMap<>();
        byProfile.forEach((name, fs) -> {
            LibraryStatistics s = LibraryStatistics.of(fs);
            List<UpgradeCandidate> c = UpgradeCandidateRanker.rank(fs, profiles, threshold, s.meanScore(), s.meanSizeBytes());
            out.put(name, health(s, c, null, FileCategoriser.categorise(fs, s.meanScore(), s.meanSizeBytes())));
        });
        return out;
    }

    /** The health of a set of files, counting as candidates only those found by the *Arr score exporter's rules (comparable grades). */
    static LibraryHealth health(LibraryStatistics stats, List<UpgradeCandidate> candidates, ScoreTrends trends, Map<String, List<ArrFile>> categories) {
        long heuristic = candidates.stream().filter(c -> !c.serviceWouldUpgrade() || c.reasons().size() > serviceReasons(c)).count();
        long critical = candidates.stream().filter(c -> c.priorityRank() == 1).count();
        return LibraryHealth.assess(stats, heuristic, critical, trends, categories.get("premium_quality").size(),
                categories.get("priority_replacements").size());
    }

    private static int serviceReasons(UpgradeCandidate c) {
        return (int) c.reasons().stream().filter(r -> r.startsWith("Below the profile's cutoff score") || r.startsWith("Quality cutoff not met")).count();
    }

    public ArrService service() {
        return instance.service();
    }

    public long candidatesByPriority(String priority) {
        return candidates.stream().filter(c -> c.priority().equals(priority)).count();
    }
}
