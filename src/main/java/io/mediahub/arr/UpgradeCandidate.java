package io.mediahub.arr;

import java.util.List;

/**
 * A file worth replacing: why, how urgently ({@code CRITICAL}, {@code HIGH}, {@code MEDIUM}, {@code LOW}), the estimated
 * score gain, and the highest-scored formats of its profile it lacks.
 */
public record UpgradeCandidate(ArrFile file, String priority, int priorityRank, int potentialGain, List<String> reasons,
                               boolean serviceWouldUpgrade, List<FormatScore> missingFormats) {

    public static String priorityName(int rank) {
        return switch (rank) {
            case 1 -> "CRITICAL";
            case 2 -> "HIGH";
            case 3 -> "MEDIUM";
            default -> "LOW";
        };
    }
}
