package io.mediahub.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.intake.LibraryNames;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The names Mediahub writes into its library ({@link LibraryNames}) read back as what was written: the same title,
 * year, season and episode, whether the parser sees the library path ({@code movies/Title (Year)/Title (Year).mkv},
 * as {@code library-scan} does through {@link FilenameParser#parseInLibrary}) or only the name (a library file dropped
 * into the inbox again, read by {@link FilenameParser#parse}). Without the library's folders a few titles read as
 * guessit reads them: {@code A - B} is a title and an alternative title, {@code 3D} is {@code other}, an episode
 * titled {@code Pilot} is {@code episode_details}.
 */
class LibraryNamesRoundTripTest {

    /** Movie titles holding numbers, years or words the parser knows, each with its year. */
    static final List<Object[]> MOVIES = List.of(
            new Object[] {"Apollo 13", 1995}, new Object[] {"Ocean's 11", 2001}, new Object[] {"Blade Runner 2049", 2017},
            new Object[] {"2001 A Space Odyssey", 1968}, new Object[] {"Super 8", 2011}, new Object[] {"1917", 2019},
            new Object[] {"300", 2006}, new Object[] {"District 9", 2009}, new Object[] {"9", 2009}, new Object[] {"The 100", 2014},
            new Object[] {"2012", 2009}, new Object[] {"1984", 1984}, new Object[] {"Ocean's Eleven", 2001},
            new Object[] {"Ocean's Twelve", 2004}, new Object[] {"Ocean's 8", 2018}, new Object[] {"Friday the 13th", 1980},
            new Object[] {"The 39 Steps", 1935}, new Object[] {"12 Angry Men", 1957}, new Object[] {"Room 237", 2012},
            new Object[] {"Catch-22", 1970}, new Object[] {"Se7en", 1995}, new Object[] {"Fantastic 4", 2015},
            new Object[] {"Alien 3", 1992}, new Object[] {"Toy Story 2", 1999}, new Object[] {"Terminator 2 Judgment Day", 1991},
            new Object[] {"10 Things I Hate About You", 1999}, new Object[] {"The Taking of Pelham 123", 2009},
            new Object[] {"Thirteen Days", 2000}, new Object[] {"Kill Bill Vol. 2", 2004}, new Object[] {"Mission - Impossible", 1996},
            new Object[] {"Star Wars Episode IV - A New Hope", 1977}, new Object[] {"Halloween", 2018}, new Object[] {"Sicario", 2015},
            new Object[] {"The Italian Job", 1969}, new Object[] {"2046", 2004}, new Object[] {"Rocky II", 1979},
            new Object[] {"Jackass 3D", 2010}, new Object[] {"The Hateful Eight", 2015}, new Object[] {"8 Mile", 2002},
            new Object[] {"21 Jump Street", 2012}, new Object[] {"22 Jump Street", 2014}, new Object[] {"Mambo No 5", 1999},
            new Object[] {"Das Boot", 1981}, new Object[] {"Amélie", 2001}, new Object[] {"Léon", 1994},
            new Object[] {"The Lord of the Rings The Two Towers", 2002}, new Object[] {"Up", 2009}, new Object[] {"Her", 2013},
            new Object[] {"Heat", 1995}, new Object[] {"Cars 2", 2011}, new Object[] {"Saw", 2004}, new Object[] {"Top Gun", 1986});

    /** Show titles holding numbers, with a year, a season, an episode and an episode title (or none). */
    static final List<Object[]> EPISODES = List.of(
            new Object[] {"The 100", 2014, 1, 1, null}, new Object[] {"The 100", 2014, 3, 16, "Perverse Instantiation"},
            new Object[] {"Warehouse 13", 2009, 1, 1, "Pilot"}, new Object[] {"The 4400", 2004, 2, 13, null},
            new Object[] {"24", 2001, 8, 24, null}, new Object[] {"9-1-1", 2018, 4, 2, "Home Fires"},
            new Object[] {"Babylon 5", 1994, 2, 1, "Points of Departure"}, new Object[] {"Station 19", 2018, 1, 10, null},
            new Object[] {"11.22.63", 2016, 1, 5, null}, new Object[] {"Space 1999", 1975, 1, 3, null},
            new Object[] {"Brooklyn Nine-Nine", 2013, 5, 14, "The Box"}, new Object[] {"Doctor Who", 2005, 6, 13, "The Wedding of River Song"},
            new Object[] {"Apollo 13", 1995, 1, 13, null}, new Object[] {"Ocean's 11", 2001, 1, 11, null},
            new Object[] {"Breaking Bad", 2008, 5, 14, "Ozymandias"}, new Object[] {"Stranger Things", 2016, 4, 1, "Chapter One The Hellfire Club"},
            new Object[] {"Person of Interest", 2011, 1, 1, "Pilot"}, new Object[] {"Numb3rs", 2005, 2, 3, null},
            new Object[] {"Sherlock", 2010, 2, 1, "A Scandal in Belgravia"}, new Object[] {"The Office", 2005, 3, 22, "Beach Games"});

    /** Titles guessit's rules split or shorten when no library folder says otherwise. */
    static final java.util.Set<String> GUESSIT_READS_OTHERWISE = java.util.Set.of("Mission - Impossible", "Star Wars Episode IV - A New Hope",
            "Jackass 3D", "Pilot");

    @Test
    void everyMovieNameReadsBack() {
        SoftAssertions soft = new SoftAssertions();
        for (Object[] m : MOVIES) {
            String title = (String) m[0];
            int year = (Integer) m[1];
            String path = LibraryNames.movie(title, year, ".mkv").toString().replace('\\', '/');
            String file = path.substring(path.lastIndexOf('/') + 1);
            for (String name : List.of(path, file, "library " + path)) {
                ParsedName p = name.startsWith("library ") ? FilenameParser.parseInLibrary(path) : FilenameParser.parse(name);
                if (!name.startsWith("library ") && GUESSIT_READS_OTHERWISE.contains(title)) {
                    soft.assertThat(title).as("title of " + name).startsWith(p.title());
                    continue;
                }
                soft.assertThat(p.title()).as("title of " + name).isEqualTo(title);
                soft.assertThat(p.year()).as("year of " + name).isEqualTo(year);
                soft.assertThat(p.type()).as("type of " + name).isEqualTo("movie");
                soft.assertThat(p.season()).as("season of " + name).isNull();
                soft.assertThat(p.episodes()).as("episodes of " + name).isEmpty();
            }
        }
        soft.assertAll();
    }

    @Test
    void everyEpisodeNameReadsBack() {
        SoftAssertions soft = new SoftAssertions();
        for (Object[] e : EPISODES) {
            String show = (String) e[0];
            int year = (Integer) e[1];
            int season = (Integer) e[2];
            int episode = (Integer) e[3];
            String episodeTitle = (String) e[4];
            String path = LibraryNames.episode(show, year, season, List.of(episode), episodeTitle, ".mkv").toString().replace('\\', '/');
            String file = path.substring(path.lastIndexOf('/') + 1);
            for (String name : List.of(path, file, "library " + path)) {
                ParsedName p = name.startsWith("library ") ? FilenameParser.parseInLibrary(path) : FilenameParser.parse(name);
                soft.assertThat(p.title()).as("title of " + name).isEqualTo(show);
                soft.assertThat(p.year()).as("year of " + name).isEqualTo(year);
                soft.assertThat(p.type()).as("type of " + name).isEqualTo("episode");
                soft.assertThat(p.season()).as("season of " + name).isEqualTo(season);
                soft.assertThat(p.episodes()).as("episodes of " + name).containsExactly(episode);
                if (!name.startsWith("library ") && episodeTitle != null && GUESSIT_READS_OTHERWISE.contains(episodeTitle)) {
                    soft.assertThat(p.episodeTitle()).as("episode title of " + name).isNull();
                    soft.assertThat(p.text("episode_details")).as("episode details of " + name).isEqualTo(episodeTitle);
                } else {
                    soft.assertThat(p.episodeTitle()).as("episode title of " + name).isEqualTo(episodeTitle);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void severalEpisodesInOneFileReadBack() {
        String path = LibraryNames.episode("The 100", 2014, 2, List.of(1, 2), null, ".mkv").toString().replace('\\', '/');
        assertThat(path).isEqualTo("tv/The 100 (2014)/Season 02/The 100 (2014) - S02E01-E02.mkv");
        for (ParsedName p : List.of(FilenameParser.parse(path), FilenameParser.parseInLibrary(path))) {
            assertThat(p.title()).isEqualTo("The 100");
            assertThat(p.season()).isEqualTo(2);
            assertThat(p.episodes()).containsExactly(1, 2);
        }
        ParsedName three = FilenameParser.parseInLibrary("tv/The 100 (2014)/Season 02/The 100 (2014) - S02E01-E03 - Long Night.mkv");
        assertThat(three.episodes()).containsExactly(1, 2, 3);
        assertThat(three.episodeTitle()).isEqualTo("Long Night");
    }

    @Test
    void aClashSuffixIsNoPartOfTheName() {
        ParsedName movie = FilenameParser.parseInLibrary("movies/Apollo 13 (1995)/Apollo 13 (1995) (2).mkv");
        assertThat(movie.title()).isEqualTo("Apollo 13");
        assertThat(movie.year()).isEqualTo(1995);
        assertThat(movie.type()).isEqualTo("movie");
        ParsedName episode = FilenameParser.parseInLibrary("tv/The 100 (2014)/Season 01/The 100 (2014) - S01E05 - Twilight's Last Gleaming (2).mkv");
        assertThat(episode.episodes()).containsExactly(5);
        assertThat(episode.episodeTitle()).isEqualTo("Twilight's Last Gleaming");
    }

    @Test
    void theLibraryLayoutSaysMovieOrEpisodeForNamesMediahubDidNotWrite() {
        // a user's own file under movies/ is a movie, whatever numbers its name holds
        ParsedName movie = FilenameParser.parseInLibrary("movies/Apollo 13 (1995)/apollo.13.1995.1080p.bluray.x264-grp.mkv");
        assertThat(movie.title()).isEqualTo("Apollo 13");
        assertThat(movie.year()).isEqualTo(1995);
        assertThat(movie.type()).isEqualTo("movie");
        assertThat(movie.text("screen_size")).isEqualTo("1080p");
        // under tv/Show (Year)/Season NN/ an episode of that show and season
        ParsedName episode = FilenameParser.parseInLibrary("tv/The 100 (2014)/Season 03/the.100.s03e07.720p.hdtv.x264-grp.mkv");
        assertThat(episode.title()).isEqualTo("The 100");
        assertThat(episode.year()).isEqualTo(2014);
        assertThat(episode.season()).isEqualTo(3);
        assertThat(episode.episodes()).containsExactly(7);
        assertThat(episode.type()).isEqualTo("episode");
        // anywhere else the path is read as parse reads it
        assertThat(FilenameParser.parseInLibrary("music/Artist/Album (2001)/01 - Song.flac").properties())
                .isEqualTo(FilenameParser.parse("music/Artist/Album (2001)/01 - Song.flac").properties());
    }
}
