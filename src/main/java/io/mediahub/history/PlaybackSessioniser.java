package io.mediahub.history;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns the events of one (user, item), given in start order, into sessions: an event starts a new session when it
 * begins more than the gap after the current session's latest end (start + play duration). EMBRACE measured
 * from the previous event's <em>start</em>, which split every play longer than the gap from its own resume.
 * Overlapping events (two devices, a replayed row) join the session and extend its end only if they end later.
 *
 * <p>Streaming: it holds one open session, so memory does not grow with the number of events. Call {@link #add} per
 * event and {@link #finish} at the end of the pair; each closed session goes to the consumer.
 */
public final class PlaybackSessioniser {
    private final SessionRules rules;
    private final Consumer<WatchSession> out;
    private String userId;
    private String itemId;
    private String itemType;
    private Long runtime;
    private long firstRowId;
    private Instant start;
    private Instant end;
    private int events;
    private long sampled;

    public PlaybackSessioniser(SessionRules rules, Consumer<WatchSession> out) {
        this.rules = rules;
        this.out = out;
    }

    /**
     * One event. A different (user, item) than the previous event's closes the open session first.
     *
     * @param runtimeSeconds the item's real runtime, null when unknown
     */
    public void add(long rowId, String userId, String itemId, String itemType, Long runtimeSeconds, Instant startedAt, long durationSeconds) {
        Instant eventEnd = startedAt.plusSeconds(Math.max(0, durationSeconds));
        boolean samePair = events > 0 && userId.equals(this.userId) && itemId.equals(this.itemId);
        if (samePair && java.time.Duration.between(end, startedAt).toMillis() <= rules.gapSeconds() * 1000) {
            events++;
            sampled += Math.max(0, durationSeconds);
            if (eventEnd.isAfter(end)) {
                end = eventEnd;
            }
            return;
        }
        finish();
        this.userId = userId;
        this.itemId = itemId;
        this.itemType = itemType;
        this.runtime = runtimeSeconds != null && runtimeSeconds > 0 ? runtimeSeconds : null;
        this.firstRowId = rowId;
        this.start = startedAt;
        this.end = eventEnd;
        this.events = 1;
        this.sampled = Math.max(0, durationSeconds);
    }

    /** Closes the open session, if any. */
    public void finish() {
        if (events == 0) {
            return;
        }
        Double ratio = rules.completionRatio(sampled, runtime, itemType);
        out.accept(new WatchSession(firstRowId, userId, itemId, itemType, start, end, events, sampled, runtime, runtime == null, ratio,
                rules.outcome(sampled, runtime, itemType)));
        events = 0;
    }
}
