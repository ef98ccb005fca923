package io.mediahub.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The parser's contract for the intake flow: typical names, paths, and safety with odd input. */
class FilenameParserTest {

    @Test
    void sceneEpisode() {
        ParsedName p = FilenameParser.parse("The.Big.Bang.Theory.S05E14.720p.HDTV.X264-DIMENSION.mkv");
        assertThat(p.title()).isEqualTo("The Big Bang Theory");
        assertThat(p.type()).isEqualTo("episode");
        assertThat(p.season()).isEqualTo(5);
        assertThat(p.episodes()).containsExactly(14);
        assertThat(p.text("screen_size")).isEqualTo("720p");
        assertThat(p.text("source")).isEqualTo("HDTV");
        assertThat(p.text("video_codec")).isEqualTo("H.264");
        assertThat(p.text("release_group")).isEqualTo("DIMENSION");
        assertThat(p.text("container")).isEqualTo("mkv");
    }

    @Test
    void movieWithYearInAFolder() {
        ParsedName p = FilenameParser.parse("Movies/Fear and Loathing in Las Vegas (1998)/Fear.and.Loathing.in.Las.Vegas.720p.HDDVD.DTS.x264-ESiR.mkv");
        assertThat(p.title()).isEqualTo("Fear and Loathing in Las Vegas");
        assertThat(p.year()).isEqualTo(1998);
        assertThat(p.type()).isEqualTo("movie");
        assertThat(p.text("source")).isEqualTo("HD-DVD");
        assertThat(p.text("audio_codec")).isEqualTo("DTS");
        assertThat(p.text("release_group")).isEqualTo("ESiR");
    }

    @Test
    void multiEpisodeAndOtherStyles() {
        assertThat(FilenameParser.parse("Show.Name.S01E02E03.HDTV.XViD.Etc-Group").episodes()).containsExactly(2, 3);
        assertThat(FilenameParser.parse("Wheels.S03E01-04.720p.HDTV.x264-IMMERSE.mkv").episodes()).containsExactly(1, 2, 3, 4);
        ParsedName x = FilenameParser.parse("Series/Californication/Season 2/Californication.2x05.Vaginatown.HDTV.XviD-0TV.avi");
        assertThat(x.season()).isEqualTo(2);
        assertThat(x.episodes()).containsExactly(5);
        assertThat(x.episodeTitle()).isEqualTo("Vaginatown");
        ParsedName n = FilenameParser.parse("new.girl.117.hdtv-lol.mp4");
        assertThat(n.season()).isEqualTo(1);
        assertThat(n.episodes()).containsExactly(17);
        ParsedName d = FilenameParser.parse("The.Daily.Show.2015.07.22.Jake.Gyllenhaal.720p.HDTV.x264-BATV.mkv");
        assertThat(d.text("date")).isEqualTo("2015-07-22");
        assertThat(d.type()).isEqualTo("episode");
        ParsedName a = FilenameParser.parse("[HorribleSubs] Maria the Virgin Witch - 01 [720p].mkv");
        assertThat(a.title()).isEqualTo("Maria the Virgin Witch");
        assertThat(a.episodes()).containsExactly(1);
        assertThat(a.text("release_group")).isEqualTo("HorribleSubs");
    }

    @Test
    void seasonFolderNamesTheShow() {
        ParsedName p = FilenameParser.parse("/mnt/videos/tvshows/Doctor Who/Season 06/E13 - The Wedding of River Song.mkv");
        assertThat(p.title()).isEqualTo("Doctor Who");
        assertThat(p.season()).isEqualTo(6);
        assertThat(p.episodes()).containsExactly(13);
        assertThat(p.episodeTitle()).isEqualTo("The Wedding of River Song");
        ParsedName w = FilenameParser.parse("C:\\TV\\That '70s Show\\Season 07\\That '70s Show - S07E22 - 2000 Light Years from Home.mkv");
        assertThat(w.title()).isEqualTo("That '70s Show");
        assertThat(w.season()).isEqualTo(7);
    }

    @Test
    void sampleAndExtrasFolders() {
        ParsedName s = FilenameParser.parse("Movie.Name.2010.1080p.BluRay.x264-GRP/Sample/grp-mn-sample.mkv");
        assertThat(s.title()).isEqualTo("Movie Name");
        assertThat(s.values("other")).contains("Sample");
        ParsedName e = FilenameParser.parse("Movie (2010)/Extras/Deleted Scenes.mkv");
        assertThat(e.title()).isEqualTo("Movie");
        assertThat(e.year()).isEqualTo(2010);
        assertThat(e.values("other")).contains("Extras");
        assertThat(e.text("bonus_title")).isEqualTo("Deleted Scenes");
    }

    @Test
    void titlesMadeOfCommonWordsStayTitles() {
        assertThat(FilenameParser.parse("The_Italian_Job.mkv").title()).isEqualTo("The Italian Job");
        assertThat(FilenameParser.parse("The.Girl.in.the.Spiders.Web.2019.1080p.WEB-DL.x264.AC3-EVO.mkv").title())
                .isEqualTo("The Girl in the Spiders Web");
        assertThat(FilenameParser.parse("2001.A.Space.Odyssey.1968.HDDVD.1080p.DTS.x264.mkv").title()).isEqualTo("2001 A Space Odyssey");
    }

    @Test
    void oddInputNeverThrows() {
        for (String s : List.of("", " ", "/", "\\\\", "...", "-", "[]", "()", "S01E", "x264", "--help", "../../etc/passwd", "a\nb",
                "\u0000", "🎬.mkv", "[", "S99999E99999", "1x", "2012", "720p", ".mkv", "a".repeat(5000))) {
            ParsedName p = FilenameParser.parse(s);
            assertThat(p.properties()).isNotNull();
        }
        assertThat(FilenameParser.parse(null).properties()).isEmpty();
        // hostile lengths and repetitions: no deep recursion in the patterns
        for (String s : List.of("1.".repeat(3000), "S01E01-".repeat(800), "[a".repeat(3000), "((".repeat(3000), "1x01x".repeat(1000),
                "Season 1 & ".repeat(500), "E01-02-".repeat(800), "2010.".repeat(1000), ("dir" + "/").repeat(2000) + "x.mkv")) {
            assertThat(FilenameParser.parse(s).properties()).isNotNull();
        }
    }

    @Test
    void threadSafe() throws Exception {
        List<String> names = List.of("Breaking.Bad.S01E01.720p.BluRay.x264-DEMAND.mkv", "Movies/Dark City (1998)/Dark.City.(1998).DC.BDRip.720p.DTS.X264-CHD.mkv",
                "[Kaylith] Zankyou no Terror - 04 [480p][B4D4514E].mp4");
        List<ParsedName> expected = names.stream().map(FilenameParser::parse).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int k = i % names.size();
                        if (!FilenameParser.parse(names.get(k)).properties().equals(expected.get(k).properties())) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
