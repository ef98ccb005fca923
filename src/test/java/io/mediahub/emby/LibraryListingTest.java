package io.mediahub.emby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.testing.FakeMediaServer.Items;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure stages of emby-sync-library: the listing's cursor and checks, its hard stop, the series-genre fallback. */
class LibraryListingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LibrarySyncRun run(int pageSize, ServerKind kind, String... scopes) {
        LibrarySyncRun run = new LibrarySyncRun(new FlowRequest(1, "emby-sync-library", Map.of(), () -> false), Clock.systemUTC(), pageSize, 3,
                0.05, List.of("Movie", "Episode"));
        run.begin(Arrays.asList(scopes), new EmbyServer(kind, "http://emby", "", "n", "v"), null);
        return run;
    }

    private static JsonNode page(int items, long total) {
        ObjectNode p = JSON.createObjectNode();
        ArrayNode a = p.putArray("Items");
        for (int i = 0; i < items; i++) {
            a.add(JSON.createObjectNode().put("Id", "i" + i).put("Type", "Movie"));
        }
        return p.put("TotalRecordCount", total);
    }

    @Test
    void theCursorWalksEachScopesPagesThenEnds() {
        LibrarySyncRun run = run(2, ServerKind.EMBY, "lib-a", "lib-b");
        run.countPage();
        assertThat(run.itemsQuery()).contains("ParentId=lib-a").contains("StartIndex=0").contains("Limit=2")
                .contains("IncludeItemTypes=Movie%2CEpisode");
        run.accept(page(2, 3));
        assertThat(run.more()).isTrue();
        run.countPage();
        assertThat(run.itemsQuery()).contains("StartIndex=2");
        run.accept(page(1, 3));
        run.countPage();
        assertThat(run.itemsQuery()).contains("ParentId=lib-b").contains("StartIndex=0");
        run.accept(page(0, 0));
        assertThat(run.more()).isFalse();
        assertThat(run.pages()).isEqualTo(3);
        run.checkComplete();
    }

    @Test
    void jellyfinSpellsItsParametersInCamelCase() {
        LibrarySyncRun run = run(5, ServerKind.JELLYFIN, (String) null);
        assertThat(run.itemsQuery()).startsWith("recursive=true&includeItemTypes=").endsWith("&enableImages=false&startIndex=0&limit=5");
        assertThat(run.seriesQuery("s1")).isEqualTo("ids=s1&fields=Genres");
    }

    @Test
    void theHardStopAllowsWhatTheFirstTotalAndTheDriftPromiseAndOneMore() {
        LibrarySyncRun run = run(10, ServerKind.EMBY, (String) null);
        assertThat(run.pageLimit()).isEqualTo(1);
        run.countPage();
        run.accept(page(10, 100));
        // 100 items, 5 % drift: 105 items = 11 pages of 10, plus one; the first is read.
        assertThat(run.pageLimit()).isEqualTo(1 + 11 + 1);
    }

    @Test
    void aListingEndedByTheHardStopIsIncomplete() {
        LibrarySyncRun run = run(10, ServerKind.EMBY, (String) null);
        run.countPage();
        assertThatThrownBy(run::checkComplete).isInstanceOf(FlowFailedException.class)
                .hasMessage("incomplete listing, nothing pruned: the listing of the whole server was ended by the hard stop after 1 page of /Items "
                        + "without reaching its TotalRecordCount");
    }

    @Test
    void aShortPageAndAMovingTotalAreIncomplete() {
        LibrarySyncRun run = run(10, ServerKind.EMBY, (String) null);
        assertThatThrownBy(() -> run.accept(page(9, 30))).hasMessageContaining("the page at 0 of the whole server has 9 items where 10 were promised");
        LibrarySyncRun moved = run(10, ServerKind.EMBY, (String) null);
        moved.accept(page(10, 30));
        assertThatThrownBy(() -> moved.accept(page(10, 40))).hasMessageContaining("moved from 30 to 40");
    }

    @Test
    void episodesTakeTheGenresOfTheirSeriesListedBeforeThemOrLookedUpOncePerSeries() {
        SeriesGenreFallback fallback = new SeriesGenreFallback();
        LibraryItem e1 = episode("e1", "s1");
        LibraryItem s1 = item(Items.series("s1", "Show One", "Drama"));
        LibraryItem e2 = episode("e2", "s1");
        LibraryItem e3 = episode("e3", "s2");
        LibraryItem e4 = episode("e4", "s2");
        List<LibraryItem> page = List.of(e1, s1, e2, e3, e4);

        // e1 comes before its series: looked up; s2 is never listed: looked up once for e3 and e4.
        assertThat(fallback.missing(page)).containsExactly("s1", "s2");
        fallback.looked("s1", List.of("Crime"));
        fallback.looked("s2", List.of("Comedy"));
        List<LibraryItem> filled = new ArrayList<>();
        page.forEach(i -> filled.add(fallback.fill(i)));

        assertThat(filled).extracting(LibraryItem::genres).containsExactly(List.of("Crime"), List.of("Drama"), List.of("Drama"),
                List.of("Comedy"), List.of("Comedy"));
        assertThat(fallback.missing(List.of(episode("e5", "s1")))).isEmpty();
    }

    private static LibraryItem episode(String id, String seriesId) {
        return item(Items.episode(id, seriesId, "Show", 1, 1, 1500));
    }

    private static LibraryItem item(ObjectNode n) {
        return LibraryItemMapper.map(n, new StringBuilder()).orElseThrow();
    }
}
