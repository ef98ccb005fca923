package io.mediahub.emby;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** emby-sync-library against a strict Jellyfin 12 fake: detected from ProductName, authenticated the Jellyfin way. */
class JellyfinLibrarySyncTest {
    @TempDir
    Path dir;

    private FakeMediaServer jellyfin;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (jellyfin != null) {
            jellyfin.close();
        }
    }

    @Test
    void detectsJellyfinAndSendsTheMediaBrowserAuthorizationHeader() throws Exception {
        jellyfin = FakeMediaServer.jellyfin();
        jellyfin.setItems(Items.library(9, 1, 5));
        app = TestApp.start(dir, Map.of("EMBY_URL", jellyfin.url() + "/", "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_PAGE_SIZE", "4"));

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(15);
        jellyfin.wireMock().verify(getRequestedFor(urlPathEqualTo("/Items"))
                .withHeader("Authorization", equalTo("MediaBrowser Client=\"Mediahub\", Token=\"" + FakeMediaServer.API_KEY + "\""))
                .withoutHeader("X-Emby-Token"));
        // Jellyfin marks hidden users in Policy.IsHidden.
        assertThat(app.rows("SELECT name, is_hidden FROM users ORDER BY name")).extracting(r -> r.get("name") + ":" + r.get("is_hidden"))
                .containsExactly("alice:0", "kids:1");
        // Episodes without genres took the series' ones.
        assertThat(app.count("SELECT COUNT(*) FROM item_genres g JOIN library_items i ON i.item_id = g.item_id WHERE i.item_type = 'Episode'"))
                .isEqualTo(10);
    }

    @Test
    void aWrongKeyOnJellyfinNamesJellyfinAndTheVariable() throws Exception {
        jellyfin = FakeMediaServer.jellyfin();
        app = TestApp.start(dir, Map.of("EMBY_URL", jellyfin.url(), "EMBY_API_KEY", "nope"));

        FlowOutcome o = app.run("emby-sync-library");

        assertThat(o.error()).isEqualTo("emby-sync-library failed: Jellyfin at " + jellyfin.url() + " answered 401 Unauthorized — check EMBY_API_KEY");
    }
}
