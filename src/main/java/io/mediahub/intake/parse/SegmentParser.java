package io.mediahub.intake.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one part of a path (a file name without its extension, or one folder): finds the properties by their
 * patterns and words, then reads the title, episode title and release group from the holes between them.
 */
final class SegmentParser {
    /** A property found at {@code [start, end)} of the segment. */
    record Match(int start, int end, String property, Object value, int level) {
        boolean weak() {
            return level != Vocabulary.STRONG;
        }
    }

    /** A token of the segment: a run of characters between separators. */
    record Token(int start, int end, String text) {
    }

    final String s;
    final boolean isFile;
    final List<Match> matches = new ArrayList<>();
    final Map<String, Object> props = new LinkedHashMap<>();
    /** Where the title ended (the first property), or -1. */
    int titleEnd = -1;

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String B = "(?<![\\p{L}\\p{N}])";
    private static final String E = "(?![\\p{L}\\p{N}])";

    static final Pattern WEBSITE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:www\\.[a-z0-9][a-z0-9-]*(?:\\.(?:org|co|com|net))?\\.[a-z]{2,6}|(?:www\\.)?[a-z0-9][a-z0-9-]*(?:\\.(?:org|co|com|net))?"
            + "\\.(?:com|org|net|ru|info|tv|to|me|cc|biz|se|nl|fr|de|es|it|in|ws|io|eu|uk))" + E, CI);
    static final Pattern CRC = Pattern.compile("[\\[(]([0-9A-Fa-f]{8})[\\])]");
    static final Pattern SXXEXX = Pattern.compile(B + "S(\\d{1,4})[ ._-]?(?:x|[ ._-])?(?:E|EP|Ep|x)[ ._-]?(\\d{1,5})(?:v(\\d))?(?!\\d)", CI);
    static final Pattern EP_TAIL = Pattern.compile(
            "\\G(?:(?:[ ._]*(?:[-&+]|and)?[ ._]*)(?:S(\\d{1,4}))?[ ._]?(?:E|EP)|-E?|\\+E?|&E?)(\\d{1,4})(?![0-9]|[pi](?!\\p{L})|[.,]\\d{3}(?![\\dpi-]))", CI);
    static final Pattern NXM = Pattern.compile(B + "(\\d{1,4})[xX](\\d{1,3}|All)((?:[xX]\\d{1,3}|-[eE]?\\d{1,3}(?![xX\\d])|_\\d{2}(?![xX\\d])|[ ._]-[ ._][xX]\\d{1,3})*)" + E);
    static final Pattern NXM_REST = Pattern.compile("(-[eE]?|[xX]|_|[ ._]-[ ._][xX])(\\d{1,3})");
    /** "3rd Season", "2nd Season": an ordinal before the word. */
    static final Pattern ORDINAL_SEASON = Pattern.compile(B + "(\\d{1,2})(?:st|nd|rd|th|ª|º)"
            + "(?:[ ._-]*(?:a|-|to|&)[ ._-]*(\\d{1,2})(?:st|nd|rd|th|ª|º))?[ ._-]?(?:Seasons?|Saisons?|Temporadas?)" + E, CI);
    /** "T02E22": Spanish "temporada" for the season, two digits each side. */
    static final Pattern TXXEXX = Pattern.compile(B + "T(\\d{2})E(\\d{2,3})" + E, CI);
    static final Pattern S_GLUED = Pattern.compile(B + "S([0-2]\\d)([0-9]\\d)" + E, CI);
    static final Pattern GLUED_EPISODE = Pattern.compile("(?<=\\p{Ll}\\p{Ll})(?:[sS](\\d{2})[eE](\\d{2})|(\\d{1,2})[xX](\\d{2}))" + E);
    static final Pattern SERIES_WORD = Pattern.compile(B + "Series[ ._-]*(\\d{1,2})(?![-._]\\d)" + E, CI);
    static final Pattern SXXDXX = Pattern.compile(B + "S(\\d{1,3})D(\\d{1,2})" + E, CI);
    static final Pattern NXM_MORE = Pattern.compile("\\G[ ._-]*(?:-[ ._-]*)?(\\d{1,2})[xX](\\d{1,3})" + E);
    static final Pattern SEASON_ONLY = Pattern.compile(B + "(?<!['’])S(?: (?=\\d{2}(?!\\d)))?(\\d{1,3})(?:(?:[._]?-[._]?|[ ._]?-[ ._]?(?=S))S?(\\d{1,3}))?(?:[ ._-]?(?:Extras?|Bonus))?" + E, CI);
    static final Pattern SEASON_WORD = Pattern.compile(B + "(?:Seasons?|Saisons?|Temporadas?|Temp|Tem|Stagione|Seizoen|Sezon|Staffel)"
            + "[ ._-]*(\\d{1,4}|[IVX]{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|sept|un|deux|trois|quatre|cinq|six|huit|neuf|dix)"
            + "(?:[ ._-]*(?:-|&|to|and|a)[ ._-]*(\\d{1,3}))?(?:[ ._]?of[ ._]?(\\d{1,3}))?" + E, CI);
    static final Pattern EPISODE_WORD = Pattern.compile(B + "(?:Episodes?|Episodio|Epis[oó]dio|Ep|Epi|Eps|E|Cap|Cap[ií]tulo)[ ._-]*(\\d{1,4})(?:v(\\d))?"
            + "(?:(?:-|[ ._-]*(?:to|&|and)[ ._-]*)E?(\\d{1,4}))?(?:[ ._]?of[ ._]?(\\d{1,3}))?" + E, CI);
    static final Pattern LIST_TAIL_S = Pattern.compile("\\G([ ._]*)(-|~|&|\\+|,|and|to|a)?[ ._]*S?(\\d{1,2})(?![0-9\\p{L}])", CI);
    static final Pattern LIST_TAIL_E = Pattern.compile("\\G([ ._]*)(-|~|&|\\+|,|and|to|a)?[ ._]*E?(\\d{1,2})(?![0-9\\p{L}])", CI);
    static final Pattern E_CHAIN = Pattern.compile(B + "E(\\d{1,4})((?:[-+&]?E\\d{1,4})+)" + E, CI);
    static final Pattern S_CHAIN = Pattern.compile(B + "S(\\d{1,3})((?:[-+&]?S\\d{1,3})+)" + E, CI);
    static final Pattern FILM = Pattern.compile("(?<=[ ._-])-?f(\\d{1,2})(?=[ ._-])", CI);
    static final Pattern BONUS = Pattern.compile("(?<=[ ._-])x(\\d{1,2})(?=[ ._-]|$)", CI);
    static final Pattern CAP = Pattern.compile(B + "Cap[ ._]?(\\d{3,4})(?:_(\\d{3,4}))?" + E, CI);
    static final Pattern OF = Pattern.compile(B + "(\\d{1,3})[ ._]?of[ ._]?(\\d{1,3})" + E, CI);
    static final Pattern DATE_YMD = Pattern.compile(B + "((?:19|20)\\d{2})[-._ ]?(0[1-9]|1[0-2])[-._ ]?(0[1-9]|[12]\\d|3[01])" + E);
    static final Pattern DATE_YDM = Pattern.compile(B + "((?:19|20)\\d{2})[-._ ](1[3-9]|2\\d|3[01])[-._ ](0[1-9]|1[0-2])" + E);
    static final Pattern DATE_DMY = Pattern.compile(B + "(0?[1-9]|[12]\\d|3[01])[-._ ](0?[1-9]|1[0-2])[-._ ]((?:19|20)\\d{2})" + E);
    static final Pattern DATE_MDY = Pattern.compile(B + "(0?[1-9]|1[0-2])[-._ ](0?[1-9]|[12]\\d|3[01])[-._ ]((?:19|20)\\d{2})" + E);
    static final Pattern DATE_YMD_SHORT = Pattern.compile(B + "(\\d{2})\\.(0[1-9]|1[0-2])\\.(0[1-9]|[12]\\d|3[01])" + E);
    static final Pattern DATE_YMD_COMPACT = Pattern.compile(B + "((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])" + E);
    static final Pattern RESOLUTION = Pattern.compile(B + "(\\d{3,4}) ?[x*×] ?(\\d{3,4})([pi])?" + E, CI);
    static final Pattern SCREEN = Pattern.compile(B + "(\\d{3,4})(?:([pi])(?:x|hd|(\\d{2,3}(?:\\.\\d{3})?)(?:fps)?)?|(hd))" + E, CI);
    static final Pattern SCREEN_BARE = Pattern.compile(B + "(720|1080|2160)" + E);
    static final Pattern YEAR = Pattern.compile(B + "((?:19|20)\\d{2})" + E);
    static final Pattern CHANNELS = Pattern.compile(B + "([1-9])[ .]([01])(?:ch)?" + E, CI);
    static final Pattern CD = Pattern.compile(B + "(CD|DVD|Disc|Disk|D)[ ._-]?(\\d{1,2})(?:[ ._]?of[ ._]?(\\d{1,2}))?" + E, CI);
    static final Pattern PART = Pattern.compile(B + "(?:Part|Pt)[ ._-]?(\\d{1,2}|[IVX]{1,4}|one|two|three|four|five|six|un|deux|trois|quatre|cinq)" + E, CI);
    static final Pattern VERSION = Pattern.compile(B + "[vV](\\d)" + E);
    static final Pattern SIZE = Pattern.compile(B + "(\\d+(?:\\.\\d+)?)[ .]?(MB|GB|TB)" + E, CI);
    static final Pattern BIT_RATE = Pattern.compile(B + "(\\d{2,4}) ?kbps" + E, CI);
    static final Pattern FPS = Pattern.compile(B + "(\\d{2,3}(?:\\.\\d{1,3})?) ?fps" + E, CI);
    static final Pattern PROPER_REPEAT = Pattern.compile(B + "(PROPER|REPACK|REAL)" + E, CI);

    SegmentParser(String s, boolean isFile) {
        this.s = s;
        this.isFile = isFile;
    }

    /** Where a word starts: a letter or digit after anything else. Every pattern here starts at one. */
    private int[] starts;

    private int[] starts() {
        if (starts == null) {
            int[] out = new int[s.length()];
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                if (Character.isLetterOrDigit(s.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                    out[n++] = i;
                }
            }
            starts = java.util.Arrays.copyOf(out, n);
        }
        return starts;
    }

    static final String DIGIT = "0123456789";

    /** A pattern tried only where a word starts with one of {@code first} (lower case; null for any): much faster than find(). */
    Scan scan(Pattern p, String first) {
        String hint = HINTS.get(p);
        if (hint != null && lower().indexOf(hint) < 0) {
            return new Scan(p, new int[0], first);
        }
        return new Scan(p, starts(), first);
    }

    private String lower;

    private String lower() {
        if (lower == null) {
            lower = s.toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    /** Text a pattern cannot match without: the pattern is skipped when the segment lacks it. */
    private static final java.util.Map<Pattern, String> HINTS = java.util.Map.of(BIT_RATE, "kbps", FPS, "fps", OF, "of", CAP, "cap",
            SXXDXX, "d", FILM, "f", BONUS, "x", NXM, "x");

    /** Like a {@link Matcher} used with find(), over word starts only. */
    final class Scan {
        private final Pattern p;
        private Matcher m;
        private final int[] at;
        private final String first;
        private int next;
        private int after;

        Scan(Pattern p, int[] at, String first) {
            this.p = p;
            this.at = at;
            this.first = first;
        }

        boolean find() {
            while (next < at.length) {
                int st = at[next++];
                if (st < after) {
                    continue;
                }
                if (first != null && first.indexOf(Character.toLowerCase(s.charAt(st))) < 0) {
                    continue;
                }
                if (m == null) {
                    m = p.matcher(s);
                    m.useTransparentBounds(true);
                    m.useAnchoringBounds(false);
                }
                m.region(st, s.length());
                if (m.lookingAt()) {
                    after = Math.max(m.end(), st + 1);
                    return true;
                }
            }
            return false;
        }

        void skipTo(int pos) {
            after = Math.max(after, pos);
        }

        int start() {
            return m.start();
        }

        int end() {
            return m.end();
        }

        int start(int g) {
            return m.start(g);
        }

        int end(int g) {
            return m.end(g);
        }

        String group() {
            return m.group();
        }

        String group(int g) {
            return m.group(g);
        }
    }

    boolean free(int start, int end) {
        for (Match m : matches) {
            if (start < m.end && m.start < end) {
                return false;
            }
        }
        return true;
    }

    void add(int start, int end, String property, Object value) {
        matches.add(new Match(start, end, property, value, Vocabulary.STRONG));
    }

    SegmentParser run() {
        findWebsites();
        findCrc();
        findSizes();
        findEpisodes();
        findDates();
        findScreenSizes();
        findCds();
        findWords();
        findChannels();
        findYear();
        findVersion();
        findBareEpisode();
        matches.sort(Comparator.comparingInt(Match::start));
        buildProperties();
        return this;
    }

    // ------------------------------------------------------------------ patterns

    private static final Pattern WEBSITE_HINT = Pattern.compile("(?i)www\\.|\\.(?:com|org|net|ru|info|tv|to|me|cc|biz|se|nl|fr|de|es|it|in|ws|io|eu|uk)(?![a-z])");

    private void findWebsites() {
        if (!WEBSITE_HINT.matcher(s).find()) {
            return;
        }
        Scan m = scan(WEBSITE, null);
        while (m.find()) {
            String w = m.group();
            boolean bracketed = m.start() > 0 && "[({ ".indexOf(s.charAt(m.start() - 1)) >= 0 || m.end() == s.length()
                    || m.end() < s.length() && "])}".indexOf(s.charAt(m.end())) >= 0;
            if (w.toLowerCase(Locale.ROOT).startsWith("www.") || bracketed || w.matches("(?i).*(?:\\d.*\\.(com|org|net)|\\.org\\.ru|\\.com)$")) {
                if (w.length() > 6 && free(m.start(), m.end())) {
                    add(m.start(), m.end(), "website", w);
                }
            }
        }
    }

    private void findSizes() {
        Scan m = scan(SIZE, DIGIT);
        while (m.find()) {
            if (free(m.start(), m.end())) {
                add(m.start(), m.end(), "size", m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
            }
        }
        m = scan(BIT_RATE, DIGIT);
        while (m.find()) {
            if (free(m.start(), m.end())) {
                add(m.start(), m.end(), "audio_bit_rate", m.group(1) + "Kbps");
            }
        }
        m = scan(FPS, DIGIT);
        while (m.find()) {
            if (free(m.start(), m.end())) {
                add(m.start(), m.end(), "frame_rate", m.group(1) + "fps");
            }
        }
    }

    private void findCrc() {
        Matcher m = CRC.matcher(s);
        while (m.find()) {
            String h = m.group(1);
            if (h.chars().anyMatch(Character::isDigit) && (h.chars().anyMatch(Character::isLetter) || !h.matches("(?:19|20)\\d{2}[01]\\d[0-3]\\d"))) {
                add(m.start(), m.end(), "crc32", h);
            }
        }
    }

    /** The name opens with a bracketed group ({@code [Group] Show ...}), as anime releases do. */
    private boolean leadingGroup;

    private void findEpisodes() {
        leadingGroup = s.startsWith("[");
        Scan m = scan(SXXEXX, "s");
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            List<Integer> seasons = new ArrayList<>();
            List<Integer> eps = new ArrayList<>();
            seasons.add(Integer.parseInt(m.group(1)));
            eps.add(Integer.parseInt(m.group(2)));
            if (m.group(3) != null) {
                props.put("version", Integer.parseInt(m.group(3)));
            }
            int end = consecutive(tail(m.end(), eps, seasons), eps);
            add(m.start(), end, "season", one(seasons));
            add(m.start(), end, "episode", one(eps));
            absoluteNear(m.start(), end);
            m.skipTo(end);
        }
        m = scan(TXXEXX, "t");
        while (m.find()) {
            if (free(m.start(), m.end())) {
                add(m.start(), m.end(), "season", Integer.parseInt(m.group(1)));
                add(m.start(), m.end(), "episode", Integer.parseInt(m.group(2)));
            }
        }
        m = scan(NXM, DIGIT);
        while (m.find()) {
            int season = Integer.parseInt(m.group(1));
            if (m.start() >= 2 && s.charAt(m.start() - 1) == '.' && Character.isDigit(s.charAt(m.start() - 2))
                    && (m.start() < 3 || !Character.isLetterOrDigit(s.charAt(m.start() - 3)))) {
                continue; // "AC3 5.1x2": a decimal's digits times a count, not season 1 episode 2
            }
            if (!free(m.start(), m.end()) || (season > 100 && season < 1900) || SCREEN_WIDTHS.contains(season) && !m.group(2).equalsIgnoreCase("all")
                    && Integer.parseInt(m.group(2)) >= 200) {
                continue; // "1920x910" is a resolution, not season 1920
            }
            if (m.group(2).equalsIgnoreCase("all")) {
                add(m.start(), m.end(), "season", season);
                continue;
            }
            List<Integer> eps = new ArrayList<>();
            eps.add(Integer.parseInt(m.group(2)));
            String rest = m.group(3);
            if (!rest.isEmpty()) {
                Matcher r = NXM_REST.matcher(rest);
                while (r.find()) {
                    range(eps, Integer.parseInt(r.group(2)), r.group(1).startsWith("-"));
                }
            }
            int end = m.end();
            Matcher more = NXM_MORE.matcher(s);
            while (more.find(end) && more.start() == end && Integer.parseInt(more.group(1)) == season) {
                eps.add(Integer.parseInt(more.group(2)));
                end = more.end();
            }
            add(m.start(), end, "season", season);
            add(m.start(), end, "episode", one(eps));
        }
        for (Pattern chain : List.of(E_CHAIN, S_CHAIN)) {
            m = scan(chain, chain == E_CHAIN ? "e" : "s");
            while (m.find()) {
                if (!free(m.start(), m.end())) {
                    continue;
                }
                List<Integer> list = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
                Matcher more = Pattern.compile("([-+&]?)[ES](\\d{1,4})", CI).matcher(m.group(2));
                while (more.find()) {
                    range(list, Integer.parseInt(more.group(2)), more.group(1).equals("-"));
                }
                int end = listTail(m.end(), list, chain == S_CHAIN);
                add(m.start(), end, chain == E_CHAIN ? "episode" : "season", one(list));
            }
        }
        m = scan(FILM, "f");
        while (m.find()) {
            if (free(m.start(), m.end()) && s.startsWith("-", m.start() - 1)) {
                add(m.start(), m.end(), "film", Integer.parseInt(m.group(1)));
            }
        }
        m = scan(BONUS, "x");
        while (m.find()) {
            if (free(m.start(), m.end()) && s.startsWith("-", m.start() - 1)) {
                add(m.start(), m.end(), "bonus", Integer.parseInt(m.group(1)));
            }
        }
        if (isFile && matches.stream().noneMatch(x -> x.property().equals("episode"))) {
            m = scan(S_GLUED, "s"); // "Six.Feet.Under.S0201": season and episode glued without the E
            while (m.find()) {
                int both = Integer.parseInt(m.group(1) + m.group(2));
                if (free(m.start(), m.end()) && !(both >= 1900 && both < 2100)) { // "S2010" is a year-season
                    add(m.start(), m.end(), "season", Integer.parseInt(m.group(1)));
                    add(m.start(), m.end(), "episode", Integer.parseInt(m.group(2)));
                }
            }
            if (matches.stream().noneMatch(x -> x.property().equals("episode"))) {
                // "Castle1x01", "zoos01e11": the episode glued to a lower-case title word (patterns above run at word starts)
                Matcher g = GLUED_EPISODE.matcher(s);
                int at = gluedDigit();
                if (at >= 0 && g.find(at) && free(g.start(), g.end())) {
                    int season = g.group(1) != null ? 1 : 3;
                    add(g.start(), g.end(), "season", Integer.parseInt(g.group(season)));
                    add(g.start(), g.end(), "episode", Integer.parseInt(g.group(season + 1)));
                }
            }
        }
        m = scan(SXXDXX, "s");
        while (m.find()) {
            if (free(m.start(), m.end())) {
                add(m.start(), m.end(), "season", Integer.parseInt(m.group(1)));
                props.put("disc", Integer.parseInt(m.group(2)));
            }
        }
        m = lower().contains("son") || lower().contains("temporada") ? scan(ORDINAL_SEASON, DIGIT) : null; // cheap gate
        while (m != null && m.find()) {
            if (free(m.start(), m.end())) {
                List<Integer> seasons = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
                if (m.group(2) != null) {
                    range(seasons, Integer.parseInt(m.group(2)), true); // "1ª a 8ª Temporada"
                }
                add(m.start(), m.end(), "season", one(seasons));
                if (isFile && m.group(2) == null) {
                    episodeAfterSeason(m.end());
                }
            }
        }
        m = scan(SEASON_WORD, "st");
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            Integer n = number(m.group(1));
            if (n == null) {
                continue;
            }
            List<Integer> seasons = new ArrayList<>(List.of(n));
            if (m.group(2) != null && (SPACED_DASH_PADDED.matcher(s).region(m.end(1), m.end()).matches()
                    || leadingGroup && SEPARATED_DASH.matcher(s).region(m.end(1), m.start(2)).matches())) {
                add(m.start(), m.end(1), "season", n); // "Season 2 - 07": a spaced dash then a padded number is the episode
                if (isFile) {
                    episodeAfterSeason(m.end(1));
                }
                continue;
            }
            if (m.group(2) != null) {
                String between = s.substring(m.end(1), m.start(2));
                range(seasons, Integer.parseInt(m.group(2)), between.matches("(?i).*(?:-|~|to|\\ba\\b).*"));
            }
            int end = m.group(3) == null ? listTail(m.end(), seasons, true) : m.end();
            add(m.start(), end, "season", one(seasons));
            if (m.group(3) != null) {
                props.put("season_count", Integer.parseInt(m.group(3)));
            } else if (isFile && seasons.size() == 1) {
                episodeAfterSeason(end);
            }
        }
        if (matches.stream().noneMatch(x -> x.property().equals("season"))) {
            m = scan(SERIES_WORD, "s"); // British "Show.Series.3": only after a title, and never the name's first word
            while (m.find()) {
                if (m.start() > 0 && free(m.start(), m.end())) {
                    add(m.start(), m.end(), "season", Integer.parseInt(m.group(1)));
                }
            }
        }
        m = scan(SEASON_ONLY, "s");
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            List<Integer> seasons = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
            // "[Group] Show.S2.-.19": a dash with separators on both sides then a bare number is the episode
            boolean separated = m.group(2) != null && leadingGroup
                    && SEPARATED_DASH.matcher(s).region(m.end(1), m.start(2)).matches();
            if (m.group(2) != null && !separated) {
                range(seasons, Integer.parseInt(m.group(2)), true);
            }
            // "Show S3 - 12": after a spaced dash the number is an episode, not the end of a season range
            boolean spacedDash = m.group(2) == null && SPACED_DASH.matcher(s).region(m.end(), s.length()).lookingAt();
            int end = separated ? m.end(1) : spacedDash ? m.end() : listTail(m.end(), seasons, true);
            add(m.start(), end, "season", one(seasons));
            if (isFile && seasons.size() == 1) {
                episodeAfterSeason(end);
            }
        }
        m = scan(CAP, "c");
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            int a = Integer.parseInt(m.group(1));
            List<Integer> eps = new ArrayList<>(List.of(a % 100));
            if (m.group(2) != null) {
                range(eps, Integer.parseInt(m.group(2)) % 100, true);
            }
            add(m.start(), m.end(), "season", a / 100);
            add(m.start(), m.end(), "episode", one(eps));
        }
        m = scan(EPISODE_WORD, "ec");
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            String word = s.substring(m.start(), m.start(1)).replaceAll("[ ._-]", "");
            if (matches.stream().anyMatch(x -> x.property().equals("episode"))) {
                continue;
            }
            if (word.equalsIgnoreCase("e") && m.start(1) != m.start() + 1) {
                continue;
            }
            List<Integer> eps = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
            if (m.group(2) != null) {
                props.put("version", Integer.parseInt(m.group(2)));
            }
            if (m.group(3) != null) {
                range(eps, Integer.parseInt(m.group(3)), s.substring(m.end(1), m.start(3)).contains("-"));
            }
            if (m.group(4) != null) {
                props.put("episode_count", Integer.parseInt(m.group(4)));
            }
            int end = m.group(4) == null && !word.equalsIgnoreCase("cap") ? listTail(m.end(), eps, false) : m.end();
            add(m.start(), end, "episode", one(eps));
        }
        m = scan(OF, DIGIT);
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            add(m.start(), m.end(), "episode", Integer.parseInt(m.group(1)));
            props.put("episode_count", Integer.parseInt(m.group(2)));
        }
    }

    static final Pattern SPACED_DASH = Pattern.compile(" +- +\\d");
    static final Pattern SPACED_DASH_PADDED = Pattern.compile(" +- +0\\d");
    static final Pattern SEPARATED_DASH = Pattern.compile("[ ._]+-[ ._]+");
    static final Pattern CONSECUTIVE = Pattern.compile("\\G\\.(\\d{2})(?=[ ._-]|$)");

    /** "S03E21.22": a dotted two-digit number right after an episode, one more than it, is the next episode. */
    private int consecutive(int end, List<Integer> eps) {
        Matcher c = CONSECUTIVE.matcher(s);
        if (c.find(end) && Integer.parseInt(c.group(1)) == eps.get(eps.size() - 1) + 1) {
            eps.add(Integer.parseInt(c.group(1)));
            return c.end();
        }
        return end;
    }
    static final Pattern EPISODE_AFTER_SEASON = Pattern.compile("\\G[ ._]*(?:-[ ._]*)?(?:(\\d{1,4})|\\[(\\d{1,4})\\])(?![\\p{L}\\p{N}]|[.,]\\d{1,2}(?!\\d))");

    /** "Show S2 - 07", "Show S21 999", "Show S2 [05]": a bare number right after a season alone is its episode. */
    private void episodeAfterSeason(int end) {
        Matcher e = EPISODE_AFTER_SEASON.matcher(s);
        if (!e.find(end) || e.start() != end) {
            return;
        }
        int g = e.group(1) != null ? 1 : 2;
        int n = Integer.parseInt(e.group(g));
        if (n >= 1900 && n < 2100 || STANDARD_HEIGHT_SET.contains(n) || !free(e.start(g), e.end(g))) {
            return;
        }
        add(e.start(g), e.end(g), "episode", n);
    }

    static final Pattern ABSOLUTE_BEFORE = Pattern.compile("(?<![\\p{L}\\p{N}]|\\d\\.)(\\d{2,4})(?:-(\\d{2,4}))?[ ._]+(?:-[ ._]+)?$");
    static final Pattern ABSOLUTE_AFTER = Pattern.compile("^[ ._]+(?:-[ ._]+)?(\\d{2,4})(?:-(\\d{2,4}))?(?![\\p{L}\\p{N}])");

    /** "Show 313-315 s16e03-05", "Bleach - s16e03-04 - 313-314": the absolute numbers beside a season episode. */
    private void absoluteNear(int start, int end) {
        Matcher b = ABSOLUTE_BEFORE.matcher(s.substring(0, start));
        Matcher a = ABSOLUTE_AFTER.matcher(s.substring(end));
        int from;
        int to;
        Matcher hit;
        if (b.find() && b.start() > 0 && b.group(2) != null) {
            hit = b;
            from = b.start(1);
            to = b.end(b.group(2) == null ? 1 : 2);
        } else if (a.find()) {
            hit = a;
            from = end + a.start(1);
            to = end + a.end(a.group(2) == null ? 1 : 2);
        } else {
            return;
        }
        int n = Integer.parseInt(hit.group(1));
        if (n >= 1900 && n < 2100 || STANDARD_HEIGHT_SET.contains(n)) {
            return;
        }
        List<Integer> list = new ArrayList<>(List.of(n));
        if (hit.group(2) != null) {
            range(list, Integer.parseInt(hit.group(2)), true);
        }
        if (free(from, to)) {
            add(from, to, "absolute_episode", one(list));
        }
    }

    static final java.util.Set<Integer> SCREEN_WIDTHS = java.util.Set.of(1024, 1152, 1280, 1366, 1440, 1600, 1680, 1920, 2048, 2560, 3840, 4096);
    static final java.util.Set<Integer> STANDARD_HEIGHT_SET = java.util.Set.of(360, 480, 576, 720, 1080, 2160);

    /** "Season 1.3&5", "S01-02-03", "E01 02 04", "Season 1~3": more numbers of the same kind. */
    private int listTail(int end, List<Integer> list, boolean seasons) {
        Matcher t = (seasons ? LIST_TAIL_S : LIST_TAIL_E).matcher(s);
        int start = end;
        int size = list.size();
        boolean bare = seasons;
        while (end < s.length() && t.find(end) && t.start() == end) {
            String op = t.group(2) == null ? "" : t.group(2).toLowerCase(Locale.ROOT);
            if (op.isEmpty() && t.group(1).isEmpty()) {
                break;
            }
            bare &= op.isEmpty() && Character.toLowerCase(s.charAt(t.start(3) - 1)) != 's';
            int n = Integer.parseInt(t.group(3));
            int last = list.get(list.size() - 1);
            if (n <= last || n > last + 30) {
                break;
            }
            range(list, n, op.equals("-") || op.equals("~") || op.equals("to") || op.equals("a"));
            end = t.end();
        }
        if (bare && list.size() == size + 1) {
            list.remove(size); // "S01.07", "S02 03": one unmarked number after a season is its episode ("S01 02 03" stays a list)
            return start;
        }
        return end;
    }

    /** Reads further episodes after S01E02: E03, -04 (a range), & S01E05, … */
    private int tail(int end, List<Integer> eps, List<Integer> seasons) {
        Matcher t = EP_TAIL.matcher(s);
        while (end < s.length() && t.find(end) && t.start() == end) {
            String sep = t.group().substring(0, t.group().length() - t.group(2).length());
            int n = Integer.parseInt(t.group(2));
            boolean marker = sep.toUpperCase(Locale.ROOT).contains("E") || sep.contains("x");
            if (!marker && n > 999) {
                break;
            }
            if (t.group(1) != null) {
                int season = Integer.parseInt(t.group(1));
                if (!seasons.contains(season)) {
                    seasons.add(season);
                }
            }
            boolean isRange = sep.trim().startsWith("-");
            range(eps, n, isRange);
            end = t.end();
        }
        return end;
    }

    private static void range(List<Integer> list, int n, boolean isRange) {
        int last = list.get(list.size() - 1);
        if (isRange && n > last && n - last < 100) {
            for (int i = last + 1; i <= n; i++) {
                list.add(i);
            }
        } else if (!list.contains(n)) {
            list.add(n);
        }
    }

    static Object one(List<Integer> list) {
        return list.size() == 1 ? list.get(0) : List.copyOf(list);
    }

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    private static final List<String> FRENCH_NUMBERS = List.of("zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix");

    static Integer number(String w) {
        if (w.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(w);
        }
        String l = w.toLowerCase(Locale.ROOT);
        if (NUMBER_WORDS.contains(l)) {
            return NUMBER_WORDS.indexOf(l);
        }
        if (FRENCH_NUMBERS.contains(l)) {
            return FRENCH_NUMBERS.indexOf(l);
        }
        if (w.matches("[IVXivx]+")) {
            return roman(w.toUpperCase(Locale.ROOT));
        }
        return null;
    }

    static int roman(String r) {
        int total = 0;
        int prev = 0;
        for (int i = r.length() - 1; i >= 0; i--) {
            int v = switch (r.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                default -> 0;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }

    private void findDates() {
        for (Pattern p : List.of(DATE_YMD, DATE_YDM, DATE_DMY, DATE_MDY, DATE_YMD_COMPACT, DATE_YMD_SHORT)) {
            Scan m = scan(p, p == DATE_YDM ? "12" : DIGIT);
            while (m.find()) {
                if (!free(m.start(), m.end())) {
                    continue;
                }
                String date;
                if (p == DATE_DMY) {
                    date = String.format("%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                } else if (p == DATE_MDY) {
                    date = String.format("%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                } else if (p == DATE_YDM) {
                    date = m.group(1) + "-" + m.group(3) + "-" + m.group(2);
                } else if (p == DATE_YMD_SHORT) {
                    date = "20" + m.group(1) + "-" + m.group(2) + "-" + m.group(3);
                } else {
                    date = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
                }
                add(m.start(), m.end(), "date", date);
            }
        }
    }

    /** Heights a {@code WxH} resolution reads as a screen size ({@code 1920x1080} is {@code 1080p}), sorted for binarySearch. */
    static final int[] STANDARD_HEIGHTS = {360, 368, 480, 540, 576, 720, 900, 1080, 1440, 2160, 4320};

    private void findScreenSizes() {
        Scan m = scan(RESOLUTION, DIGIT);
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            double ratio = Math.round(1000.0 * w / h) / 1000.0;
            boolean standard = java.util.Arrays.binarySearch(STANDARD_HEIGHTS, h) >= 0;
            String scan = m.group(3) == null ? "p" : m.group(3).toLowerCase(Locale.ROOT);
            add(m.start(), m.end(), "screen_size", standard && ratio >= 1.333 && ratio <= 1.897 ? h + scan : w + "x" + h);
            props.put("aspect_ratio", ratio);
        }
        m = gluedScreenSize() ? scan(GLUED_SCREEN, "bdhwtc") : null;
        while (m != null && m.find()) {
            if (free(m.start(2), m.end())) {
                add(m.start(2), m.end(), "screen_size", m.group(2) + m.group(3).toLowerCase(Locale.ROOT));
            }
        }
        m = scan(SCREEN, DIGIT);
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            int h = Integer.parseInt(m.group(1));
            if (h < 240 || h > 4320) {
                continue;
            }
            add(m.start(), m.end(), "screen_size", h + (m.group(2) == null ? "p" : m.group(2).toLowerCase(Locale.ROOT)));
            if (m.group(3) != null) {
                props.put("frame_rate", m.group(3) + "fps");
            }
        }
    }

    private void findCds() {
        Scan m = scan(CD, "cd");
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            String kind = m.group(1).toUpperCase(Locale.ROOT);
            if (kind.equals("DVD") && m.group(3) == null || kind.equals("D") && !s.substring(0, m.start()).matches(".*S\\d{1,2}$")) {
                continue;
            }
            String prop = kind.equals("CD") ? "cd" : "disc";
            add(m.start(), m.end(), prop, Integer.parseInt(m.group(2)));
            if (m.group(3) != null) {
                props.put(prop + "_count", Integer.parseInt(m.group(3)));
            }
        }
        m = scan(PART, "p");
        while (m.find()) {
            if (free(m.start(), m.end())) {
                Integer n = number(m.group(1));
                if (n != null) {
                    add(m.start(), m.end(), "part", n);
                }
            }
        }
    }

    private void findChannels() {
        Scan m = scan(CHANNELS, DIGIT);
        while (m.find()) {
            if (!free(m.start(), m.end())) {
                continue;
            }
            String v = m.group(1) + "." + m.group(2);
            // only next to other technical words, or one short word after an audio codec ("DTS-HR.MA.5.1")
            if (!techNear(m.start(), m.end()) && !audioCodecJustBefore(m.start())) {
                continue;
            }
            add(m.start(), m.end(), "audio_channels", v);
        }
    }

    // ------------------------------------------------------------------ words

    static boolean isSep(char c) {
        return c == ' ' || c == '.' || c == '_' || c == '-' || c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}'
                || c == ',' || c == '~' || c == '*' || c == '+' || c == '|' || c == ':' || c == ';' || c == '/' || c == '\u3000';
    }

    /** "HDTVx264", "DLx264": a source glued to its codec. */
    private static final String GLUED_END = "45d";

    /** Whether a token may end in a codec ("HDTVx264") or a screen size ("Bluray720p") glued to a known word. */
    private static boolean gluedCandidate(String text) {
        char last = Character.toLowerCase(text.charAt(text.length() - 1));
        if (GLUED_END.indexOf(last) >= 0) {
            return true;
        }
        return (last == 'p' || last == 'i') && Character.isLetter(text.charAt(0)) && Character.isDigit(text.charAt(text.length() - 2));
    }

    /** Whether a letter is directly followed by 3 or 4 digits and p or i ("BD720p"): only then is a glued screen size looked for. */
    private boolean gluedScreenSize() {
        int n = s.length();
        for (int i = 1; i < n; i++) {
            if (Character.isDigit(s.charAt(i)) && Character.isLetter(s.charAt(i - 1))) {
                int j = i;
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j - i >= 3 && j - i <= 4 && j < n && "pPiI".indexOf(s.charAt(j)) >= 0 && (j + 1 == n || !Character.isLetterOrDigit(s.charAt(j + 1)))) {
                    return true;
                }
                i = j;
            }
        }
        return false;
    }
    static final Pattern GLUED_CODEC = Pattern.compile("(?i)(.+?)(x26[45]|h26[45]|xvid|\\d{3,4}[pi])");
    static final Pattern GLUED_SCREEN = Pattern.compile("(?i)(blu-?ray|bd|hdtv|web-?dl|webrip|web|dvdrip|bdrip|brrip|hdtc|tc|hdts|ts|hdcam|cam|dvd)(\\d{3,4})([pi])" + E);

    List<Token> tokens() {
        List<Token> list = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSep(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSep(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                String text = s.substring(start, i);
                Matcher glued = text.length() > 4 && gluedCandidate(text) ? GLUED_CODEC.matcher(text) : null;
                if (glued != null && glued.matches() && Vocabulary.lookup(glued.group(1).toLowerCase(Locale.ROOT)) != null) {
                    int cut = start + glued.end(1);
                    list.add(new Token(start, cut, s.substring(start, cut)));
                    list.add(new Token(cut, i, s.substring(cut, i)));
                } else {
                    list.add(new Token(start, i, text));
                }
            }
        }
        return list;
    }

    private void findWords() {
        List<Token> toks = tokens();
        String[] lower = new String[toks.size()];
        for (int t = 0; t < lower.length; t++) {
            lower[t] = toks.get(t).text().toLowerCase(Locale.ROOT);
        }
        List<Match> found = new ArrayList<>();
        int i = 0;
        String[] keys = new String[Vocabulary.MAX_TOKENS + 1];
        while (i < toks.size()) {
            int matched = 0;
            // the keys of 1..n tokens from here, as long as some word starts that way
            int usable = 0;
            StringBuilder key = new StringBuilder();
            for (int len = 1; len <= Math.min(Vocabulary.MAX_TOKENS, toks.size() - i); len++) {
                int k = i + len - 1;
                if (len > 1) {
                    int from = toks.get(k - 1).end();
                    int to = toks.get(k).start();
                    if (to - from > 3 || indexOfAny(s.substring(from, to), "[]()") >= 0) {
                        break;
                    }
                    if (s.substring(from, to).indexOf('+') >= 0) {
                        key.append('+');
                    }
                }
                key.append(lower[k]);
                keys[len] = key.toString();
                usable = len;
                if (!Vocabulary.PREFIXES.contains(keys[len])) {
                    break;
                }
            }
            for (int len = usable; len >= 1 && matched == 0; len--) {
                Token first = toks.get(i);
                Token last = toks.get(i + len - 1);
                if (!free(first.start(), last.end())) {
                    continue;
                }
                if (len > 1) {
                    int singles = 0;
                    for (int k = i; k < i + len; k++) {
                        singles += toks.get(k).text().length() == 1 && Character.isLetter(toks.get(k).text().charAt(0)) ? 1 : 0;
                    }
                    if (singles >= 2) {
                        continue;
                    }
                }
                String k = keys[len];
                if (len > 1 && Vocabulary.COMPACT_ONLY.contains(k)) {
                    continue;
                }
                Vocabulary.Entry e = Vocabulary.lookup(k);
                if (e == null && k.endsWith("+") ) {
                    e = Vocabulary.lookup(k.substring(0, k.length() - 1));
                }
                if (e == null && len == 1 && last.end() < s.length() && s.charAt(last.end()) == '+') {
                    e = Vocabulary.lookup(k + "+");
                }
                if (e == null && k.contains("'")) {
                    e = Vocabulary.lookup(k.replace("'", ""));
                }
                if (e != null) {
                    for (Vocabulary.Value v : e.values()) {
                        found.add(new Match(first.start(), last.end(), v.property(), v.value(), e.level()));
                    }
                    matched = len;
                }
            }
            i += Math.max(matched, 1);
        }
        // strong words first; weak ones only next to something already known
        for (Match m : found) {
            if (!m.weak()) {
                matches.add(m);
            }
        }
        for (Match m : found) {
            if (m.weak()) {
                pendingWeak.add(m);
            }
        }
        acceptWeak();
    }

    /** Words found but not yet believed, with their level (see {@link Vocabulary.Entry}). */
    private final List<Match> pendingWeak = new ArrayList<>();

    private void acceptWeak() {
        boolean changed = true;
        while (changed) {
            changed = false;
            int first = firstStrongStart(true);
            for (var it = pendingWeak.iterator(); it.hasNext(); ) {
                Match m = it.next();
                boolean sameWord = matches.stream().anyMatch(x -> x.start() == m.start() && x.end() == m.end());
                if (!sameWord && !free(m.start(), m.end())) {
                    it.remove();
                    continue;
                }
                if (inGroupPosition(m)) {
                    continue;
                }
                if (m.property().equals("country") && !s.substring(m.start(), m.end()).equals(s.substring(m.start(), m.end()).toUpperCase(Locale.ROOT))) {
                    it.remove();
                    continue;
                }
                boolean alone = m.property().equals("source") && onlySepsLoose(0, m.start()) && onlySepsLoose(m.end(), s.length());
                boolean countryBeforeEpisode = m.property().equals("country") && nextIsEpisode(m.end());
                boolean ok = alone || countryBeforeEpisode || switch (m.level()) {
                    case Vocabulary.WEAK -> sameWord || techNear(m.start(), m.end()) || first >= 0 && m.start() > first;
                    case Vocabulary.LATE -> sameWord || first >= 0 && m.start() > first || nextIsTechnical(m.end())
                            || "Complete".equals(m.value()) && nextIsSeason(m.end()) // "Show Complete Season 3"
                            || m.property().equals("language") && nextIs(m.end(), "year") && m.start() > 0 && !saidAgain(m);
                    default -> sameWord || sourceNear(m.start(), m.end());
                };
                if (ok) {
                    matches.add(m);
                    it.remove();
                    changed = true;
                }
            }
        }
    }

    private boolean nextIsEpisode(int end) {
        for (Match x : matches) {
            if (x.start() >= end && onlySeps(end, x.start()) && (x.property().equals("season") || x.property().equals("episode")
                    || x.property().equals("year") || x.property().equals("date"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the same property comes again later: "Immersion.French.2011.STV" is in French, but in
     * "Immersion.French.2011.…FRENCH" the later word says the language and the first one is the title's.
     */
    private boolean saidAgain(Match m) {
        for (List<Match> list : List.of(matches, pendingWeak)) {
            for (Match x : list) {
                if (x != m && x.start() > m.end() && x.property().equals(m.property())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean nextIsSeason(int end) {
        return nextIs(end, "season");
    }

    private boolean nextIs(int end, String property) {
        for (Match x : matches) {
            if (x.start() >= end && onlySeps(end, x.start()) && x.property().equals(property)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a technical word (not a year or an episode) follows right after {@code end}. */
    private boolean nextIsTechnical(int end) {
        for (Match x : matches) {
            if (x.start() >= end && onlySeps(end, x.start()) && !NOT_TECHNICAL.contains(x.property())) {
                return true;
            }
        }
        return false;
    }

    /** "…x264-HR": a word right after the last dash, at the end, is the release group. */
    private boolean inGroupPosition(Match m) {
        if (m.start() == 0 || s.charAt(m.start() - 1) != '-') {
            return false;
        }
        for (int i = m.end(); i < s.length(); i++) {
            if (!isSep(s.charAt(i)) || s.charAt(i) == '-') {
                return false;
            }
        }
        return true;
    }

    private boolean sourceNear(int start, int end) {
        for (Match m : matches) {
            if (!m.property().equals("source") && !m.property().equals("streaming_service") && !m.property().equals("screen_size")) {
                continue;
            }
            if (m.end() <= start && onlySeps(m.end(), start) && !m.property().equals("screen_size")
                    || m.start() >= end && onlySeps(end, m.start()) && m.property().equals("source")) {
                return true;
            }
        }
        return false;
    }

    private int firstStrongStart() {
        return firstStrongStart(false);
    }

    private int firstStrongStart(boolean notYear) {
        int first = -1;
        for (Match m : matches) {
            String p = m.property();
            if (p.equals("website") || p.equals("crc32") || notYear && p.equals("year")) {
                continue;
            }
            if (first < 0 || m.start() < first) {
                first = m.start();
            }
        }
        return first;
    }

    /** Whether a known match sits right before or after {@code [start, end)}, with only separators between. */
    private boolean techNear(int start, int end) {
        for (Match m : matches) {
            if (m.property().equals("website")) {
                continue;
            }
            if (m.end() <= start && onlySeps(m.end(), start)) {
                return true;
            }
            if (m.start() >= end && onlySeps(end, m.start())) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern ONE_SHORT_WORD = Pattern.compile("[ ._-]+[A-Za-z]{1,3}[ ._-]+");

    /** Whether an audio codec ends right before {@code start}, with at most one short unknown word between. */
    private boolean audioCodecJustBefore(int start) {
        for (Match m : matches) {
            if (m.property().equals("audio_codec") && m.end() < start && start - m.end() <= 6
                    && ONE_SHORT_WORD.matcher(s).region(m.end(), start).matches()) {
                return true;
            }
        }
        return false;
    }

    private boolean onlySeps(int from, int to) {
        if (to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isSep(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ year and bare numbers

    private void findYear() {
        Scan m = scan(YEAR, "12");
        List<int[]> candidates = new ArrayList<>();
        while (m.find()) {
            if (free(m.start(), m.end())) {
                candidates.add(new int[] {m.start(), m.end()});
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        int firstOther = firstStrongStart();
        int[] chosen = null;
        for (int[] c : candidates) {
            boolean atStart = onlySepsOrBracketGroup(0, c[0]);
            if (atStart && candidates.size() == 1 && (onlySepsLoose(c[1], s.length()) || startsWithWords(c[1]))) {
                chosen = c;
                break;
            }
            if (atStart && candidates.size() == 1 && !isParenthesised(c)) {
                // "2012.mkv" is a title; "1984.1080p.BluRay" too
                continue;
            }
            if (atStart && candidates.size() > 1 && c == candidates.get(0)) {
                continue;
            }
            if (firstOther >= 0 && c[0] > firstOther && chosen != null) {
                break;
            }
            chosen = c;
        }
        if (chosen != null) {
            add(chosen[0], chosen[1], "year", Integer.parseInt(s.substring(chosen[0], chosen[1])));
        }
    }

    /** "2009.shoot.fruit.chan.multi.dvd9": words follow the year before anything technical. */
    /**
     * "[Grp] Some Show v2 [720p]": a lone {@code v} and one digit after title words and right before a bracket, a
     * known property or the end of the name is the release's version, so it ends the title.
     */
    private void findVersion() {
        if (s.indexOf('v') < 0 && s.indexOf('V') < 0) {
            return;
        }
        Scan m = scan(VERSION, "v");
        while (m.find()) {
            int before = m.start() - 1;
            while (before >= 0 && isSep(s.charAt(before))) {
                before--;
            }
            if (before < 0 || !Character.isLetterOrDigit(s.charAt(before)) || !free(m.start(), m.end())) {
                continue;
            }
            int after = m.end();
            while (after < s.length() && isSep(s.charAt(after))) {
                after++;
            }
            int at = after;
            boolean closes = at == s.length() || s.charAt(at) == '[' || s.charAt(at) == '('
                    || matches.stream().anyMatch(x -> x.start() == at);
            if (closes) {
                add(m.start(), m.end(), "version", Integer.parseInt(m.group(1)));
            }
        }
    }

    private boolean startsWithWords(int from) {
        int next = s.length();
        for (Match m : matches) {
            if (m.start() >= from && m.start() < next) {
                next = m.start();
            }
        }
        String between = s.substring(from, next);
        return between.chars().filter(Character::isLetter).count() >= 3;
    }

    private boolean isParenthesised(int[] c) {
        return c[0] > 0 && c[1] < s.length() && "([".indexOf(s.charAt(c[0] - 1)) >= 0 && ")]".indexOf(s.charAt(c[1])) >= 0;
    }

    private boolean onlySepsOrBracketGroup(int from, int to) {
        String prefix = LEAD_BRACKET.matcher(s.substring(from, to)).replaceAll("");
        for (int i = 0; i < prefix.length(); i++) {
            if (!isSep(prefix.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static final Pattern BARE_NUMBER = Pattern.compile(B + "(\\d{1,4})(?:v(\\d))?(?:(?:-| ?~ ?)(\\d{1,4}))?((?:[ ._]*&[ ._]*\\d{1,4}(?:-\\d{1,4})?)*)" + E, CI);
    static final Pattern BARE_SCREEN = Pattern.compile(B + "(480|576|720|1080|2160)" + E);

    /** Where a leading "[Group]" ends (0 when there is none). */
    int leadEnd() {
        if (leadEnd < 0) {
            Matcher g = LEAD.matcher(s);
            leadEnd = s.isEmpty() || s.charAt(0) == '(' && LEAD_NUMBER.matcher(s).lookingAt() || !(g.find() && g.end() < s.length()) ? 0 : g.end();
        }
        return leadEnd;
    }

    private int leadEnd = -1;

    static final Pattern LEAD = Pattern.compile("^\\s*[\\[(]([^\\])]*)[\\])][ ._-]*(?:\\[[^\\]\\s]{1,12}\\][ ._-]*(?=\\p{L}))?");

    private boolean inBrackets(int pos) {
        int depth = 0;
        for (int i = 0; i < pos; i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if ((c == ']' || c == ')' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    /**
     * Whether only title words, then the year in parentheses, follow {@code end}: "The 39 Steps (1935)", the way
     * Mediahub names its own files ({@code Title (Year)}). Nothing found (no property) may sit between.
     */
    private boolean beforeParenthesisedYear(int end) {
        Match year = null;
        for (Match m : matches) {
            if (m.start() >= end && (year == null || m.start() < year.start())) {
                year = m;
            }
        }
        return year != null && year.property().equals("year") && isParenthesised(new int[] {year.start(), year.end()});
    }

    private boolean dashBefore(int pos) {
        int i = pos - 1;
        while (i >= 0 && (s.charAt(i) == ' ' || s.charAt(i) == '.' || s.charAt(i) == '_')) {
            i--;
        }
        return i >= 0 && s.charAt(i) == '-';
    }

    /** Where a digit or an s first follows two lower-case letters (cheap gate for {@link #GLUED_EPISODE}), or -1. */
    private int gluedDigit() {
        for (int i = 2; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean start = c >= '0' && c <= '9' || (c == 's' || c == 'S') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
            if (start && Character.isLowerCase(s.charAt(i - 1)) && Character.isLowerCase(s.charAt(i - 2))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the segment holds a run of exactly six digits (cheap gate for {@link #DATE_YYMMDD}). */
    private boolean hasSixDigits() {
        int run = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && Character.isDigit(s.charAt(i))) {
                run++;
            } else if (run == 6) {
                return true;
            } else {
                run = 0;
            }
        }
        return false;
    }

    static final Pattern DATE_YYMMDD = Pattern.compile(B + "([0-3]\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])" + E);

    /**
     * "At.Midnight.140722.720p.HDTV": six digits after the title and right before a technical word are a YYMMDD date;
     * only when the name has no season, and never at its start.
     */
    private boolean compactShortDate() {
        if (!hasSixDigits() || matches.stream().anyMatch(x -> x.property().equals("season"))) {
            return false;
        }
        Matcher d = DATE_YYMMDD.matcher(s);
        while (d.find()) {
            if (d.start() > 0 && free(d.start(), d.end()) && nextIsTechnical(d.end())
                    && s.substring(0, d.start()).chars().anyMatch(Character::isLetter)) {
                add(d.start(), d.end(), "date", "20" + d.group(1) + "-" + d.group(2) + "-" + d.group(3));
                return true;
            }
        }
        return false;
    }

    private void findBareEpisode() {
        // bare 720 / 1080 next to other technical words
        Matcher b = BARE_SCREEN.matcher(s);
        while (b.find()) {
            if (free(b.start(), b.end()) && techNear(b.start(), b.end())) {
                add(b.start(), b.end(), "screen_size", b.group(1) + "p");
            }
        }
        acceptWeak();
        if (!isFile) {
            return;
        }
        boolean hasDate = false;
        for (Match m : matches) {
            if (m.property().equals("episode") || m.property().equals("bonus") || m.property().equals("film")) {
                return;
            }
            hasDate |= m.property().equals("date");
        }
        if (!hasDate && compactShortDate()) {
            return;
        }
        int lead = leadEnd();
        boolean anime = lead > 0;
        int textStart = lead;
        for (int[] h : holes(lead)) {
            textStart = h[0];
            break;
        }
        int stop = s.length();
        for (Match m : matches) {
            if (m.start() >= textStart && !m.property().equals("year") && !m.property().equals("website") && m.start() < stop) {
                stop = m.start();
            }
        }
        Matcher m = BARE_NUMBER.matcher(s);
        m.region(lead, stop);
        m.useTransparentBounds(true);
        List<int[]> found = new ArrayList<>();
        MatchResult chosen = null;
        List<MatchResult> all = new ArrayList<>();
        while (m.find()) {
            boolean soleInBrackets = m.start() > 0 && s.charAt(m.start() - 1) == '[' && m.end() < s.length() && s.charAt(m.end()) == ']'
                    && m.group(1).length() >= 3;
            if (!free(m.start(), m.end()) || inBrackets(m.start()) && !soleInBrackets) {
                continue;
            }
            all.add(m.toMatchResult());
        }
        if (all.isEmpty()) {
            return;
        }
        for (MatchResult r : all) {
            if (dashBefore(r.start()) && r.start() > lead && !(s.charAt(r.start() - 1) == '-' && beforeParenthesisedYear(r.end()))) {
                // "Catch-22 (1970)": a number glued to a word by a dash, then the year, is in the title
                chosen = r;
                break;
            }
        }
        if (chosen == null) {
            MatchResult first = all.get(0);
            boolean atStart = onlySepsOrBracketGroup(0, first.start());
            boolean shortNumber = first.group(1).length() <= 3 || first.group(1).startsWith("0");
            if (atStart && shortNumber && (anime && first.group(1).length() >= 2 || START_EP_FOLLOW.matcher(s.substring(first.end())).matches())) {
                chosen = first;
            }
        }
        if (chosen == null) {
            for (int i = all.size() - 1; i >= 0; i--) {
                MatchResult r = all.get(i);
                String digits = r.group(1);
                if (onlySepsOrBracketGroup(0, r.start()) && !(digits.length() >= 3 && onlySepsLoose(r.end(), s.length()))) {
                    continue; // "2 Broke Girls", "24"
                }
                if (s.substring(lead, r.start()).chars().noneMatch(Character::isLetter) && !onlySepsLoose(r.end(), s.length())) {
                    continue; // numbers before the title
                }
                if (digits.length() == 1 && r.group(3) == null) {
                    continue; // "Die Schluempfe 2": a sequel number, not an episode
                }
                if (r.group(3) == null && r.group(4).isEmpty() && !anime && nextIsSeason(r.end())) {
                    continue; // "The.100.Season.1": a number right before the season marker ends the title
                }
                String after = s.substring(r.end());
                if (YEAR_AFTER.matcher(after).matches() || beforeParenthesisedYear(r.end())) {
                    continue; // "Bad Santa 2 2016", "Apollo 13 (1995)", "The 39 Steps (1935)": a number in the title
                }
                chosen = r;
                break;
            }
        }
        if (chosen == null || hasDate && chosen.group(1).length() < 3) {
            return;
        }
        String digits = chosen.group(1);
        int n = Integer.parseInt(digits);
        boolean hasSeason = matches.stream().anyMatch(x -> x.property().equals("season"));
        List<Integer> eps = new ArrayList<>();
        int epStart = chosen.start();
        int after = chosen.end();
        boolean animeClues = matches.stream().anyMatch(x -> x.property().equals("subtitle_language") || x.property().equals("crc32")
                || x.property().equals("screen_size") && x.start() > after && inBrackets(x.start()));
        // "Show - 100 - Title": a three-digit number ending in 00 is no season's episode 0
        boolean absolute = anime || hasSeason || chosen.group(3) != null || animeClues || digits.length() == 3 && n % 100 == 0 && dashBefore(chosen.start());
        if (!absolute && digits.length() >= 3 && chosen.group(3) == null && !(digits.length() == 4 && n >= 1900 && n < 2100)) {
            int at = all.indexOf(chosen);
            MatchResult prev = at > 0 ? all.get(at - 1) : null;
            if (prev != null && prev.group(1).length() == digits.length() && prev.group(3) == null && onlySeps(prev.end(), epStart)
                    && Integer.parseInt(prev.group(1)) / 100 == n / 100 && Integer.parseInt(prev.group(1)) % 100 == n % 100 - 1) {
                // "Show.103.104": two consecutive episodes of one season
                epStart = prev.start();
                eps.add(n % 100 - 1);
            }
            add(epStart, chosen.end(), "season", n / 100);
            eps.add(n % 100);
        } else {
            eps.add(n);
            if (chosen.group(3) != null) {
                range(eps, Integer.parseInt(chosen.group(3)), true);
            }
            if (!chosen.group(4).isEmpty()) {
                Matcher more = Pattern.compile("(\\d{1,4})(?:-(\\d{1,4}))?").matcher(chosen.group(4));
                while (more.find()) {
                    eps.add(Integer.parseInt(more.group(1)));
                    if (more.group(2) != null) {
                        range(eps, Integer.parseInt(more.group(2)), true);
                    }
                }
            }
        }
        if (chosen.group(2) != null) {
            props.put("version", Integer.parseInt(chosen.group(2)));
        }
        add(epStart, chosen.end(), "episode", one(eps));
    }

    // ------------------------------------------------------------------ properties, title, group

    private static final java.util.Set<String> NOT_TECHNICAL = java.util.Set.of("episode", "season", "year", "date", "website", "crc32",
            "part", "episode_details", "version", "cd", "disc", "country");
    private static final java.util.Set<String> MULTI = java.util.Set.of("other", "language", "subtitle_language", "edition",
            "streaming_service", "audio_codec", "source", "video_codec", "episode_details", "audio_channels");

    private void buildProperties() {
        // "…x264.CZ-SDTV": a known word in the group's place, when its property is already known, is the group
        matches.removeIf(m -> inGroupPosition(m) && matches.stream().anyMatch(x -> x != m && x.property().equals(m.property())));
        for (Match m : matches) {
            if (m.property().endsWith("_word") || m.property().equals("container_word")) {
                continue;
            }
            if (m.property().equals("website") && props.containsKey("website")) {
                continue;
            }
            Object prev = props.get(m.property());
            if (prev == null) {
                props.put(m.property(), m.value());
            } else if (MULTI.contains(m.property())) {
                List<Object> all = new ArrayList<>(prev instanceof List<?> l ? l : List.of(prev));
                for (Object v : m.value() instanceof List<?> l ? l : List.of(m.value())) {
                    if (!all.contains(v)) {
                        all.add(v);
                    }
                }
                props.put(m.property(), all.size() == 1 ? all.get(0) : all);
            } else if (m.property().equals("season") || m.property().equals("episode")) {
                List<Object> all = new ArrayList<>(prev instanceof List<?> l ? l : List.of(prev));
                for (Object v : m.value() instanceof List<?> l ? l : List.of(m.value())) {
                    if (!all.contains(v)) {
                        all.add(v);
                    }
                }
                props.put(m.property(), all.size() == 1 ? all.get(0) : all);
            }
        }
        if ("Blu-ray".equals(props.get("source")) && ("2160p".equals(props.get("screen_size")) || valuesOf("other").contains("Ultra HD"))) {
            props.put("source", "Ultra HD Blu-ray");
        }
        if (props.get("season") instanceof Integer season && season >= 1900 && season < 2100 && !props.containsKey("year")) {
            props.put("year", season);
        }
        long proper = matches.stream().filter(m -> "Proper".equals(m.value()) || "Repack".equals(m.value())).count();
        if (proper > 0) {
            props.put("proper_count", (int) proper);
        }
        findTitle();
        for (Match m : matches) {
            if (m.property().equals("film") || m.property().equals("bonus")) {
                List<int[]> after = holes(m.end());
                String next = after.isEmpty() ? null : clean(s.substring(after.get(0)[0], after.get(0)[1]));
                if (m.property().equals("film")) {
                    if (props.containsKey("title")) {
                        props.put("film_title", props.get("title"));
                    }
                    if (next != null && !next.isEmpty()) {
                        props.put("title", next);
                        titleEnd = after.get(0)[1];
                    }
                } else if (next != null && !next.isEmpty()) {
                    props.put("bonus_title", next);
                }
            }
        }
        findReleaseGroup();
        findEpisodeTitle();
    }

    private List<Object> valuesOf(String property) {
        Object v = props.get(property);
        return v == null ? List.of() : v instanceof List<?> l ? new ArrayList<>(l) : List.of(v);
    }

    /** The unknown runs of text between matches, in order: {start, end}. */
    List<int[]> holes(int from) {
        List<int[]> out = new ArrayList<>();
        int pos = from;
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(Match::start));
        for (Match m : sorted) {
            if (m.end() <= pos) {
                continue;
            }
            if (m.start() > pos) {
                out.add(new int[] {pos, m.start()});
            }
            pos = Math.max(pos, m.end());
        }
        if (pos < s.length()) {
            out.add(new int[] {pos, s.length()});
        }
        out.removeIf(h -> s.substring(h[0], h[1]).chars().noneMatch(Character::isLetterOrDigit));
        return out;
    }

    private String leadGroup;

    private void findTitle() {
        int lead = leadEnd();
        if (lead > 0) {
            Matcher g = LEAD.matcher(s);
            if (g.find()) {
                String inside = g.group(1).trim();
                boolean known = matches.stream().anyMatch(m -> m.start() >= g.start(1) && m.end() <= g.end(1))
                        && holes(g.start(1)).stream().noneMatch(h -> h[0] < g.end(1));
                if (!inside.isEmpty() && !known) {
                    leadGroup = inside;
                } else if (known && !isFile) {
                    lead = 0;
                }
            }
        }
        if (lead == 0 && isFile) {
            Matcher p = SCENE_PREFIX.matcher(s);
            if (p.find() && s.equals(s.toLowerCase(Locale.ROOT)) && free(p.start(1), p.end(1))) {
                leadGroup = p.group(1);
                lead = p.end();
            }
        }
        List<int[]> hs = holes(lead);
        if (hs.isEmpty()) {
            return;
        }
        int[] h = hs.get(0);
        // the title is the first hole, unless it is only the release group at the very end
        String raw = s.substring(h[0], h[1]);
        Matcher number = LEAD_NUMBER.matcher(raw);
        int skip = number.lookingAt() ? number.end() : 0;
        int paren = indexOfAny(raw.substring(skip), "([{");
        paren = paren < 0 ? -1 : paren + skip;
        if (paren > 0) {
            String alt = raw.substring(paren + 1).replaceAll("[)\\]}].*$", "");
            if (!clean(alt).isEmpty()) {
                props.put("alternative_title", clean(alt));
            }
            raw = raw.substring(0, paren);
        } else if (paren == 0) {
            raw = raw.replaceAll("^[\\[({]|[\\])}].*$", "");
        }
        titleEnd = h[1];
        titleRaw = raw;
        for (Match m : matches) {
            if ((m.property().equals("episode") || m.property().equals("season")) && m.end() <= h[0]) {
                titleAfterEpisode = true;
            }
        }
        String title = clean(raw);
        if (title.contains(" - ")) {
            String[] parts = title.split(" - ");
            title = parts[0].trim();
            if (parts.length > 1 && !props.containsKey("alternative_title")) {
                props.put("alternative_title", parts[1].trim());
            }
        }
        title = TRAILING_EP_WORD.matcher(title).replaceAll("");
        if (props.containsKey("season") && SEASON_WORD_THEN_MARKER.matcher(s).find()) {
            title = TRAILING_SEASON_WORD.matcher(title).replaceAll(""); // "Skins Season S01-S07": the word announces the marker
        }
        if (COMMA_THE.matcher(title).matches()) {
            title = "The " + title.substring(0, title.lastIndexOf(',')).trim();
        }
        if (!title.isEmpty()) {
            props.put("title", title);
        }
    }

    /** "(500) Days of Summer": three digits or more in parentheses open the title; "(1)" numbers a list. */
    private static final Pattern LEAD_NUMBER = Pattern.compile("\\(\\d{3,}\\)");
    private static final Pattern LEAD_BRACKET = Pattern.compile("^\\s*\\[[^\\]]*\\]");
    private static final Pattern START_EP_FOLLOW = Pattern.compile("(?s)^(?:\\.\\s|\\s*-|_-_|\\.-).*");
    private static final Pattern YEAR_AFTER = Pattern.compile("(?s)^[ ._]*(?:[(\\[][ ._]*)?(?:19|20)\\d{2}(?![0-9]).*");
    private static final Pattern TRAILING_EP_WORD = Pattern.compile("(?i)\\s+(?:ep|episode|episodio)\\.?$");
    private static final Pattern TRAILING_SEASON_WORD = Pattern.compile("(?i)\\s+seasons?$");
    private static final Pattern SEASON_WORD_THEN_MARKER = Pattern.compile("(?i)seasons?[ ._-]+S\\d");
    private static final Pattern COMMA_THE = Pattern.compile("(?i).*,\\s*the$");
    private static final Pattern LEAD_SEPS = Pattern.compile("^[ ._]+");
    private static final Pattern LAST_BRACKET_AT_END = Pattern.compile("\\[([^\\]\\[]+)\\]\\s*$");
    private static final Pattern VERSION_OR_NUMBER = Pattern.compile("(?i)v\\d|\\d+");
    private static final Pattern GROUP_LEAD_JUNK = Pattern.compile("^[^\\p{L}\\p{N}\\[]+");
    private static final Pattern GROUP_TRAIL_JUNK = Pattern.compile("[ ._\\-\\[({]+$");
    private static final Pattern WHOLE_BRACKET = Pattern.compile("^\\[([^\\]]*)\\]$");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)by[ ._]+");
    private static final Pattern PAREN_BRACKET = Pattern.compile("^(.+?)\\)\\s*\\[([^\\]]+)\\]$");
    private static final Pattern CREDITED_GROUP = Pattern.compile("^\\[?\\p{L}+[ ._]*\\(([^()\\[\\]\\s]+)\\)\\]?$");
    private static final Pattern SUBBED_PREFIX = Pattern.compile("^(?i)\\p{L}{2,3}[ ._]?sub(?:bed|s)[-.](?=[\\p{L}\\p{N}])");
    private static final Pattern LAST_BRACKET = Pattern.compile("\\[([^\\[\\]]+)\\]?$");
    private static final Pattern SHORT_NUMBER_OR_VERSION = Pattern.compile("\\d{1,2}|(?i)v\\d");
    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    static final Pattern SCENE_PREFIX = Pattern.compile("^([a-z0-9]{2,8})-(?=[a-z0-9]+\\.[a-z0-9]+\\.)");

    /** The title's text as written (before clean-up), for comparing a file's title with its folder's. */
    String titleRaw;
    /** "E01 - Pilot.mkv": the name starts with its episode, so its text is the episode's title, not the show's. */
    boolean titleAfterEpisode;

    static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Separators become spaces, except the dots of an acronym (S.H.I.E.L.D.) and, in a name written with spaces, the dots
     * of an abbreviation or a number (Vol. 2, 11.22.63); brackets become spaces, a dash between words stays.
     */
    static String clean(String raw) {
        String t = raw.replace("*.", " ").replace("*", " ");
        boolean spaced = t.indexOf(' ') >= 0;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' && (isAcronymDot(t, i) || spaced && writtenDot(t, i))) {
                b.append('.');
            } else if (c == '_' || c == '.') {
                b.append(' ');
            } else if (c == '-' && (i == 0 || i == t.length() - 1 || !Character.isLetterOrDigit(t.charAt(i - 1))
                    || !Character.isLetterOrDigit(t.charAt(i + 1)))) {
                b.append(i > 0 && i < t.length() - 1 && (" ._".indexOf(t.charAt(i - 1)) >= 0 && " ._".indexOf(t.charAt(i + 1)) >= 0) ? " - " : " ");
            } else if ("[](){}".indexOf(c) >= 0) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        String out = SPACES.matcher(b.toString()).replaceAll(" ").trim();
        out = EDGE_PUNCT.matcher(out).replaceAll("").trim();
        return out;
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[-,:;~ ]+|[-,:;~ ]+$");

    /**
     * In a name whose words are separated by spaces, a dot is punctuation, not a separator, where it ends an
     * abbreviation ({@code Kill Bill Vol. 2}, {@code Mr. Robot}) or stands between digits ({@code 11.22.63}).
     */
    private static boolean writtenDot(String t, int i) {
        if (i == 0 || i + 1 >= t.length()) {
            return false;
        }
        char prev = t.charAt(i - 1);
        char next = t.charAt(i + 1);
        return Character.isLetter(prev) && i >= 2 && Character.isLetter(t.charAt(i - 2)) // not an acronym's last dot (T.I.T.L.E.)
                && next == ' ' && i + 2 < t.length() && Character.isLetterOrDigit(t.charAt(i + 2))
                || Character.isDigit(prev) && Character.isDigit(next);
    }

    private static boolean isAcronymDot(String t, int i) {
        boolean prevSingle = i >= 1 && Character.isLetter(t.charAt(i - 1)) && (i == 1 || !Character.isLetterOrDigit(t.charAt(i - 2)));
        boolean nextSingle = i + 1 < t.length() && Character.isLetter(t.charAt(i + 1))
                && (i + 2 >= t.length() || !Character.isLetterOrDigit(t.charAt(i + 2)));
        boolean afterAcronym = prevSingle && i >= 3 && t.charAt(i - 2) == '.' && isAcronymDot(t, i - 2)
                && t.substring(i + 1).chars().allMatch(c -> c == '.' || c == ' ' || c == '_' || c == '-');
        return prevSingle && (nextSingle || afterAcronym);
    }

    private static final Pattern JUNK_SUFFIX = Pattern.compile(
            "(?i)(?:[-.](?:xpost|postbot|asrequested|obfuscated|scrambled|sample|proof|rakuten|rp|repost|nzbgeek|chamele0n|buymore|4p|4planet|newzbin|pre|whiteRev|AlternativeToRequested|GEROV|Z0iDS3N|sScrambled|backup|DDLValley|eztv|ettv|rakuv[a-z0-9]*|altezachen|obfuscation|repackpost)|-\\d{1,2})+$");

    private void findReleaseGroup() {
        String group = null;
        List<int[]> hs = holes(titleEnd < 0 ? 0 : titleEnd);
        // the last hole, when it ends the name and follows a technical property
        int[] chosen = null;
        for (int i = hs.size() - 1; i >= 0 && chosen == null; i--) {
            int[] h = hs.get(i);
            Match before = matchEndingAt(h[0]);
            if (before == null) {
                continue;
            }
            boolean atEnd = onlyTrailing(h[1]);
            boolean dashed = LEAD_SEPS.matcher(s.substring(h[0], h[1])).replaceAll("").startsWith("-");
            boolean technical = !NOT_TECHNICAL.contains(before.property());
            String text = s.substring(h[0], h[1]);
            boolean tightDash = text.startsWith("-") && text.indexOf(' ') < 0;
            if (technical && (atEnd || dashed) || tightDash && atEnd && !before.property().equals("website")) {
                chosen = h;
            }
        }
        if (chosen != null) {
            group = cleanGroup(s.substring(chosen[0], chosen[1]), onlyTrailing(chosen[1]));
        }
        if (group == null) {
            // "… [x264 AAC] [Group]" / "…-[Group]" inside trailing brackets
            Matcher b = LAST_BRACKET_AT_END.matcher(s);
            if (b.find() && free(b.start(1), b.end(1)) && b.start() > 0 && (leadGroup == null || b.start() > leadEnd())) {
                String g = b.group(1).trim();
                if (!VERSION_OR_NUMBER.matcher(g).matches() && matchEndingBefore(b.start()) != null) {
                    group = g;
                }
            }
        }
        if (group == null) {
            for (int[] h : hs) {
                String t = s.substring(h[0], h[1]).trim();
                if (h[0] > 0 && s.charAt(h[0] - 1) == '[' && h[1] < s.length() && s.charAt(h[1]) == ']' && h[0] > leadEnd()
                        && !VERSION_OR_NUMBER.matcher(t).matches()) {
                    group = t;
                }
            }
        }
        if (group == null) {
            group = leadGroup;
        }
        if (group != null && !group.isEmpty()) {
            props.put("release_group", group);
        }
    }

    private Match matchEndingAt(int pos) {
        Match best = null;
        for (Match m : matches) {
            if (m.end() <= pos && onlySepsLoose(m.end(), pos) && (best == null || m.end() > best.end())) {
                best = m;
            }
        }
        return best;
    }

    private Match matchEndingBefore(int pos) {
        Match best = null;
        for (Match m : matches) {
            if (m.end() <= pos && (best == null || m.end() > best.end())) {
                best = m;
            }
        }
        return best;
    }

    private boolean onlySepsLoose(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSep(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether only separators, websites and checksums follow {@code pos}. */
    private boolean onlyTrailing(int pos) {
        int i = pos;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isSep(c)) {
                i++;
                continue;
            }
            int at = i;
            Match m = matches.stream().filter(x -> x.start() == at).findFirst().orElse(null);
            if (m == null || !(m.property().equals("website") || m.property().equals("crc32") || m.property().equals("container_word"))) {
                return false;
            }
            i = m.end();
        }
        return true;
    }

    private String cleanGroup(String hole, boolean atEnd) {
        String g = GROUP_LEAD_JUNK.matcher(hole).replaceAll("");
        int closed = Math.max(g.lastIndexOf("]-"), g.lastIndexOf(")-"));
        if (closed >= 0 && g.indexOf('[', closed) < 0 && g.indexOf('(', closed) < 0) {
            g = g.substring(closed + 2); // "[Ultimate Collection]-CAPTAiN": the group follows the closed bracket
        }
        g = WHOLE_BRACKET.matcher(GROUP_TRAIL_JUNK.matcher(g).replaceAll("")).replaceAll("$1");
        g = BY_PREFIX.matcher(g).replaceAll("");
        g = SUBBED_PREFIX.matcher(g).replaceAll(""); // "RoSubbed-Grp": a subtitle tag before the group
        g = JUNK_SUFFIX.matcher(g).replaceAll("");
        Matcher credited = CREDITED_GROUP.matcher(g);
        if (credited.matches()) {
            g = credited.group(1); // "[Softsubs (DHD)]": the tag credits the group in parentheses
        }
        Matcher parenBracket = PAREN_BRACKET.matcher(g);
        if (parenBracket.find()) {
            g = parenBracket.group(1).trim() + " " + parenBracket.group(2).trim();
        }
        Matcher lastBracket = LAST_BRACKET.matcher(g);
        if (g.contains("] [") && lastBracket.find()) {
            g = lastBracket.group(1);
        }
        if ((g.endsWith(")") || g.endsWith("]")) && !g.contains("(") && !g.contains("[")) {
            g = g.substring(0, g.length() - 1);
        }
        g = g.trim();
        if (g.isEmpty() || SHORT_NUMBER_OR_VERSION.matcher(g).matches()) {
            return null;
        }
        String[] words = g.split("[ ]+");
        if (words.length > 2) {
            return null;
        }
        return g;
    }

    private void findEpisodeTitle() {
        Match ep = null;
        for (Match m : matches) {
            if (m.property().equals("episode") || m.property().equals("date") || m.property().equals("season")) {
                if (ep == null || m.end() > ep.end()) {
                    ep = m;
                }
            }
        }
        if (ep == null || ep.end() < titleEnd) {
            return;
        }
        for (int[] h : holes(ep.end())) {
            Match before = matchEndingAt(h[0]);
            if (before != ep && before != null && !before.property().equals("episode") && !before.property().equals("season")) {
                return;
            }
            String t = clean(BRACKETED.matcher(s.substring(h[0], h[1])).replaceAll(" "));
            Object group = props.get("release_group");
            if (!t.isEmpty() && !DIGITS.matcher(t).matches() && !t.equals(group)) {
                props.put("episode_title", t);
            }
            return;
        }
    }
}
