package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryNamesTest {

    @Test
    void sanitisesAsTheOriginalDoesAndMore() {
        assertThat(LibraryNames.sanitise("Who: What? <Why> \"How\" a/b\\c|d*")).isEqualTo("Who_ What_ _Why_ _How_ a_b_c_d_");
        assertThat(LibraryNames.sanitise("  ..Title..  ")).isEqualTo("Title");
        assertThat(LibraryNames.sanitise("..")).isEqualTo("Unknown");
        assertThat(LibraryNames.sanitise("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(LibraryNames.sanitise("-rf --help")).isEqualTo("rf --help");
        assertThat(LibraryNames.sanitise("line\nbreak\tand\rreturn")).isEqualTo("line break and return");
        assertThat(LibraryNames.sanitise("bad\uFFFDbyte")).isEqualTo("bad_byte");
        assertThat(LibraryNames.sanitise("")).isEqualTo("Unknown");
        assertThat(LibraryNames.sanitise("x".repeat(300))).hasSize(LibraryNames.MAX_COMPONENT);
        assertThat(LibraryNames.sanitise("$(rm -rf ~); `id` & echo")).isEqualTo("$(rm -rf ~); `id` & echo");
    }

    @Test
    void embyNamesForMoviesEpisodesAndMusic() {
        assertThat(LibraryNames.movie("Fight Club", 1999, ".mkv")).isEqualTo(Path.of("movies/Fight Club (1999)/Fight Club (1999).mkv"));
        assertThat(LibraryNames.movie("Interstellar", null, ".mp4")).isEqualTo(Path.of("movies/Interstellar/Interstellar.mp4"));
        assertThat(LibraryNames.episode("Breaking Bad", 2008, 1, List.of(2), "Cat's in the Bag...", ".mkv"))
                .isEqualTo(Path.of("tv/Breaking Bad (2008)/Season 01/Breaking Bad (2008) - S01E02 - Cat's in the Bag.mkv"));
        assertThat(LibraryNames.episode("Show", null, 12, List.of(1, 2), null, ".mkv"))
                .isEqualTo(Path.of("tv/Show/Season 12/Show - S12E01-E02.mkv"));
        assertThat(LibraryNames.music("Artist", "Album", 2001, 3, "Song: Live", ".flac"))
                .isEqualTo(Path.of("music/Artist/Album (2001)/03 - Song_ Live.flac"));
        assertThat(LibraryNames.music(null, null, null, null, "Song", ".mp3")).isEqualTo(Path.of("music/Unknown Artist/Unknown Album/Song.mp3"));
    }

    @Test
    void clashSuffixAndExtensions() {
        assertThat(LibraryNames.withSuffix("Name.mkv", 1)).isEqualTo("Name.mkv");
        assertThat(LibraryNames.withSuffix("Name.mkv", 2)).isEqualTo("Name (2).mkv");
        assertThat(LibraryNames.withSuffix("Name (2020).mkv", 3)).isEqualTo("Name (2020) (3).mkv");
        assertThat(LibraryNames.extension("A.MKV")).isEqualTo(".mkv");
        assertThat(LibraryNames.extension("noext")).isEmpty();
        assertThat(LibraryNames.extension("weird.$(x)")).isEmpty();
    }
}
