package io.mediahub.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every formula of the analysis on hand-made libraries whose answers are worked out by hand. */
class ArrFormulasTest {
    static final long GB = 1024L * 1024 * 1024;

    static ArrFile f(String title, int score, long sizeGb, String resolution, FormatScore... formats) {
        return file(title, score, sizeGb * GB, resolution, "WEBDL-1080p", null, null, null, formats);
    }

    static ArrFile file(String title, int score, long sizeBytes, String resolution, String quality, Boolean upgrade, Integer cutoff, String audio,
                        FormatScore... formats) {
        return new ArrFile(ArrService.RADARR, "movie:" + title, 1, 1, title, 2000, null, null, null, null, title + ".mkv", sizeBytes, quality,
                resolution, "x264", audio, null, null, List.of(formats), score, 1, "HD", cutoff, 0, cutoff == null ? null : score >= cutoff, true,
                upgrade, null, null, null, null, null, "2026-01-01 00:00:00");
    }

    static ArrFile inProfile(String profile, String title, int score) {
        ArrFile f = f(title, score, 1, "1080p");
        return new ArrFile(f.service(), f.itemKey(), f.itemId(), f.fileId(), f.title(), f.year(), null, null, null, null, f.path(), f.sizeBytes(),
                f.quality(), f.resolution(), f.codec(), null, null, null, List.of(), score, null, profile, null, null, null, null, null, null, null,
                null, null, null, f.recordedAt());
    }

    @Test
    void healthIsAlsoGradedProfileByProfile() {
        // Good: mean 90 → 100, all positive → 100, no candidates → 100: A.
        // Bad: mean −100 → 25 + 0 = 25, none positive → 0, no reasons against its own mean → 100: 41.67, F.
        Map<String, LibraryHealth> h = ArrAnalysis.healthByProfile(List.of(inProfile("Good", "a", 100), inProfile("Good", "b", 80),
                inProfile("Bad", "c", -120), inProfile("Bad", "d", -80)), Map.of(), -50);
        assertThat(h.get("Good").score()).isEqualTo(100);
        assertThat(h.get("Good").grade()).isEqualTo("A");
        assertThat(h.get("Bad").score()).isCloseTo(41.667, within(0.001));
        assertThat(h.get("Bad").grade()).isEqualTo("F");
    }

    @Test
    void totalScoreIsTheServicesScoreOrTheSumOfTheProfilesScores() {
        assertThat(ArrFileMapper.totalScore(30, 70)).isEqualTo(30);
        assertThat(ArrFileMapper.totalScore(0, 70)).isEqualTo(70);
        assertThat(ArrFileMapper.totalScore(-10, 70)).isEqualTo(-10);
    }

    @Test
    void resolutionComesFromWidthOrHeight() {
        assertThat(ArrFileMapper.resolutionLabel("1920x800")).isEqualTo("1080p");
        assertThat(ArrFileMapper.resolutionLabel("3840x1600")).isEqualTo("2160p");
        assertThat(ArrFileMapper.resolutionLabel("1280x720")).isEqualTo("720p");
        assertThat(ArrFileMapper.resolutionLabel("720x480")).isEqualTo("480p");
        assertThat(ArrFileMapper.resolutionLabel("640x360")).isEqualTo("640x360");
        assertThat(ArrFileMapper.resolutionLabel("")).isNull();
        assertThat(ArrFileMapper.resolutionLabel("0x0")).isNull();
    }

