package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LibraryNamesTest {

    @Test
    void sanitisesAsTheOriginalDoesAndMore() {
        assertThat(LibraryNames.sanitise("Who: What? <Why> \"How\" a/b\\c|d*")).isEqualTo("Who - What_ _Why_ _How_ a_b_c_d_");
        assertThat(LibraryNames.sanitise("  ..Title..  ")).isEqualTo("Title");
        assertThat(LibraryNames.sanitise("..")).isEqualTo("Unknown");
        assertThat(LibraryNames.sanitise("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(LibraryNames.sanitise("-rf --help")).isEqualTo("rf --help");
        assertThat(LibraryNames.sanitise("line\nbreak\tand\rreturn")).isEqualTo("line break and return");
        assertThat(LibraryNames.sanitise("bad\uFFFDbyte")).isEqualTo("bad_byte");
        assertThat(LibraryNames.sanitise("")).isEqualTo("Unknown");
        assertThat(LibraryNames.sanitise("x".repeat(300))).hasSize(LibraryNames.MAX_STEM_BYTES);
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
                .isEqualTo(Path.of("music/Artist/Album (2001)/03 - Song - Live.flac"));
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

    @Test
    void colonsAreReplacedTheWayRadarrAndSonarrDoByDefault() {
        assertThat(LibraryNames.movie("Game of Thrones: The Last Watch", 2019, ".mkv"))
                .isEqualTo(Path.of("movies/Game of Thrones - The Last Watch (2019)/Game of Thrones - The Last Watch (2019).mkv"));
        assertThat(LibraryNames.episode("Star Trek: Picard", 2020, 1, List.of(1), "Remembrance: Part 1", ".mkv"))
                .isEqualTo(Path.of("tv/Star Trek - Picard (2020)/Season 01/Star Trek - Picard (2020) - S01E01 - Remembrance - Part 1.mkv"));
        assertThat(LibraryNames.sanitise("Re:Zero")).isEqualTo("Re-Zero");
        assertThat(LibraryNames.sanitise("24: 10:00 a.m.")).isEqualTo("24 - 10-00 a.m");
        assertThat(LibraryNames.sanitise("Title : Subtitle")).isEqualTo("Title - Subtitle");
        assertThat(LibraryNames.sanitise("Title :Subtitle")).isEqualTo("Title - Subtitle");
        assertThat(LibraryNames.sanitise("Title:")).isEqualTo("Title");
        assertThat(LibraryNames.sanitise(":Title")).isEqualTo("Title");
        assertThat(LibraryNames.sanitise("Ratio 16：9")).as("a full-width colon is a legal character").isEqualTo("Ratio 16：9");
    }

    /** Every name a library file brings beside it: its clash suffix, its sidecar, and the staging names of both. */
    private static void assertRoomForEverythingBeside(String fileName) {
        String worst = LibraryNames.withSuffix(fileName, 9999);
        String sidecar = LibraryNames.stem(worst) + ".mediahub.json";
        for (String n : List.of(worst, sidecar, "." + worst + FileMover.STAGING_SUFFIX, "." + sidecar + FileMover.STAGING_SUFFIX)) {
            assertThat(bytes(n)).as(n).isLessThanOrEqualTo(255);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The string is whole: no half surrogate pair, and it ends where a grapheme of the original ends. */
    private static void assertCutOnAGraphemeOf(String cut, String original) {
        assertThat(original).startsWith(cut);
        assertThat(cut.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp))).as("no lone surrogate in %s", cut).isTrue();
        Matcher m = Pattern.compile("\\X").matcher(original);
        boolean boundary = cut.isEmpty();
        while (m.find()) {
            boundary |= m.end() == cut.length();
        }
        assertThat(boundary).as("%s ends on a grapheme boundary", cut).isTrue();
    }

    @Test
    void namesAreCutByTheirUtf8BytesOnWholeCharacters() {
        String cjk = "千と千尋の神隠し".repeat(25);
        String s = LibraryNames.sanitise(cjk);
        assertThat(bytes(s)).isEqualTo(LibraryNames.MAX_STEM_BYTES).isEqualTo(216);
        assertThat(s).hasSize(72);
        assertCutOnAGraphemeOf(s, cjk);

        // An emoji with a skin-tone modifier is 8 bytes, two code points, four UTF-16 units: never split.
        String thumbs = "a" + "\uD83D\uDC4D\uD83C\uDFFD".repeat(40);
        String t = LibraryNames.sanitise(thumbs);
        assertThat(bytes(t)).isEqualTo(1 + 26 * 8);
        assertCutOnAGraphemeOf(t, thumbs);
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67".repeat(30);
        assertCutOnAGraphemeOf(LibraryNames.sanitise(family), family);

        // e + a combining acute accent: the accent stays with its letter.
        String accents = "ab" + "e\u0301".repeat(100);
        String a = LibraryNames.sanitise(accents);
        assertThat(bytes(a)).isEqualTo(2 + 71 * 3);
        assertThat(a).endsWith("e\u0301");
        assertCutOnAGraphemeOf(a, accents);
    }

    @Test
    void everyComponentOfALongTitleLeavesRoomForItsSuffixSidecarAndStaging() {
        String title = "天気の子".repeat(60);
        Path movie = LibraryNames.movie(title, 2019, ".mkv");
        assertThat(movie.getName(1).toString()).endsWith(" (2019)");
        assertThat(movie.getName(2).toString()).isEqualTo(movie.getName(1) + ".mkv");
        assertThat(bytes(movie.getName(1).toString())).isLessThanOrEqualTo(LibraryNames.MAX_STEM_BYTES);
        assertRoomForEverythingBeside(movie.getFileName().toString());

        Path episode = LibraryNames.episode("Show " + "😀".repeat(80), 2008, 1, List.of(2, 3), "Episode " + "🎬".repeat(80), ".mkv");
        String file = episode.getFileName().toString();
        assertThat(file).contains(" (2008) - S01E02-E03").endsWith(".mkv");
        assertRoomForEverythingBeside(file);
        Path titled = LibraryNames.episode("Show", 2008, 1, List.of(2), "話".repeat(200), ".mkv");
        assertThat(titled.getFileName().toString()).startsWith("Show (2008) - S01E02 - 話話");
        assertRoomForEverythingBeside(titled.getFileName().toString());

        Path song = LibraryNames.music("아티스트".repeat(40), "앨범".repeat(80), 2001, 3, "노래".repeat(80), ".flac");
        for (Path part : song) {
            assertThat(bytes(part.toString())).isLessThanOrEqualTo(LibraryNames.MAX_STEM_BYTES + ".flac".length());
        }
        assertRoomForEverythingBeside(song.getFileName().toString());

        // A subtitle's language part is cut before the name stops fitting; its extension stays.
        String sub = LibraryNames.companion(LibraryNames.stem(LibraryNames.withSuffix(movie.getFileName().toString(), 9999)) + ".en.forced.srt");
        assertThat(sub).endsWith(".srt");
        assertThat(bytes("." + LibraryNames.withSuffix(sub, 9999) + FileMover.STAGING_SUFFIX)).isLessThanOrEqualTo(255);
    }

    @Test
    void aClashSuffixOnALongDroppedNameStillFits() {
        String dropped = "é".repeat(125) + ".mkv";
        assertThat(bytes(dropped)).isEqualTo(254);
        String second = LibraryNames.withSuffix(dropped, 2);
        assertThat(second).endsWith("é (2).mkv");
        assertThat(bytes(second)).isLessThanOrEqualTo(255);
        assertThat(bytes(LibraryNames.withSuffix(dropped, 3, 245))).isLessThanOrEqualTo(245);
    }
}
