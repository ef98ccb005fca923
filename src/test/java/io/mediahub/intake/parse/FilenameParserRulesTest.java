package io.mediahub.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rules added after measuring the parser on other projects' cases (docs/parser.md, "External evaluation"). The names
 * here are made up for the rules; none is copied from those projects.
 */
class FilenameParserRulesTest {

    private static ParsedName p(String name) {
        return FilenameParser.parse(name);
    }

    @Test
    void sourceGluedToItsScreenSize() {
        ParsedName a = p("Crimson.Harbor.S01E02.[Bluray1080p].mkv");
        assertThat(a.text("screen_size")).isEqualTo("1080p");
        assertThat(a.text("source")).isEqualTo("Blu-ray");
        ParsedName b = p("[Kumo] Hoshi no Umi - 03 [BD720p][ABCD1234].mkv");
        assertThat(b.text("screen_size")).isEqualTo("720p");
        assertThat(b.text("source")).isEqualTo("Blu-ray");
        assertThat(b.episodes()).containsExactly(3);
    }

    @Test
    void relaySuffixesLeaveTheGroup() {
        assertThat(p("Crimson.Harbor.S01E02.720p.HDTV.x264-PLUM-1").text("release_group")).isEqualTo("PLUM");
        assertThat(p("Crimson.Harbor.S01E02.720p.HDTV.x264-PLUM-Rakuv03").text("release_group")).isEqualTo("PLUM");
        assertThat(p("Old.Town.Blues.1987.1080p.BluRay.x264-GRP-Obfuscation").text("release_group")).isEqualTo("GRP");
        assertThat(p("Old.Town.Blues.1987.1080p.BluRay.x264-GRP-RePACKPOST").text("release_group")).isEqualTo("GRP");
    }

    @Test
    void oneSeasonEpisodeRangeWrittenTwice() {
        ParsedName a = p("Crimson Harbor - 2x07-2x08 - Two Lights [HDTV]");
        assertThat(a.season()).isEqualTo(2);
        assertThat(a.episodes()).containsExactly(7, 8);
        ParsedName b = p("crimson.harbor.205.206.hdtv-plum");
        assertThat(b.title()).isEqualTo("crimson harbor");
        assertThat(b.season()).isEqualTo(2);
        assertThat(b.episodes()).containsExactly(5, 6);
    }

    @Test
    void aResolutionIsNoSeasonByEpisode() {
        ParsedName a = p("Crimson Harbor - S01E02 1920x800");
        assertThat(a.season()).isEqualTo(1);
        assertThat(a.episodes()).containsExactly(2);
        assertThat(a.text("screen_size")).isEqualTo("1920x800");
    }

    @Test
    void aSeasonAloneThenABareNumber() {
        ParsedName a = p("[Kumo] Hoshi no Umi S2 - 07 [720p]");
        assertThat(a.title()).isEqualTo("Hoshi no Umi");
        assertThat(a.season()).isEqualTo(2);
        assertThat(a.episodes()).containsExactly(7);
        ParsedName b = p("[Kumo] Hoshi no Umi S3 [05][1080p]");
        assertThat(b.season()).isEqualTo(3);
        assertThat(b.episodes()).containsExactly(5);
        // a year or a resolution after the season stays what it is
        assertThat(p("Crimson Harbor S02 2019 720p").episodes()).isEmpty();
        assertThat(p("Crimson Harbor S 02 720p WEB-DL").season()).isEqualTo(2);
    }

    @Test
    void aNumberEndingTheTitleBeforeTheEpisode() {
        ParsedName a = p("Station 19 - S02E03 - Heat");
        assertThat(a.title()).isEqualTo("Station 19");
        assertThat(a.integer("absolute_episode")).isNull();
        assertThat(p("Apollo.Crew.13.S01E01.720p.HDTV").title()).isEqualTo("Apollo Crew 13");
    }

    @Test
    void longRunningEpisodeNumbersAndDates() {
        assertThat(p("Long Soap - S12 E10478 - 2019-01-02").episodes()).containsExactly(10478);
        assertThat(p("Late.Night.Talk.2019.25.03.HDTV.x264-GRP").text("date")).isEqualTo("2019-03-25");
        assertThat(p("Hoshi no Umi - 100 - The Last Port").episodes()).containsExactly(100);
    }

