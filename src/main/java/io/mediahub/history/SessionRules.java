package io.mediahub.history;

import io.mediahub.config.Settings;

/**
 * The numbers that turn events into sessions and sessions into outcomes (the EMBRACE scripts' rules, with the session gap measured
 * from the previous event's end). Every one is a setting under {@code history.}.
 *
 * @param gapSeconds        a new session starts when an event begins more than this after the session's latest end
 * @param completedRatio    runtime known: completed at sampled ≥ this × runtime
 * @param partialRatio      runtime known: partial at sampled ≥ this × runtime
 * @param minSampledSeconds runtime known: sampled at sampled ≥ this, else abandoned
 * @param episodeFallback   runtime assumed for the completion ratio of an episode without one (1,500 s)
 * @param movieFallback     the same for a movie (7,200 s)
 * @param episode           absolute thresholds for an episode without runtime
 * @param movie             absolute thresholds for a movie without runtime
 */
public record SessionRules(long gapSeconds, double completedRatio, double partialRatio, long minSampledSeconds,
                           long episodeFallback, long movieFallback, Thresholds episode, Thresholds movie) {

    /** Absolute outcome thresholds, in seconds, for a type whose runtime is unknown. */
    public record Thresholds(long completed, long partial, long sampled) {
    }

    /** The EMBRACE scripts' defaults. */
    public static SessionRules defaults() {
        return new SessionRules(15 * 60, 0.9, 0.25, 60, 1500, 7200, new Thresholds(1200, 300, 60), new Thresholds(5400, 1800, 300));
    }

    public static SessionRules from(Settings s) {
        return new SessionRules(s.getLong("history.session-gap-minutes") * 60, s.getDouble("history.completed-ratio"),
                s.getDouble("history.partial-ratio"), s.getLong("history.min-sampled-seconds"),
                s.getLong("history.episode-fallback-runtime"), s.getLong("history.movie-fallback-runtime"),
                new Thresholds(s.getLong("history.episode-completed-seconds"), s.getLong("history.episode-partial-seconds"),
                        s.getLong("history.episode-sampled-seconds")),
                new Thresholds(s.getLong("history.movie-completed-seconds"), s.getLong("history.movie-partial-seconds"),
                        s.getLong("history.movie-sampled-seconds")));
    }

    static boolean isEpisode(String type) {
        return "Episode".equalsIgnoreCase(type);
    }

    static boolean isMovie(String type) {
        return "Movie".equalsIgnoreCase(type);
    }

    /** The fallback runtime of a type, or null for types without one. */
    public Long fallbackRuntime(String type) {
        return isEpisode(type) ? Long.valueOf(episodeFallback) : isMovie(type) ? Long.valueOf(movieFallback) : null;
    }

    /** {@code min(1, sampled / runtime)} with the real runtime, else the fallback; null when there is neither. */
    public Double completionRatio(long sampledSeconds, Long runtimeSeconds, String type) {
        Long r = runtimeSeconds != null && runtimeSeconds > 0 ? runtimeSeconds : fallbackRuntime(type);
        return r == null ? null : Math.min(1.0, (double) sampledSeconds / r);
    }

    /** The outcome vocabulary of the EMBRACE scripts: completed, partial, sampled, abandoned; unknown for other types without runtime. */
    public String outcome(long sampledSeconds, Long runtimeSeconds, String type) {
        if (runtimeSeconds != null && runtimeSeconds > 0) {
            if (sampledSeconds >= completedRatio * runtimeSeconds) {
                return "completed";
            }
            if (sampledSeconds >= partialRatio * runtimeSeconds) {
                return "partial";
            }
            return sampledSeconds >= minSampledSeconds ? "sampled" : "abandoned";
        }
        Thresholds t = isEpisode(type) ? episode : isMovie(type) ? movie : null;
        if (t == null) {
            return "unknown";
        }
        if (sampledSeconds >= t.completed()) {
            return "completed";
        }
        if (sampledSeconds >= t.partial()) {
            return "partial";
        }
        return sampledSeconds >= t.sampled() ? "sampled" : "abandoned";
    }
}
