package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sessioniser, the outcome rules and the time reading on hand-made timelines. */
class PlaybackSessioniserTest {
    private static final SessionRules RULES = SessionRules.defaults();
    private static final Instant T0 = Instant.parse("2025-03-01T20:00:00Z");

    private final List<WatchSession> out = new ArrayList<>();
    private final PlaybackSessioniser s = new PlaybackSessioniser(RULES, out::add);
    private long row;

    private void event(String item, String type, Long runtime, Instant start, long seconds) {
        s.add(++row, "u1", item, type, runtime, start, seconds);
    }

    private List<WatchSession> done() {
        s.finish();
        return out;
    }

    @Test
    void aGapOfExactlyTheThresholdAfterTheEndStaysInTheSession() {
        event("m", "Movie", 7200L, T0, 1800);
        event("m", "Movie", 7200L, T0.plusSeconds(1800 + 15 * 60), 600);
        assertThat(done()).hasSize(1).first().satisfies(x -> {
            assertThat(x.eventCount()).isEqualTo(2);
            assertThat(x.sampledSeconds()).isEqualTo(2400);
            assertThat(x.endedAt()).isEqualTo(T0.plusSeconds(1800 + 900 + 600));
        });
    }

    @Test
    void oneSecondMoreThanTheThresholdStartsANewSession() {
        event("m", "Movie", 7200L, T0, 1800);
        event("m", "Movie", 7200L, T0.plusSeconds(1800 + 15 * 60 + 1), 600);
        assertThat(done()).hasSize(2).extracting(WatchSession::sessionId).containsExactly(1L, 2L);
    }

