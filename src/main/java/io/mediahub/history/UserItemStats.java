package io.mediahub.history;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code watch_hist_user_item_stats}: the sessions of one (user, item) summed up, with EMBRACE's
 * adherence score. {@code rewatch_count} counts completed sessions beyond the first (EMBRACE counted every session
 * beyond the first, so resuming a film the next day was a rewatch).
 */
public record UserItemStats(String userId, String itemId, String itemType, int totalSessions, int completedSessions, int partialSessions,
                            int sampledSessions, int abandonedSessions, long totalSeconds, double totalMinutes, Double maxCompletionRatio,
                            Double avgCompletionRatio, int rewatchCount, Instant firstWatchedAt, Instant lastWatchedAt,
                            double daysBetweenFirstLast, double adherenceScore) {

    /** Sums the sessions of one pair, given in start order; holds a few numbers, not the sessions. */
    public static final class Accumulator {
        private String userId;
        private String itemId;
        private String itemType;
        private Long runtime;
        private int sessions;
        private int completed;
        private int partial;
        private int sampled;
        private int abandoned;
        private long total;
        private long longest;
        private double ratioMax = Double.NaN;
        private double ratioSum;
        private int ratioCount;
        private Instant first;
        private Instant last;

        public void add(WatchSession s) {
            if (sessions == 0) {
                userId = s.userId();
                itemId = s.itemId();
                itemType = s.itemType();
                runtime = s.runtimeSeconds();
                first = s.startedAt();
                last = s.endedAt();
            }
            sessions++;
            switch (s.outcome()) {
                case "completed" -> completed++;
                case "partial" -> partial++;
                case "sampled" -> sampled++;
                case "abandoned" -> abandoned++;
                default -> { }
            }
            total += s.sampledSeconds();
            longest = Math.max(longest, s.sampledSeconds());
            if (s.completionRatio() != null) {
                double r = Math.min(1.0, s.completionRatio());
                ratioMax = Double.isNaN(ratioMax) ? r : Math.max(ratioMax, r);
                ratioSum += r;
                ratioCount++;
            }
            if (s.startedAt().isBefore(first)) {
                first = s.startedAt();
            }
            if (s.endedAt().isAfter(last)) {
                last = s.endedAt();
            }
        }

        public boolean isEmpty() {
            return sessions == 0;
        }

        public UserItemStats build() {
            double days = Duration.between(first, last).getSeconds() / 86_400.0;
            return new UserItemStats(userId, itemId, itemType, sessions, completed, partial, sampled, abandoned, total, total / 60.0,
                    ratioCount == 0 ? null : ratioMax, ratioCount == 0 ? null : ratioSum / ratioCount, Math.max(0, completed - 1),
                    first, last, Math.round(days * 10_000) / 10_000.0, adherence(longest, sessions, total, runtime, itemType));
        }

        public void reset() {
            sessions = completed = partial = sampled = abandoned = 0;
            total = longest = 0;
            ratioMax = Double.NaN;
            ratioSum = 0;
            ratioCount = 0;
        }
    }

    /**
     * EMBRACE's adherence score: with runtime R, {@code 0.6·min(1, longest/R) + 0.3·min(1, sessions/3) + 0.1·min(1, total/R)};
     * episodes without runtime {@code 0.6·min(1, longest/1500) + 0.3·min(1, sessions/3) + 0.1·min(1, total/3600)}; movies without
     * runtime {@code 0.7·min(1, longest/7200) + 0.2·min(1, sessions/2) + 0.1·min(1, total/7200)}; otherwise 0.
     */
    public static double adherence(long longest, int sessions, long total, Long runtime, String itemType) {
        if (runtime != null && runtime > 0) {
            double r = runtime;
            return 0.6 * Math.min(1, longest / r) + 0.3 * Math.min(1, sessions / 3.0) + 0.1 * Math.min(1, total / r);
        }
        if (SessionRules.isEpisode(itemType)) {
            return 0.6 * Math.min(1, longest / 1500.0) + 0.3 * Math.min(1, sessions / 3.0) + 0.1 * Math.min(1, total / 3600.0);
        }
        if (SessionRules.isMovie(itemType)) {
            return 0.7 * Math.min(1, longest / 7200.0) + 0.2 * Math.min(1, sessions / 2.0) + 0.1 * Math.min(1, total / 7200.0);
        }
        return 0;
    }
}
