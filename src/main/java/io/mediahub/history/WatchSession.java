package io.mediahub.history;

import java.time.Instant;

/**
 * One viewing session of one user on one item (a row of {@code watch_hist_agg_sessions}).
 *
 * @param sessionId         the source row id of the session's first event (stable across rebuilds)
 * @param runtimeSeconds    the item's real runtime, or null when unknown
 * @param runtimeIsFallback true when the completion ratio used the type's fallback runtime (or there was none)
 */
public record WatchSession(long sessionId, String userId, String itemId, String itemType, Instant startedAt, Instant endedAt,
                           int eventCount, long sampledSeconds, Long runtimeSeconds, boolean runtimeIsFallback,
                           Double completionRatio, String outcome) {
}