    @Test
    void aLongPlayIsNotSplitFromItsOwnResumeAsTheOriginalDid() {
        // 50 minutes of play, a 10-minute pause, 40 more: the original (gap from the previous start) made two sessions.
        event("m", "Movie", 6000L, T0, 3000);
        event("m", "Movie", 6000L, T0.plusSeconds(3000 + 600), 2400);
        List<WatchSession> sessions = done();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).outcome()).isEqualTo("completed");
        assertThat(sessions.get(0).completionRatio()).isEqualTo(0.9);
    }

    @Test
    void overlappingEventsJoinAndTheSessionEndsAtTheLatestEnd() {
        event("m", "Movie", 7200L, T0, 3600);                    // ends T0+60min
        event("m", "Movie", 7200L, T0.plusSeconds(600), 300);    // inside the first, ends earlier
        event("m", "Movie", 7200L, T0.plusSeconds(3600 + 900), 60); // 15 min after the *latest* end: same session
        List<WatchSession> sessions = done();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).eventCount()).isEqualTo(3);
        assertThat(sessions.get(0).sampledSeconds()).isEqualTo(3960);
        assertThat(sessions.get(0).endedAt()).isEqualTo(T0.plusSeconds(3600 + 900 + 60));
    }

    @Test
    void aSessionAcrossMidnightStaysOneSession() {
        ServerLocalTime t = new ServerLocalTime(ZoneId.of("Europe/Paris"), null, null);
        Instant a = t.toInstant("2025-03-01 23:40:00").orElseThrow();
        Instant b = t.toInstant("2025-03-02 00:25:00").orElseThrow();
        event("e", "Episode", 2700L, a, 1800); // ends 00:10
        event("e", "Episode", 2700L, b, 600);  // 15 min later
        assertThat(done()).hasSize(1).first().satisfies(x -> assertThat(x.startedAt()).isEqualTo(Instant.parse("2025-03-01T22:40:00Z")));
    }

    @Test
    void aDstChangeInTheServerZoneIsMeasuredInRealTime() {
        // Europe/Paris springs forward at 02:00 on 2025-03-30: 01:50 local + 5 min play ends 00:55Z; 03:05 local is 01:05Z.
        ServerLocalTime t = new ServerLocalTime(ZoneId.of("Europe/Paris"), null, null);
        Instant a = t.toInstant("2025-03-30 01:50:00").orElseThrow();
        Instant b = t.toInstant("2025-03-30 03:05:00").orElseThrow();
        assertThat(a).isEqualTo(Instant.parse("2025-03-30T00:50:00Z"));
        assertThat(b).isEqualTo(Instant.parse("2025-03-30T01:05:00Z"));
        event("e", "Episode", 2700L, a, 300);
        event("e", "Episode", 2700L, b, 300); // 10 real minutes after the end, though the wall clock moved 1 h 10
        assertThat(done()).hasSize(1);
        // Autumn: 02:30 happens twice on 2025-10-26; java.time reads the earlier (summer) instant.
        assertThat(t.toInstant("2025-10-26 02:30:00").orElseThrow()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        // A time the spring change skips is moved forward by the gap.
        assertThat(t.toInstant("2025-03-30 02:30:00").orElseThrow()).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void theCorrectionRuleReadsEarlierEventsInTheZoneTheyWereRecordedIn() {
        ServerLocalTime t = new ServerLocalTime(ZoneId.of("Australia/Melbourne"), LocalDateTime.parse("2025-08-15T11:10:00"),
                ZoneId.of("America/Los_Angeles"));
        // Before the cut-off: Los Angeles (PDT, UTC-7).
        assertThat(t.toInstant("2025-08-14 20:00:00").orElseThrow()).isEqualTo(Instant.parse("2025-08-15T03:00:00Z"));
        // The original shifted such a row +17 h into Melbourne time (20:00 PDT became 13:00 the next day): read here
        // as it stands, the shifted text is after the cut-off, in the server zone, and gives the same instant.
        assertThat(t.toInstant("2025-08-15 13:00:00")).isEqualTo(t.toInstant("2025-08-14 20:00:00"))
                .contains(Instant.parse("2025-08-15T03:00:00Z"));
        // At and after the cut-off: the server zone (AEST, UTC+10).
        assertThat(t.toInstant("2025-08-15 11:10:00").orElseThrow()).isEqualTo(Instant.parse("2025-08-15T01:10:00Z"));
        // Off by default.
        assertThat(new ServerLocalTime(ZoneId.of("Australia/Melbourne"), null, null).toInstant("2025-08-14 20:00:00").orElseThrow())
                .isEqualTo(Instant.parse("2025-08-14T10:00:00Z"));
    }

    @Test
    void pluginTimestampsWithAndWithoutFractionsAndUnreadableOnes() {
        ServerLocalTime t = new ServerLocalTime(ZoneId.of("UTC"), null, null);
        assertThat(t.toInstant("2024-01-15 20:31:05.1234567")).contains(Instant.parse("2024-01-15T20:31:05.123456700Z"));
        assertThat(t.toInstant("2024-01-15 20:31:05")).contains(Instant.parse("2024-01-15T20:31:05Z"));
        assertThat(t.toInstant("2024-01-15 20:31:05.5")).contains(Instant.parse("2024-01-15T20:31:05.5Z"));
        assertThat(t.toInstant("15/01/2024 20:31")).isEmpty();
        assertThat(t.toInstant("2024-02-30 10:00:00")).isEmpty();
        assertThat(t.toInstant((String) null)).isEmpty();
    }

    @Test
    void theStoresUtcTextIsReadBackExactly() {
        for (String t : List.of("2025-01-10T20:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:01Z")) {
            assertThat(WatchHistoryRebuild.utc(t)).isEqualTo(Instant.parse(t));
        }
        assertThat(WatchHistoryRebuild.utc("2025-01-10T20:00:00.5Z")).isEqualTo(Instant.parse("2025-01-10T20:00:00.5Z"));
    }

    @Test
    void fallbackRuntimesGiveTheRatioAndAbsoluteThresholdsTheOutcome() {
        event("ep", "Episode", null, T0, 750);
        event("mv", "Movie", null, T0, 3600);
        event("au", "Audio", null, T0, 200);
        List<WatchSession> sessions = done();
        assertThat(sessions.get(0)).satisfies(x -> {
            assertThat(x.runtimeSeconds()).isNull();
            assertThat(x.runtimeIsFallback()).isTrue();
            assertThat(x.completionRatio()).isEqualTo(0.5);   // 750 / 1500
            assertThat(x.outcome()).isEqualTo("partial");     // >= 300 s, < 1200 s
        });
        assertThat(sessions.get(1).completionRatio()).isEqualTo(0.5); // 3600 / 7200
        assertThat(sessions.get(1).outcome()).isEqualTo("partial");
        assertThat(sessions.get(2).completionRatio()).isNull();
        assertThat(sessions.get(2).outcome()).isEqualTo("unknown");
    }

    @Test
    void everyOutcomeBoundaryWithRuntimeKnown() {
        assertThat(RULES.outcome(900, 1000L, "Movie")).isEqualTo("completed");
        assertThat(RULES.outcome(899, 1000L, "Movie")).isEqualTo("partial");
        assertThat(RULES.outcome(250, 1000L, "Movie")).isEqualTo("partial");
        assertThat(RULES.outcome(249, 1000L, "Movie")).isEqualTo("sampled");
        assertThat(RULES.outcome(60, 1000L, "Audio")).isEqualTo("sampled");
        assertThat(RULES.outcome(59, 1000L, "Audio")).isEqualTo("abandoned");
        assertThat(RULES.completionRatio(5000, 1000L, "Movie")).isEqualTo(1.0);
    }

    @Test
    void everyOutcomeBoundaryWithoutRuntime() {
        assertThat(RULES.outcome(1200, null, "Episode")).isEqualTo("completed");
        assertThat(RULES.outcome(1199, null, "Episode")).isEqualTo("partial");
        assertThat(RULES.outcome(300, null, "Episode")).isEqualTo("partial");
        assertThat(RULES.outcome(299, null, "Episode")).isEqualTo("sampled");
        assertThat(RULES.outcome(60, null, "Episode")).isEqualTo("sampled");
        assertThat(RULES.outcome(59, null, "Episode")).isEqualTo("abandoned");
        assertThat(RULES.outcome(5400, null, "Movie")).isEqualTo("completed");
        assertThat(RULES.outcome(5399, null, "Movie")).isEqualTo("partial");
        assertThat(RULES.outcome(1800, null, "Movie")).isEqualTo("partial");
        assertThat(RULES.outcome(1799, null, "Movie")).isEqualTo("sampled");
        assertThat(RULES.outcome(300, null, "Movie")).isEqualTo("sampled");
        assertThat(RULES.outcome(299, null, "Movie")).isEqualTo("abandoned");
        assertThat(RULES.outcome(100_000, null, "Audio")).isEqualTo("unknown");
        assertThat(RULES.outcome(100_000, 0L, "Trailer")).isEqualTo("unknown");
    }

    @Test
    void aNewPairClosesTheOpenSession() {
        event("a", "Movie", 7200L, T0, 100);
        s.add(++row, "u2", "a", "Movie", 7200L, T0.plusSeconds(10), 100);
        event("b", "Movie", 7200L, T0.plusSeconds(20), 100);
        assertThat(done()).extracting(x -> x.userId() + "/" + x.itemId()).containsExactly("u1/a", "u2/a", "u1/b");
    }

    @Test
    void statsCountRewatchesAsCompletedSessionsBeyondTheFirstAndScoreAdherenceAsTheOriginal() {
        event("m", "Movie", 6000L, T0, 5400);                             // completed
        event("m", "Movie", 6000L, T0.plusSeconds(86_400), 1000);         // sampled: the next day, not a rewatch
        event("m", "Movie", 6000L, T0.plusSeconds(3 * 86_400), 6000);     // completed again: one rewatch
        UserItemStats.Accumulator acc = new UserItemStats.Accumulator();
        done().forEach(acc::add);
        UserItemStats st = acc.build();
        assertThat(st.totalSessions()).isEqualTo(3);
        assertThat(st.completedSessions()).isEqualTo(2);
        assertThat(st.sampledSessions()).isEqualTo(1);
        assertThat(st.rewatchCount()).isEqualTo(1);
        assertThat(st.totalSeconds()).isEqualTo(12_400);
        assertThat(st.maxCompletionRatio()).isEqualTo(1.0);
        assertThat(st.avgCompletionRatio()).isCloseTo((0.9 + 1000 / 6000.0 + 1.0) / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(st.firstWatchedAt()).isEqualTo(T0);
        assertThat(st.lastWatchedAt()).isEqualTo(T0.plusSeconds(3 * 86_400 + 6000));
        // 0.6·min(1, 6000/6000) + 0.3·min(1, 3/3) + 0.1·min(1, 12400/6000)
        assertThat(st.adherenceScore()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(UserItemStats.adherence(750, 1, 750, null, "Episode")).isCloseTo(0.6 * 0.5 + 0.3 / 3 + 0.1 * 750 / 3600,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(UserItemStats.adherence(3600, 1, 3600, null, "Movie")).isCloseTo(0.7 * 0.5 + 0.2 * 0.5 + 0.1 * 0.5,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(UserItemStats.adherence(3600, 1, 3600, null, "Audio")).isZero();
    }
}