    @Test
    void animeRangesAndLeadingTags() {
        assertThat(p("[Kumo] Hoshi no Umi - 01~12 [1080p]").episodes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(p("[Kumo] Hoshi no Umi - 01 ~ 03 [1080p]").episodes()).containsExactly(1, 2, 3);
        ParsedName b = p("[Kumo]_[H-U]_Hoshi_no_Umi_Ep04_(0a1b2c3d).mkv");
        assertThat(b.title()).isEqualTo("Hoshi no Umi");
        assertThat(b.text("release_group")).isEqualTo("Kumo");
        assertThat(b.episodes()).containsExactly(4);
    }

    @Test
    void numbersThatOpenATitle() {
        ParsedName a = p("(200).Nights.Of.Rain.(2011).720p.BluRay.x264-GRP");
        assertThat(a.title()).isEqualTo("200 Nights Of Rain");
        assertThat(a.year()).isEqualTo(2011);
        assertThat(a.text("release_group")).isEqualTo("GRP");
        ParsedName b = p("[Kumo] 5 Kilometers per Hour (BDRip 1920x1080 FLAC) [0A1B2C3D].mkv");
        assertThat(b.title()).isEqualTo("5 Kilometers per Hour");
        assertThat(b.episodes()).isEmpty();
        assertThat(b.type()).isEqualTo("movie");
    }

    @Test
    void anyWwwSiteBeforeTheName() {
        ParsedName a = p("www.SomeSite.xyz - Crimson.Harbor.S01E01.720p.HDTV.x264-PLUM");
        assertThat(a.title()).isEqualTo("Crimson Harbor");
        assertThat(a.text("website")).isEqualTo("www.SomeSite.xyz");
    }

    @Test
    void completeBeforeASeason() {
        ParsedName a = p("Crimson Harbor Complete Season 3 720p WEB-DL");
        assertThat(a.title()).isEqualTo("Crimson Harbor");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.values("other")).contains("Complete");
    }

    @Test
    void aLanguageRightBeforeTheYear() {
        ParsedName a = p("Ruisseau.French.2013.NTSC.DVDR-GRP");
        assertThat(a.title()).isEqualTo("Ruisseau");
        assertThat(a.text("language")).isEqualTo("fr");
        // said again later, the first one belongs to the title
        assertThat(p("Ruisseau.French.2013.FRENCH.NTSC.DVDR-GRP").title()).isEqualTo("Ruisseau French");
        assertThat(p("The.French.Harbour.2013.720p.BluRay.x264-GRP").title()).isEqualTo("The French Harbour");
    }

    @Test
    void theFolderKeepsTheAccentsTheReleaseDropped() {
        ParsedName a = p("movies/Le Château des Ombres (2006)/Le.Chateau.Des.Ombres.FRENCH.DVDRip.XviD-GRP.avi");
        assertThat(a.title()).isEqualTo("Le Château des Ombres");
        assertThat(a.year()).isEqualTo(2006);
    }

