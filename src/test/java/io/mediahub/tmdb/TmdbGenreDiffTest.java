package io.mediahub.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.ServiceException;
import io.mediahub.flow.FlowResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TmdbGenreDiffTest {
    private final TmdbGenreDiff diff = new TmdbGenreDiff(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void insertsNewRenamesChangedDeletesDroppedAndLeavesTheRest() {
        List<Map<String, Object>> stored = List.of(
                Map.of("GENRE_ID", 28, "NAME", "Action", "MEDIA_TYPE", "movie"),
                Map.of("genre_id", 18L, "name", "Drame", "media_type", "movie"),
                Map.of("genre_id", 99L, "name", "Gone", "media_type", "movie"),
                Map.of("genre_id", 28L, "name", "Action", "media_type", "tv"));
        TmdbGenreDiff.Changes c = diff.changes(
                List.of(new TmdbGenre(28, "Action"), new TmdbGenre(18, "Drama"), new TmdbGenre(35, "Comedy"), new TmdbGenre(35, "Comedy")),
                List.of(new TmdbGenre(10765, "Sci-Fi & Fantasy")), stored);

        assertThat(c.inserts()).extracting(r -> r.get("genre_id") + "/" + r.get("media_type")).containsExactly("35/movie", "10765/tv");
        assertThat(c.updates()).containsExactly(Map.of("genre_id", 18L, "name", "Drama", "media_type", "movie", "synced_at", "2026-11-22T10:00:00Z"));
        assertThat(c.deletes()).extracting(r -> r.get("genre_id") + "/" + r.get("media_type")).containsExactly("99/movie", "28/tv");
        FlowResult r = diff.result(c, 7);
        assertThat(r.read()).isEqualTo(5);
        assertThat(r.written()).isEqualTo(3);
        assertThat(r.deleted()).isEqualTo(2);
        assertThat(r.counter("genres_repointed")).isEqualTo(7);
    }

    @Test
    void theMapperKeepsPositiveNamedGenresAndRefusesAnAnswerWithoutAList() throws Exception {
        TmdbGenreListMapper mapper = new TmdbGenreListMapper("https://api.themoviedb.org/3/");
        var body = new ObjectMapper().readTree("{\"genres\":[{\"id\":28,\"name\":\" Action \"},{\"id\":-1,\"name\":\"x\"},{\"id\":5},{\"name\":\"y\"}]}");
        assertThat(mapper.genres(body, "movie")).containsExactly(new TmdbGenre(28, "Action"));
        assertThatThrownBy(() -> mapper.genres(new ObjectMapper().readTree("{}"), "tv")).isInstanceOf(ServiceException.class)
                .hasMessage("TMDb at https://api.themoviedb.org/3 answered /genre/tv/list without a genres list");
    }
}
