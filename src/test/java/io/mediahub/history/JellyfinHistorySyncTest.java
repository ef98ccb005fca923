package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.PlaybackReportingFake.Play;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** emby-sync-history on a strict Jellyfin 12 (its auth header, no /emby prefix, its user list). */
class JellyfinHistorySyncTest {
    @TempDir
    Path dir;

    @Test
    void readsThePluginOnJellyfinWithItsAuthAndUserNames() throws Exception {
        try (FakeMediaServer jf = FakeMediaServer.jellyfin()) {
            jf.setItems(List.of(Items.movie("m1", "Heat", 1995, 10_200, "Action")));
            jf.playbackReporting().add(new Play("2025-01-10 21:00:00", "99999999888877776666555544443333", "m1", "Movie", "Heat", 9500));
            try (TestApp app = TestApp.start(dir, Map.of("EMBY_URL", jf.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY,
                    "EMBY_SERVER_TIMEZONE", "America/New_York"))) {
                FlowOutcome o = app.run("emby-sync-history");
                assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
                assertThat(o.result().counter("events_unknown_user")).isZero();
                assertThat(o.result().counter("events_unknown_item")).isEqualTo(1); // library not synced yet: kept
                assertThat(app.rows("SELECT user_name, started_at FROM watch_hist_raw_events"))
                        .containsExactly(Map.of("user_name", "kids", "started_at", "2025-01-11T02:00:00Z"));
                assertThat(app.rows("SELECT outcome, runtime_is_fallback FROM watch_hist_agg_sessions"))
                        .containsExactly(Map.of("outcome", "completed", "runtime_is_fallback", 1));
            }
        }
    }
}
