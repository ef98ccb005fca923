package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.flow.FlowFailedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Playback Reporting answers as emby-sync-history reads them. */
class PlaybackActivityMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theQueryAsksForTheRowsAfterAROWIDInOrder() {
        Map<String, Object> q = PlaybackActivityMapper.query(42, 5000);
        assertThat(q.get("CustomQueryString")).asString().contains("WHERE ROWID > 42 ORDER BY ROWID LIMIT 5000");
        assertThat(q).containsEntry("ReplaceUserId", false);
    }

    @Test
    void rowsAreReadByTheMisspelledColumnsWhateverTheirOrder() throws Exception {
        var rows = PlaybackActivityMapper.rows(JSON.readTree("""
                {"colums":["PlayDuration","ItemId","UserId","DateCreated","rowid"],
                 "results":[["120","m1","u1","2025-01-10 21:00:00","7"]],"message":""}"""), "Emby at http://e");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.rowId()).isEqualTo("7");
            assertThat(r.userId()).isEqualTo("u1");
            assertThat(r.playDuration()).isEqualTo("120");
            assertThat(r.itemType()).isNull();
        });
    }

    @Test
    void aRefusedQueryAndAMissingColumnAreOneLine() throws Exception {
        assertThatThrownBy(() -> PlaybackActivityMapper.rows(JSON.readTree("{\"message\":\"<b>SQL logic error</b>\\n near x\"}"), "Emby at http://e"))
                .isInstanceOf(FlowFailedException.class)
                .hasMessage("the Playback Reporting plugin on Emby at http://e refused the history query: SQL logic error near x");
        assertThatThrownBy(() -> PlaybackActivityMapper.rows(JSON.readTree("{\"colums\":[\"ROWID\"],\"results\":[]}"), "Jellyfin at http://j"))
                .hasMessageStartingWith("the Playback Reporting answer from Jellyfin at http://j has no column datecreated");
    }

    @Test
    void userNamesComeFromBothEmbyListsWithIdsNormalised() throws Exception {
        Map<String, String> names = PlaybackActivityMapper.userNames(JSON.readTree("{\"Items\":[{\"Id\":\"AB-CD\",\"Name\":\"alice\"}]}"),
                JSON.readTree("{\"Items\":[{\"Id\":\"ef\",\"Name\":\"kids\"}]}"));
        assertThat(names).containsExactly(Map.entry("abcd", "alice"), Map.entry("ef", "kids"));
        assertThat(PlaybackActivityMapper.userNames(JSON.readTree("[{\"Id\":\"x\"}]"), null)).containsExactly(Map.entry("x", "x"));
    }
}
