package io.mediahub.arr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping of the specs' shapes: profiles, bad input counted and handled, Sonarr episode codes. */
class ArrFileMapperTest {
    final Map<Integer, QualityProfile> profiles = ArrFileMapper.profiles(FakeArr.profiles());

    @Test
    void profilesCarryScoresCutoffsAndTheCutoffQualityName() {
        QualityProfile hd = profiles.get(1);
        assertThat(hd.name()).isEqualTo("HD-1080p");
        assertThat(hd.cutoffQuality()).isEqualTo("Bluray-1080p");
        assertThat(hd.cutoffFormatScore()).isEqualTo(100);
        assertThat(hd.upgradeAllowed()).isTrue();
        assertThat(hd.scoreOf("Tier 01")).isEqualTo(100);
        assertThat(hd.scoreOf("(unnamed format 7)")).isZero();
        assertThat(hd.formatScores()).containsKey("(unnamed format 7)");
    }

    @Test
    void badInputIsHandledAndCounted() {
        ArrFileMapper.Problems problems = new ArrFileMapper.Problems();
        ArrFileMapper m = new ArrFileMapper(ArrService.RADARR, profiles, problems, "2026-11-22 03:00:00");
        ObjectNode absurd = FakeArr.file(1, "a.mkv", 1, "Bluray-1080p", 1080, "1920x1080", "x265", 999_999, false, 5);
        ArrFile a = m.movie(FakeArr.movie(1, "A", 2000, 1, absurd)).orElseThrow();
        assertThat(a.totalScore()).isEqualTo(999_999);
        assertThat(problems.get("absurd_scores")).isEqualTo(1);

        ObjectNode noInfo = FakeArr.file(2, "b.avi", 1, "DVD", 480, null, null, 0, false, 7, 6);
        ArrFile b = m.movie(FakeArr.movie(2, "B", 0, 42, noInfo)).orElseThrow();
        assertThat(b.profileName()).isEqualTo("Unknown profile 42");
        assertThat(b.cutoffScore()).isNull();
        assertThat(b.meetsCutoffScore()).isNull();
        assertThat(b.totalScore()).isZero();
        assertThat(b.resolution()).isEqualTo("480p");
        assertThat(b.codec()).isEqualTo("Unknown");
        assertThat(b.year()).isNull();
        assertThat(b.formatsLabel()).isEqualTo("(unnamed format 7) (+0); LQ (+0)");
        assertThat(problems.get("unknown_profiles")).isEqualTo(1);
        assertThat(problems.get("formats_without_name")).isEqualTo(1);

        assertThat(m.movie(FakeArr.movie(3, "C", 2000, 1, null))).isEmpty();
        ObjectNode noResolution = FakeArr.file(4, "d.mkv", 1, "Unknown", 0, null, null, 0, false);
        assertThat(m.movie(FakeArr.movie(4, "D", 2000, 1, noResolution)).orElseThrow().resolution()).isEqualTo("Unknown");
    }

    @Test
    void sonarrFilesGetEpisodeCodesFromTheirEpisodes() {
        ArrFileMapper.Problems problems = new ArrFileMapper.Problems();
        ArrFileMapper m = new ArrFileMapper(ArrService.SONARR, profiles, problems, "2026-11-22 03:00:00");
        ObjectNode series = FakeArr.series(7, "Show", 1, "HBO");
        ObjectNode f = FakeArr.file(70, "s.mkv", 1, "WEBDL-1080p", 1080, "1920x1080", "x264", 0, false, 1, 5);
        f.put("seasonNumber", 0);
        ArrFile special = m.episodeFile(series, f, List.of(FakeArr.episode(2, 7, 0, 2, "Second", 70), FakeArr.episode(1, 7, 0, 1, "First", 70)));
        assertThat(special.episode()).isEqualTo("S00E01-E02");
        assertThat(special.itemKey()).isEqualTo("series:7:S00E01-E02");
        assertThat(special.episodeTitle()).isEqualTo("First");
        assertThat(special.airDate()).isEqualTo("2021-01-01");
        assertThat(special.totalScore()).isEqualTo(150); // customFormatScore 0: 50 + 100 from the profile
        assertThat(special.displayTitle()).isEqualTo("Show - S00E01-E02 - First");

        ArrFile orphan = m.episodeFile(series, FakeArr.file(71, "o.mkv", 1, "WEBDL-1080p", 1080, "1920x1080", "x264", 0, false), List.of());
        assertThat(orphan.itemKey()).isEqualTo("series:7:file:71");
        assertThat(problems.get("files_without_episode")).isEqualTo(1);
    }
}