    @Test
    void statisticsCountSignsAndTakeTheMedianOfTheMiddleTwo() {
        LibraryStatistics s = LibraryStatistics.of(List.of(f("a", 100, 1, "1080p"), f("b", 50, 2, "1080p"), f("c", 0, 3, "720p"),
                f("d", -20, 4, "2160p"), f("e", -80, 5, "1080p")));
        assertThat(s.total()).isEqualTo(5);
        assertThat(List.of(s.positive(), s.zero(), s.negative())).containsExactly(2L, 1L, 2L);
        assertThat(s.meanScore()).isEqualTo(10.0);
        assertThat(s.medianScore()).isEqualTo(0.0);
        assertThat(s.minScore()).isEqualTo(-80);
        assertThat(s.maxScore()).isEqualTo(100);
        assertThat(s.byResolution()).containsExactly(Map.entry("1080p", 3L), Map.entry("2160p", 1L), Map.entry("720p", 1L));
        assertThat(s.meanSizeGb()).isEqualTo(3.0);
        assertThat(LibraryStatistics.of(List.of(f("a", 1, 1, "x"), f("b", 2, 1, "x"), f("c", 3, 1, "x"), f("d", 4, 1, "x"))).medianScore()).isEqualTo(2.5);
        assertThat(LibraryStatistics.formatSize(1024 * GB)).isEqualTo("1.00 TB");
        assertThat(LibraryStatistics.formatSize(500 * GB + GB / 2)).isEqualTo("500.50 GB");
        assertThat(LibraryStatistics.of(List.of()).meanScore()).isZero();
    }

    @Test
    void healthIsTheMeanOfThreeFactorsGradedAToF() {
        assertThat(LibraryHealth.averageFactor(60)).isEqualTo(100);
        assertThat(LibraryHealth.averageFactor(25)).isEqualTo(87.5);
        assertThat(LibraryHealth.averageFactor(-25)).isEqualTo(62.5);
        assertThat(LibraryHealth.averageFactor(-75)).isEqualTo(37.5);
        assertThat(LibraryHealth.averageFactor(-200)).isEqualTo(0);
        assertThat(List.of(LibraryHealth.grade(90), LibraryHealth.grade(89.9), LibraryHealth.grade(70), LibraryHealth.grade(60),
                LibraryHealth.grade(59.9))).containsExactly("A", "B", "C", "D", "F");

        // mean 7.5 → 75 + 7.5/50·25 = 78.75; 2 of 4 positive → 50; 1 candidate of 4 → 100 − 50 = 50; mean 59.58 → F
        LibraryStatistics s = LibraryStatistics.of(List.of(f("a", 100, 1, "x"), f("b", 60, 1, "x"), f("c", -10, 1, "x"), f("d", -120, 1, "x")));
        LibraryHealth h = LibraryHealth.assess(s, 1, 1, null, 0, 1);
        assertThat(h.averageFactor()).isEqualTo(78.75);
        assertThat(h.positiveFactor()).isEqualTo(50);
        assertThat(h.candidateFactor()).isEqualTo(50);
        assertThat(h.score()).isCloseTo(59.583, within(0.001));
        assertThat(h.grade()).isEqualTo("F");
        assertThat(h.warnings()).contains("1 file(s) need urgent replacement (critical)");

        LibraryStatistics great = LibraryStatistics.of(List.of(f("a", 100, 1, "x"), f("b", 80, 1, "x")));
        LibraryHealth g = LibraryHealth.assess(great, 0, 0, null, 2, 0);
        assertThat(g.score()).isEqualTo(100);
        assertThat(g.grade()).isEqualTo("A");
        assertThat(g.achievements()).contains("Excellent average library score").anyMatch(a -> a.startsWith("Strong quality distribution"));
        assertThat(LibraryHealth.assess(LibraryStatistics.of(List.of()), 0, 0, null, 0, 0).grade()).isEqualTo("F");
    }