    @Test
    void aRangeNeverEndsOnAScreenSizeOrAThousand() {
        ParsedName a = p("Season 1/lantern-s03e08-720p.mkv");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.episodes()).containsExactly(8);
        assertThat(a.text("screen_size")).isEqualTo("720p");
        ParsedName b = p("Copper.Bay-S02E05-12.500.Leagues.mkv");
        assertThat(b.episodes()).containsExactly(5);
    }

    @Test
    void moreEpisodesAfterSeasonByEpisode() {
        ParsedName a = p("Season 03/Lantern Row - 03x04-E09 - Title.mp4");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.episodes()).startsWith(4).endsWith(9);
        ParsedName b = p("Season 03/Lantern Row - 03x04 - x05 - x11 - Title.mp4");
        assertThat(b.episodes()).containsExactly(4, 5, 11);
    }

    @Test
    void aSeasonWordOrOrdinalThenABareNumber() {
        ParsedName a = p("[Kumo] Hoshi no Umi Season 2 - 07 [1080p].mkv");
        assertThat(a.title()).isEqualTo("Hoshi no Umi");
        assertThat(a.season()).isEqualTo(2);
        assertThat(a.episodes()).containsExactly(7);
        ParsedName b = p("[Kumo] Hoshi no Umi 2nd Season - 05 [720p].mkv");
        assertThat(b.title()).isEqualTo("Hoshi no Umi");
        assertThat(b.season()).isEqualTo(2);
        assertThat(b.episodes()).containsExactly(5);
        assertThat(p("Lantern Row Season 4 06.mp4").episodes()).containsExactly(6);
    }

    @Test
    void oneUnmarkedNumberAfterASeasonIsItsEpisode() {
        ParsedName a = p("Copper.Bay.S02.05.1080p.WEB.x264.mkv");
        assertThat(a.season()).isEqualTo(2);
        assertThat(a.episodes()).containsExactly(5);
        ParsedName b = p("Copper Bay S03 11.mkv");
        assertThat(b.season()).isEqualTo(3);
        assertThat(b.episodes()).containsExactly(11);
        assertThat(p("Copper Bay S01 02 03 720p").values("season")).containsExactly(1, 2, 3);
    }

    @Test
    void aLeadingNumberInASeasonFolderIsTheEpisode() {
        ParsedName a = p("Lantern Row/Season 3/08 The Quiet Harbour.mkv");
        assertThat(a.title()).isEqualTo("Lantern Row");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.episodes()).containsExactly(8);
        assertThat(a.text("episode_title")).isEqualTo("The Quiet Harbour");
        ParsedName b = p("Season 4/05.mp4");
        assertThat(b.season()).isEqualTo(4);
        assertThat(b.episodes()).containsExactly(5);
        ParsedName c = p("Season 4/9 - 21 Lanterns.avi");
        assertThat(c.episodes()).containsExactly(9);
        // outside a season folder a number opening the name stays in the title
        assertThat(p("Films/12 Quiet Men (1961).mkv").title()).isEqualTo("12 Quiet Men");
    }

    @Test
    void aSeparatedDashAfterASeasonInAnAnimeNameIsTheEpisode() {
        ParsedName a = p("[Kumo] Hoshi no Umi Season 3 - 11 [1080p].mkv");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.episodes()).containsExactly(11);
        ParsedName b = p("[Kumo].Hoshi.no.Umi.S2.-.14.[720p].mkv");
        assertThat(b.season()).isEqualTo(2);
        assertThat(b.episodes()).containsExactly(14);
        // without a leading group a season range stays a range
        assertThat(p("Lantern.Row.Season.1-3.1080p").values("season")).containsExactly(1, 2, 3);
    }

    @Test
    void gluedSeasonEpisodeWithoutTheE() {
        ParsedName a = p("Copper.Bay.S0312.HDTV.x264.avi");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.episodes()).containsExactly(12);
        assertThat(p("Copper.Bay.E03.S2011.mkv").values("season")).doesNotContain(20); // a year-season, not S20E11
    }

    @Test
    void britishSeriesWordAndAConsecutiveDottedEpisode() {
        ParsedName a = p("Copper.Bay.-.Series.2.-.720p.BluRay.x264-GRP");
        assertThat(a.title()).isEqualTo("Copper Bay");
        assertThat(a.season()).isEqualTo(2);
        // "Series" opening a name or followed by a date is a title word
        assertThat(p("Series 7 - S01E01").season()).isEqualTo(1);
        assertThat(p("Copper.Bay.S04E11.12.HDTV.XviD-GRP").episodes()).containsExactly(11, 12);
        assertThat(p("Copper.Bay.S04E11.14.HDTV.XviD-GRP").episodes()).containsExactly(11);
    }

    @Test
    void ordinalTemporadaAndARangeOfThem() {
        ParsedName a = p("Lantern Row - 2ª Temporada Completa 2018 (720p)");
        assertThat(a.season()).isEqualTo(2);
        assertThat(a.title()).isEqualTo("Lantern Row");
        ParsedName b = p("Lantern Row 1ª a 4ª Temporada [1080p] [BluRay]");
        assertThat(b.values("season")).containsExactly(1, 2, 3, 4);
        assertThat(b.title()).isEqualTo("Lantern Row");
    }

    @Test
    void spanishTemporadaLetterBeforeTheEpisode() {
        ParsedName a = p("Copper Bay - T03E14.mp4");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.episodes()).containsExactly(14);
    }

    @Test
    void audioChannelCountsAreNotSeasonByEpisode() {
        ParsedName a = p("Old Town Blues (1999) (BDRip 1080p x265 AC3 5.1x2+2.0x1)[grp].mkv");
        assertThat(a.season()).isNull();
        assertThat(a.episodes()).isEmpty();
        // a year before a dotted NxM still leaves the episode
        assertThat(p("Copper.Bay.2011.4x09.Title.720p.HDTV.x264-GRP").episodes()).containsExactly(9);
    }

    @Test
    void seasonWordAnnouncingASeasonMarkerLeavesTheTitle() {
        ParsedName a = p("Lantern Row Season S01-S03 COMPLETE 1080p WEB-DL");
        assertThat(a.title()).isEqualTo("Lantern Row");
        assertThat(a.values("season")).containsExactly(1, 2, 3);
        assertThat(p("Open.Season.720p.BluRay.x264-GRP").title()).isEqualTo("Open Season"); // no marker follows
    }

    @Test
    void groupAfterAClosedBracketAndSourceGluedToScreenSize() {
        assertThat(p("Lantern Row S01-S04 + Extras [Boxed Set]-PLUM").text("release_group")).isEqualTo("PLUM");
        ParsedName a = p("Old.Town.Blues.2021.TC1080P.x264");
        assertThat(a.text("screen_size")).isEqualTo("1080p");
        assertThat(a.text("source")).isEqualTo("Telecine");
    }

    @Test
    void wwwSiteWithALongTopLevelDomain() {
        ParsedName a = p("www.SomeSite.party - Old Town Blues (2020) 720p WEB-DL x264");
        assertThat(a.title()).isEqualTo("Old Town Blues");
        assertThat(a.text("website")).isEqualTo("www.SomeSite.party");
    }

    @Test
    void numberTitleRightBeforeSeasonWord() {
        ParsedName a = p("The.42.Season.3.Complete.720p.WEB");
        assertThat(a.title()).isEqualTo("The 42");
        assertThat(a.season()).isEqualTo(3);
        assertThat(a.episodes()).isEmpty();
    }

    @Test
    void groupCreditedInsideASubtitleTag() {
        ParsedName a = p("Lantern Valley 2004 [Mizu] [Blu-ray][MKV][h264][1080p][FLAC 2.0][Softsubs (Mizu)]");
        assertThat(a.text("release_group")).isEqualTo("Mizu");
        assertThat(a.title()).isEqualTo("Lantern Valley");
    }

    @Test
    void subtitleTagAndSpacedSizeLeaveTheGroup() {
        assertThat(p("Crimson.Harbor.S03E04.1080p.WEB.x264.EsSubbed-PLUM").text("release_group")).isEqualTo("PLUM");
        ParsedName b = p("Crimson.Harbor.S03E05.720p.HDTV.320.MB.-.PLUM");
        assertThat(b.text("release_group")).isEqualTo("PLUM");
        assertThat(b.text("size")).isEqualTo("320MB");
    }

    @Test
    void episodeGluedToALowerCaseTitleWord() {
        ParsedName a = p("Old.Lighthouse4x07.HDTV.XviD.avi");
        assertThat(a.title()).isEqualTo("Old Lighthouse");
        assertThat(a.season()).isEqualTo(4);
        assertThat(a.episodes()).containsExactly(7);
        ParsedName b = p("abc-harbors02e05-720p");
        assertThat(b.season()).isEqualTo(2);
        assertThat(b.episodes()).containsExactly(5);
    }

    @Test
    void underscoreJoinsASecondEpisodeToNxM() {
        ParsedName a = p("Crimson Harbor - 5x03_04 - Low Tide");
        assertThat(a.season()).isEqualTo(5);
        assertThat(a.episodes()).containsExactly(3, 4);
        assertThat(a.title()).isEqualTo("Crimson Harbor");
    }

    @Test
    void sixDigitDateOnlyBeforeATechnicalWord() {
        ParsedName a = p("Night.Desk.210315.720p.HDTV.x264-PLUM");
        assertThat(a.text("date")).isEqualTo("2021-03-15");
        assertThat(a.title()).isEqualTo("Night Desk");
        assertThat(p("Night.Desk.210315.Interview").text("date")).isNull();
    }

    @Test
    void loneVersionAfterTitleWordsEndsTheTitle() {
        ParsedName a = p("[Moonfall] Paper Lanterns v2 [1080p][0A1B2C3D].mkv");
        assertThat(a.title()).isEqualTo("Paper Lanterns");
        assertThat(a.get("version")).isEqualTo(2);
        assertThat(a.text("release_group")).isEqualTo("Moonfall");
        ParsedName b = p("Quiet.Orchard.v3.720p.WEB.x264-ORC");
        assertThat(b.title()).isEqualTo("Quiet Orchard");
        assertThat(b.get("version")).isEqualTo(3);
        // a "v" with a digit inside the title, followed by more title words, stays in the title
        ParsedName c = p("Route v2 Blues 2011 720p BluRay x264-GRP");
        assertThat(c.title()).isEqualTo("Route v2 Blues");
        assertThat(c.get("version")).isNull();
    }

    @Test
    void channelsAfterAnAudioCodecAndOneShortWordKeepTheGroupClean() {
        ParsedName a = p("Glass.Harbour.2014.1080p.BluRay.AVC.DTS-HR.MA.5.1-KELP");
        assertThat(a.get("audio_channels")).isEqualTo("5.1");
        assertThat(a.text("release_group")).isEqualTo("KELP");
        assertThat(a.title()).isEqualTo("Glass Harbour");
        // without an audio codec before it, a lone "5.1" is not read as channels
        assertThat(p("Glass.Harbour.MA.5.1-KELP").get("audio_channels")).isNull();
    }

    @Test
    void aNumberInATitleBeforeItsYearInParenthesesIsPartOfTheTitle() {
        String[][] cases = {{"Apollo 13 (1995).mkv", "Apollo 13", "1995"}, {"Ocean's 11 (2001).mkv", "Ocean's 11", "2001"},
            {"Blade Runner 2049 (2017).mkv", "Blade Runner 2049", "2017"}, {"2001 A Space Odyssey (1968).mkv", "2001 A Space Odyssey", "1968"},
            {"Super 8 (2011).mkv", "Super 8", "2011"}, {"The 100 (2014).mkv", "The 100", "2014"}, {"1917 (2019).mkv", "1917", "2019"},
            {"300 (2006).mkv", "300", "2006"}, {"District 9 (2009).mkv", "District 9", "2009"}, {"9 (2009).mkv", "9", "2009"},
            {"The 39 Steps (1935).mkv", "The 39 Steps", "1935"}, {"Catch-22 (1970).mkv", "Catch-22", "1970"},
            {"Apollo.13.1995.mkv", "Apollo 13", "1995"}, {"Ocean's.11.2001.mkv", "Ocean's 11", "2001"}};
        for (String[] c : cases) {
            ParsedName a = p(c[0]);
            assertThat(a.title()).as(c[0]).isEqualTo(c[1]);
            assertThat(a.year()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
            assertThat(a.type()).as(c[0]).isEqualTo("movie");
            assertThat(a.season()).as(c[0]).isNull();
            assertThat(a.episodes()).as(c[0]).isEmpty();
        }
        // a show folder with a number in its title
        ParsedName show = p("tv/The 100 (2014)/Season 01/The 100 (2014) - S01E01.mkv");
        assertThat(show.title()).isEqualTo("The 100");
        assertThat(show.year()).isEqualTo(2014);
        assertThat(show.season()).isEqualTo(1);
        assertThat(show.episodes()).containsExactly(1);
        // a spaced dash before a number still reads an episode, and a number not before the year too
        assertThat(p("[Kumo] Hoshi no Umi - 13 [720p].mkv").episodes()).containsExactly(13);
        assertThat(p("Crimson Harbor 13 720p HDTV x264-GRP.mkv").episodes()).containsExactly(13);
    }

    @Test
    void anApostropheSIsNoSeason() {
        assertThat(p("Ocean's 11 (2001)").season()).isNull();
        assertThat(p("Grey's 11 Lives (2001)").title()).isEqualTo("Grey's 11 Lives");
        assertThat(p("Crimson Harbor S 02 720p HDTV x264-GRP").season()).isEqualTo(2);
    }

    @Test
    void aDotInANameWrittenWithSpacesIsPunctuation() {
        assertThat(p("Kill Bill Vol. 2 (2004).mkv").title()).isEqualTo("Kill Bill Vol. 2");
        assertThat(p("tv/11.22.63 (2016)/Season 01/11.22.63 (2016) - S01E05.mkv").title()).isEqualTo("11.22.63");
        assertThat(p("Kill.Bill.Vol.2.2004.1080p.BluRay.x264-GRP.mkv").title()).isEqualTo("Kill Bill Vol 2");
        assertThat(p("This T.I.T.L.E. has dots").title()).isEqualTo("This T.I.T.L.E has dots");
    }
}
