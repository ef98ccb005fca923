package io.mediahub.emby;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class LibraryItemMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LibraryItem map(String json) throws Exception {
        JsonNode n = JSON.readTree(json);
        return LibraryItemMapper.map(n, new StringBuilder()).orElseThrow();
    }

    @Test
    void mapsAnEpisodeWithItsStreamsAndNumbers() throws Exception {
        LibraryItem i = map("""
                {"Id":"123","Name":"Pilot","Type":"Episode","RunTimeTicks":26000000000,"SeriesId":"9","SeriesName":"Show",
                 "ParentIndexNumber":1,"IndexNumber":2,"Path":"/tv/Show/S01E02.mkv","Container":"mkv",
                 "MediaStreams":[{"Type":"Audio","Codec":"aac"},{"Type":"Video","Codec":"h264","Width":1280,"Height":720}],
                 "CommunityRating":8.1,"PremiereDate":"2010-01-01T00:00:00.0000000Z","ProductionYear":2010}""");
        assertThat(i.itemType()).isEqualTo("Episode");
        assertThat(i.runtimeSeconds()).isEqualTo(2600);
        assertThat(i.seasonNumber()).isEqualTo(1);
        assertThat(i.episodeNumber()).isEqualTo(2);
        assertThat(i.videoCodec()).isEqualTo("h264");
        assertThat(i.resolutionWidth()).isEqualTo(1280);
        assertThat(i.resolutionHeight()).isEqualTo(720);
        assertThat(i.communityRating()).isEqualTo(8.1);
    }

    @Test
    void itemWidthAndHeightWinOverTheStreamAndJellyfinMediaSourcesAreRead() throws Exception {
        LibraryItem i = map("""
                {"Id":"a","Type":"Movie","Width":1920,"Height":800,
                 "MediaSources":[{"MediaStreams":[{"Type":"Video","Codec":"av1","Width":3840,"Height":1600}]}]}""");
        assertThat(i.resolutionWidth()).isEqualTo(1920);
        assertThat(i.resolutionHeight()).isEqualTo(800);
        assertThat(i.videoCodec()).isEqualTo("av1");
    }

    @Test
    void runtimeIsNullWhenMissingOrZeroNeverZero() throws Exception {
        assertThat(map("{\"Id\":\"a\",\"Type\":\"Movie\"}").runtimeSeconds()).isNull();
        assertThat(map("{\"Id\":\"a\",\"Type\":\"Movie\",\"RunTimeTicks\":0}").runtimeSeconds()).isNull();
        assertThat(map("{\"Id\":\"a\",\"Type\":\"Movie\",\"RunTimeTicks\":1000}").runtimeSeconds()).isNull();
        assertThat(map("{\"Id\":\"a\",\"Type\":\"Movie\",\"RunTimeTicks\":72000000000}").runtimeSeconds()).isEqualTo(7200);
    }

    @Test
    void genresAndTagsComeFromItemsThenNamesWithoutDuplicates() throws Exception {
        LibraryItem i = map("""
                {"Id":"a","Type":"Movie","GenreItems":[{"Name":"Drama","Id":5},{"Name":"War","Id":6}],"Genres":["drama","History"," "],
                 "TagItems":[{"Name":"4K"}],"Tags":["4K","criterion"],"Studios":[{"Name":"A24"}]}""");
        assertThat(i.genres()).containsExactly("Drama", "War", "History");
        assertThat(i.tags()).containsExactly("4K", "criterion");
        assertThat(i.studios()).containsExactly("A24");
    }

    @Test
    void providerIdsAreNormalisedAndDeduplicatedCaseInsensitively() throws Exception {
        LibraryItem i = map("""
                {"Id":"a","Type":"Movie","ProviderIds":{"imdb":"tt0111161","IMDB":"tt999","tmdb":"278","Tvdb":"","customdb":"x"}}""");
        assertThat(i.providerIds()).containsExactly(java.util.Map.entry("Imdb", "tt0111161"), java.util.Map.entry("Tmdb", "278"),
                java.util.Map.entry("Customdb", "x"));
    }

    @Test
    void anItemWithoutIdOrTypeIsRefusedWithAReason() throws Exception {
        StringBuilder why = new StringBuilder();
        assertThat(LibraryItemMapper.map(JSON.readTree("{\"Name\":\"Ghost\",\"Type\":\"Movie\"}"), why)).isEmpty();
        assertThat(why.toString()).isEqualTo("an item without Id (Name Ghost)");
        why.setLength(0);
        assertThat(LibraryItemMapper.map(JSON.readTree("{\"Id\":\"7\"}"), why)).isEmpty();
        assertThat(why.toString()).isEqualTo("an item without Type (Id 7)");
    }
}