    @Test
    void candidatesFollowTheGapTiersFormatsSizeAndHdrRulesAndAreSorted() {
        List<ArrFile> files = List.of(
                f("A", -200, 1, "1080p"),                                              // gap 200 → CRITICAL, gain 140
                f("B", -80, 1, "1080p"),                                               // gap 80 → HIGH, gain 40
                f("C", -50, 1, "1080p"),                                               // gap 50 (at the threshold) → MEDIUM, no gain
                f("D", -40, 1, "1080p", new FormatScore("LQ", -30)),                   // a format below −20 → HIGH
                f("E", 10, 1, "2160p", new FormatScore("DV", 10)),                     // 4K without HDR → MEDIUM
                f("F", 100, 1, "2160p", new FormatScore("HDR10", 100)),                // nothing to say
                file("G", 50, GB, "1080p", "WEBDL-1080p", true, 100, null),            // below the cutoff, upgrades on → MEDIUM, gain 50
                f("H", -5, 9, "1080p"),                                                // > 2 × mean size (3 GB) and negative → HIGH
                f("I", -10, 1, "1080p", new FormatScore("BR-DISK", -60)));             // a format below −50 → CRITICAL
        List<UpgradeCandidate> c = UpgradeCandidateRanker.rank(files, Map.of(), -50, 0, 3.0 * GB);
        assertThat(c).extracting(x -> x.file().title() + " " + x.priority() + " " + x.potentialGain())
                .containsExactly("A CRITICAL 140", "I CRITICAL 0", "B HIGH 40", "D HIGH 0", "H HIGH 0", "G MEDIUM 50", "C MEDIUM 0", "E MEDIUM 0");
        assertThat(c.get(5).serviceWouldUpgrade()).isTrue();
        assertThat(c.get(7).reasons()).containsExactly("4K file missing HDR formats");
        assertThat(c.get(4).reasons()).contains("Large file with poor quality score");
    }

    @Test
    void missingFormatsAreTheProfilesBestThatTheFileLacks() {
        QualityProfile p = new QualityProfile(1, "HD", true, null, 0, 100, Map.of("A", 300, "B", 200, "C", 100, "D", 50, "E", -10), Map.of());
        ArrFile file = f("x", 0, 1, "1080p", new FormatScore("B", 200));
        assertThat(UpgradeCandidateRanker.missingFormats(file, p)).extracting(FormatScore::name).containsExactly("A", "C", "D");
    }

    @Test
    void profilesFallIntoTheOriginalsBucketsAndRatings() {
        assertThat(List.of(101, 100, 50, 49, 0, -1, -50, -51).stream().map(ProfileAnalysis::bucket)).containsExactly(0, 1, 1, 2, 2, 3, 3, 4);
        assertThat(List.of(76.0, 75.0, 26.0, 25.0, -9.0, -10.0).stream().map(ProfileAnalysis::rating))
                .containsExactly("excellent", "good", "good", "fair", "fair", "poor");
        List<ProfileAnalysis> p = ProfileAnalysis.of(List.of(f("a", -60, 1, "x"), f("b", -10, 1, "x"), f("c", 200, 1, "x")), Map.of(), 100);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).terrible()).isEqualTo(1);
        assertThat(p.get(0).poor()).isEqualTo(1);
        assertThat(p.get(0).excellent()).isEqualTo(1);
        assertThat(p.get(0).issues()).hasSize(2);
    }

    @Test
    void formatEffectivenessSeparatesOwnContributionFromTheMeanScoreOfCarriers() {
        QualityProfile p = new QualityProfile(1, "HD", true, null, 0, 100, Map.of("X", 60, "Y", 40, "Z", -80, "W", 30, "Q", 0), Map.of());
        List<ArrFile> files = List.of(f("a", 100, 1, "x", new FormatScore("X", 60), new FormatScore("Y", 40), new FormatScore("Q", 0)),
                f("b", -20, 1, "x", new FormatScore("X", 60), new FormatScore("Z", -80)));
        FormatEffectiveness.Report r = FormatEffectiveness.of(files, Map.of(1, p));
        FormatEffectiveness x = r.formats().stream().filter(e -> e.name().equals("X")).findFirst().orElseThrow();
        assertThat(x.filesMatched()).isEqualTo(2);
        assertThat(x.totalContribution()).isEqualTo(120);
        assertThat(x.meanScoreOfCarriers()).isEqualTo(40.0);
        assertThat(x.impact()).isEqualTo("medium");
        assertThat(x.scoreByProfile()).containsEntry("HD", 60);
        assertThat(r.formats().stream().filter(e -> e.name().equals("Z")).findFirst().orElseThrow().impact()).isEqualTo("negative");
        assertThat(r.scoredButUnmatched()).containsExactly("W");
        assertThat(r.matchedButUnscored()).containsExactly("Q");
        assertThat(List.of(51.0, 50.0, 10.0, 0.0, -0.1).stream().map(FormatEffectiveness::impact)).containsExactly("high", "medium", "low", "low", "negative");
    }

    @Test
    void trendsCountByWeekAndMonthWithVelocityAndThirtyDayNet() {
        assertThat(ScoreTrends.weekKey(LocalDate.of(2026, 1, 1))).isEqualTo("2026-W00"); // a Thursday, before the first Sunday
        assertThat(ScoreTrends.weekKey(LocalDate.of(2026, 1, 4))).isEqualTo("2026-W01"); // the first Sunday
        Instant now = Instant.parse("2026-03-15T12:00:00Z");
        List<ScoreChange> changes = List.of(
                new ScoreChange("k1", 1, "a", ScoreChange.IMPROVED, null, 10, 20, "2026-03-14T00:00:00Z"),
                new ScoreChange("k2", 2, "b", ScoreChange.NEW_FILE, null, -50, 100, "2026-03-13T00:00:00Z"),  // a better replacement
                new ScoreChange("k3", 3, "c", ScoreChange.DEGRADED, null, 50, 0, "2026-02-01T00:00:00Z"),    // 42 days ago
                new ScoreChange("k4", 4, "d", ScoreChange.NEW_FILE, null, null, 10, "2026-03-14T00:00:00Z"), // not a change of quality
                new ScoreChange("k5", 5, "e", ScoreChange.REMOVED, "deleted", 10, null, "2026-03-14T00:00:00Z"));
        ScoreTrends t = ScoreTrends.of(changes, now);
        assertThat(t.improvements()).isEqualTo(2);
        assertThat(t.degradations()).isEqualTo(1);
        assertThat(t.netChange30Days()).isEqualTo(2);
        assertThat(t.monthly()).containsOnlyKeys("2026-02", "2026-03");
        assertThat(t.weekly()).hasSize(2);
        assertThat(t.improvementVelocity()).isEqualTo(0.5);
        assertThat(t.degradationVelocity()).isEqualTo(0.25);
        assertThat(t.patterns()).containsExactly("Strong positive trend", "Stable");
        assertThat(ScoreTrends.patterns(0, 1, 0, 3)).containsExactly("Concerning trend");
        assertThat(ScoreTrends.patterns(2, 0, 5, 0)).containsExactly("Strong positive trend", "Perfect optimization");
    }

    @Test
    void categoriesFollowThePriorityOrderFirstMatchWins() {
        double mean = 0;
        double size = 2.0 * GB;
        assertThat(FileCategoriser.category(f("x", -60, 10, "2160p"), mean, size)).isEqualTo("priority_replacements");
        assertThat(FileCategoriser.category(f("x", -10, 10, "2160p"), mean, size)).isEqualTo("large_low_quality");
        assertThat(FileCategoriser.category(f("x", 10, 1, "2160p"), mean, size)).isEqualTo("hdr_candidates");
        assertThat(FileCategoriser.category(f("x", 10, 1, "2160p", new FormatScore("DOLBY VISION", 10)), mean, size)).isNotEqualTo("hdr_candidates");
        assertThat(FileCategoriser.category(file("x", 10, GB, "1080p", "WEBDL-1080p", null, null, "AAC 2"), mean, size)).isEqualTo("audio_upgrade_candidates");
        assertThat(FileCategoriser.category(f("x", 10, 1, "1080p", new FormatScore("XviD", 0)), mean, size)).isEqualTo("legacy_content");
        assertThat(FileCategoriser.category(file("x", 10, GB, "1080p", "HDTV-720p", null, null, null), mean, size)).isEqualTo("resolution_mismatches");
        assertThat(FileCategoriser.category(f("x", -30, 1, "1080p"), mean, size)).isEqualTo("upgrade_worthy");
        assertThat(FileCategoriser.category(f("x", 60, 1, "1080p", new FormatScore("Remux Tier 01", 60)), mean, size)).isEqualTo("format_optimized");
        assertThat(FileCategoriser.category(f("x", 80, 1, "1080p"), mean, size)).isEqualTo("premium_quality");
        assertThat(FileCategoriser.category(f("x", 5, 1, "1080p"), mean, size)).isEqualTo("acceptable_quality");
        assertThat(FileCategoriser.category(f("x", -5, 1, "1080p"), mean, size)).isNull();
        assertThat(FileCategoriser.categorise(List.of(f("x", -60, 1, "1080p")), mean, size).keySet()).containsExactlyElementsOf(FileCategoriser.CATEGORIES);
    }

    @Test
    void csvKeepsTheOriginalColumnsAndQuotesAsRfc4180() throws Exception {
        ArrFile a = new ArrFile(ArrService.RADARR, "movie:1", 1, 11, "Title, with \"quotes\"", 1999, null, null, null, null, "A/a.mkv", 10 * GB + GB / 100,
                "Bluray-1080p", "1080p", "x265", "DTS 5.1", null, "GRP", List.of(new FormatScore("Tier 01", 100), new FormatScore("LQ", -5)), 95, 1,
                "HD", 100, 0, false, true, true, "tt1", 603, null, null, "2026-01-01T00:00:00Z", "2026-11-22 03:00:00");
        StringWriter w = new StringWriter();
        ArrCsvWriter.write(ArrService.RADARR, List.of(a), w);
        String[] lines = w.toString().split("\r\n");
        assertThat(lines[0]).startsWith("Title,Year,File,Total_Score,Quality_Profile,Quality,Resolution,Codec,Size_GB,IMDB_ID,TMDB_ID,Custom_Formats,Recorded_At,Cutoff_Score");
        assertThat(lines[1]).startsWith("\"Title, with \"\"quotes\"\"\",1999,A/a.mkv,95,HD,Bluray-1080p,1080p,x265,10.01,tt1,603,Tier 01 (+100); LQ (-5),2026-11-22 03:00:00,100,0,false,true,true");
        assertThat(ArrCsvWriter.header(ArrService.SONARR).subList(0, 15)).containsExactly("Series_Title", "Episode", "Episode_Title", "File", "Total_Score",
                "Quality_Profile", "Quality", "Resolution", "Codec", "Size_GB", "Network", "Air_Date", "TVDB_ID", "Custom_Formats", "Recorded_At");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaAreNeutralisedButNumbersAreNot() throws Exception {
        ArrFile a = new ArrFile(ArrService.RADARR, "movie:1", 1, 11, "=HYPERLINK(\"http://evil.example\",\"click\")", 1999, null, null, null, null,
                "+cmd|' /C calc'!A0", GB, "-2+3", "1080p", "@SUM(1+1)", "\tDTS", null, "\rGRP", List.of(new FormatScore("LQ", -50)), -50, 1,
                "HD", -10, -50, false, true, true, "tt1", 603, null, null, "2026-01-01T00:00:00Z", "2026-11-22 03:00:00");
        StringWriter w = new StringWriter();
        ArrCsvWriter.write(ArrService.RADARR, List.of(a), w);
        String row = w.toString().split("\r\n")[1];
        assertThat(row).startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",1999,'+cmd|' /C calc'!A0,-50,HD,'-2+3,1080p,'@SUM(1+1),");
        assertThat(row).contains(",'\tDTS,").contains(",\"'\rGRP\",");
        assertThat(ArrCsvWriter.field("-50")).isEqualTo("-50");
        assertThat(ArrCsvWriter.field("-0.5")).isEqualTo("-0.5");
        assertThat(ArrCsvWriter.field("-")).isEqualTo("'-");
        assertThat(ArrCsvWriter.field("Plain title")).isEqualTo("Plain title");
    }
}
