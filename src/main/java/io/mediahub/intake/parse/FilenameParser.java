package io.mediahub.intake.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file name (or a full path) the way Python's guessit does, in guessit's vocabulary. Thread-safe, no I/O.
 *
 * <p>How: each part of the path is read on its own ({@link SegmentParser}): properties are found by patterns
 * (S01E02, 1x02, dates, 1080p, 1920x1080, years, CD1, Part 2) and by words (sources, codecs, languages, editions,
 * streaming services; see {@link Vocabulary}); the title is the text before the first property, the release group
 * the text after the last technical property (after a dash or in brackets), the episode title the text after the
 * episode. Then the file name's properties win, and the folders fill what the name lacks (a "Season 2" folder, the
 * show's folder for the title, a release folder for a hashed file name).
 */
public final class FilenameParser {
    static final Set<String> CONTAINERS = Set.of("mkv", "avi", "mp4", "m4v", "mov", "wmv", "mpg", "mpeg", "ts", "m2ts", "mts", "ogm", "ogv",
            "flv", "webm", "iso", "vob", "divx", "3gp", "srt", "sub", "idx", "ass", "ssa", "smi", "vtt", "nfo", "torrent", "nzb", "mka", "mp3",
            "flac", "m4a", "ogg", "wav", "jpg", "jpeg", "png", "txt", "rmvb", "rm", "asf", "m2v", "mk3d", "qt", "img", "bin", "rar", "zip", "7z",
            "par2", "sfv", "md5", "dat", "wtv", "dvr-ms", "f4v", "trp", "tp");
    private static final Set<String> GENERIC_FOLDERS = Set.of("series", "tv", "tv shows", "tvshows", "tv series", "shows", "movies", "films",
            "film", "videos", "video", "media", "mnt", "home", "volumes", "downloads", "download", "data", "incoming", "complete", "library",
            "share", "storage", "public", "users", "torrents", "unsorted", "sorted", "new", "disk", "disk1", "disk2", "volume1", "av", "folder",
            "anime", "documentaries", "tmp", "inbox", "sitcoms", "kids", "music", "4k", "hd", "uhd");

    /** The longest path part read (longer ones are cut): real names fit, and no pattern recurses deeply. */
    static final int MAX_PART = 255;

    private FilenameParser() {
    }

    /**
     * Parses a file name or a path; folders in a path inform the result (a "Season 2" folder, a show folder). Never
     * throws: a name the rules cannot read (a bug) comes back as its own title, a movie.
     */
    public static ParsedName parse(String nameOrPath) {
        try {
            return read(nameOrPath);
        } catch (RuntimeException | StackOverflowError e) {
            Map<String, Object> props = new LinkedHashMap<>();
            String name = nameOrPath == null ? "" : nameOrPath.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1).strip();
            if (!name.isEmpty()) {
                props.put("title", name.length() > MAX_PART ? name.substring(0, MAX_PART) : name);
                props.put("type", "movie");
            }
            return new ParsedName(props);
        }
    }

    /**
     * Parses a path relative to Mediahub's library, whose layout says what a file is: under
     * {@code movies/<Title> (<Year>)/} a movie with that title and year, under
     * {@code tv/<Show> (<Year>)/Season NN/} an episode of that show and season, and a name Mediahub wrote there
     * ({@code <Show> (<Year>) - S01E02 - <Episode Title>}) gives its episodes and episode title as written. The folder
     * names are taken as they are, so a title that guessit's rules would split ({@code Mission - Impossible},
     * {@code Jackass 3D}) stays whole. Any other path is read as {@link #parse} reads it.
     */
    public static ParsedName parseInLibrary(String pathInLibrary) {
        ParsedName parsed = parse(pathInLibrary);
        if (pathInLibrary == null) {
            return parsed;
        }
        try {
            String[] parts = pathInLibrary.replace('\\', '/').split("/");
            if (parts.length == 3 && parts[0].equals("movies")) {
                return inMoviesFolder(parts[1], stem(parts[2]), parsed);
            }
            if (parts.length == 4 && parts[0].equals("tv")) {
                Matcher season = LIBRARY_SEASON.matcher(parts[2]);
                if (season.matches()) {
                    return inSeasonFolder(parts[1], Integer.parseInt(season.group(1)), stem(parts[3]), parsed);
                }
            }
        } catch (RuntimeException e) {
            return parsed; // the layout reading is a refinement: parse's answer stands
        }
        return parsed;
    }

    private static final Pattern LIBRARY_TITLE_YEAR = Pattern.compile("(.+) \\(((?:18|19|20|21)\\d{2})\\)");
    private static final Pattern LIBRARY_SEASON = Pattern.compile("Season (\\d{1,4})");
    private static final Pattern LIBRARY_EPISODE = Pattern.compile("S(\\d{2,4})E(\\d{2,4})(?:-E(\\d{2,4}))?(?: - (.+))?");
    private static final Pattern CLASH_SUFFIX = Pattern.compile(" \\([2-9]\\d*\\)$");
    private static final List<String> EPISODE_PROPERTIES = List.of("season", "episode", "episode_title", "episode_details", "episode_count",
            "season_count", "date", "alternative_title");

    /** A file name without its extension and without the {@code  (2)} a clash in the library added. */
    private static String stem(String file) {
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 && file.substring(dot + 1).matches("[A-Za-z0-9]{1,5}") ? file.substring(0, dot) : file;
        return CLASH_SUFFIX.matcher(stem).replaceAll("");
    }

    private static ParsedName inMoviesFolder(String folder, String stem, ParsedName parsed) {
        Map<String, Object> props = new LinkedHashMap<>(parsed.properties());
        Matcher ty = LIBRARY_TITLE_YEAR.matcher(folder);
        EPISODE_PROPERTIES.forEach(props::remove);
        if (ty.matches()) {
            props.put("title", ty.group(1));
            props.put("year", Integer.parseInt(ty.group(2)));
        } else if (stem.equals(folder)) {
            props.put("title", folder); // "movies/Title/Title.mkv": a movie without a year
            props.remove("year");
        }
        props.put("type", "movie");
        return new ParsedName(order(props));
    }

    private static ParsedName inSeasonFolder(String showFolder, int season, String stem, ParsedName parsed) {
        Map<String, Object> props = new LinkedHashMap<>(parsed.properties());
        Matcher ty = LIBRARY_TITLE_YEAR.matcher(showFolder);
        props.put("title", ty.matches() ? ty.group(1) : showFolder);
        if (ty.matches()) {
            props.put("year", Integer.parseInt(ty.group(2)));
        }
        props.remove("alternative_title");
        Matcher code = stem.startsWith(showFolder + " - ") ? LIBRARY_EPISODE.matcher(stem.substring(showFolder.length() + 3)) : null;
        if (code != null && code.matches() && Integer.parseInt(code.group(1)) == season) {
            int first = Integer.parseInt(code.group(2));
            List<Integer> episodes = new ArrayList<>(List.of(first));
            for (int e = first + 1; code.group(3) != null && e <= Integer.parseInt(code.group(3)); e++) {
                episodes.add(e);
            }
            props.put("episode", episodes.size() == 1 ? episodes.get(0) : episodes);
            props.remove("episode_details");
            if (code.group(4) != null) {
                props.put("episode_title", code.group(4));
            } else {
                props.remove("episode_title");
            }
        }
        props.put("season", season);
        props.put("type", "episode");
        return new ParsedName(order(props));
    }

    private static ParsedName read(String nameOrPath) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (nameOrPath == null || nameOrPath.isBlank()) {
            return new ParsedName(props);
        }
        String path = nameOrPath.replace('\\', '/').strip();
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isBlank() && !(p.length() == 2 && p.charAt(1) == ':')) {
                // a file name is at most 255 bytes on common filesystems: longer parts are cut (and patterns stay shallow)
                String part = p.strip();
                parts.add(part.length() > MAX_PART ? part.substring(0, MAX_PART) : part);
            }
        }
        if (parts.isEmpty()) {
            return new ParsedName(props);
        }
        String file = parts.get(parts.size() - 1);
        String container = null;
        int dot = file.lastIndexOf('.');
        if (dot > 0 && dot < file.length() - 1) {
            String ext = file.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (CONTAINERS.contains(ext)) {
                container = ext;
                file = file.substring(0, dot);
            }
        }
        SegmentParser name = new SegmentParser(file, true).run();
        List<SegmentParser> folders = new ArrayList<>();
        boolean sample = SAMPLE_NAME.matcher(file).find();
        boolean extras = false;
        for (int i = parts.size() - 2; i >= 0 && folders.size() < 3; i--) {
            String folder = parts.get(i).toLowerCase(Locale.ROOT);
            if (SAMPLE_FOLDERS.contains(folder)) {
                sample = true;
                continue;
            }
            if (EXTRAS_FOLDERS.contains(folder)) {
                extras |= folders.isEmpty();
                continue;
            }
            if (GENERIC_FOLDERS.contains(folder)) {
                continue;
            }
            folders.add(folder(parts.get(i)));
        }
        props.putAll(name.props);
        SegmentParser parent = folders.isEmpty() ? null : folders.get(0);

        // a hashed or abbreviated file name inside a release folder: the folder names the release
        if (parent != null && parent.props.containsKey("title") && isTechnical(parent.props) && looksAbbreviated(file, name)) {
            Map<String, Object> merged = new LinkedHashMap<>(parent.props);
            for (Map.Entry<String, Object> e : name.props.entrySet()) {
                if (!e.getKey().equals("title") && !e.getKey().equals("release_group") && !e.getKey().equals("episode_title")) {
                    merged.putIfAbsent(e.getKey(), e.getValue());
                }
            }
            props.clear();
            props.putAll(merged);
        }
        // the folders fill what the name lacks
        for (SegmentParser f : folders) {
            for (String key : List.of("season", "year", "screen_size", "source", "video_codec")) {
                if (!props.containsKey(key) && f.props.containsKey(key) && !(key.equals("year") && props.containsKey("date"))) {
                    if (key.equals("season") && f.props.get(key) instanceof List<?>) {
                        continue;
                    }
                    props.put(key, f.props.get(key));
                }
            }
        }
        SegmentParser show = null;
        for (SegmentParser f : folders) {
            Object t = f.props.get("title");
            if (t != null && !GENERIC_FOLDERS.contains(t.toString().toLowerCase(Locale.ROOT)) && !t.toString().matches("\\d+")) {
                show = f;
                break;
            }
        }
        boolean seasonFolder = parent != null && parent.props.containsKey("season") && !parent.props.containsKey("title");
        boolean leadingEpisode = seasonFolder && leadingEpisode(file, name.props, props);
        boolean fileHasEpisode = name.props.containsKey("episode") || name.props.containsKey("season") || name.props.containsKey("date");
        if (show != null && (name.titleAfterEpisode || leadingEpisode || !props.containsKey("title") || seasonFolder && !fileHasEpisode)) {
            // "Show/Season 1/E01 - Pilot.mkv", "Show/Season 1/Pilot.mkv": the show's folder names the show
            if (props.containsKey("title") && !props.containsKey("episode_title")) {
                props.put("episode_title", props.get("title"));
            }
            props.put("title", show.props.get("title"));
            if (!props.containsKey("year") && show.props.containsKey("year")) {
                props.put("year", show.props.get("year"));
            }
        } else if (props.containsKey("title")) {
            // the same title in a folder, better written ("Scrubs/scrubs.s06e09.avi", "El Dia de la Bestia (1995)/El.dia.de.la.bestia…")
            for (SegmentParser f : folders) {
                Object t = f.props.get("title");
                if (t != null && normal(t.toString()).equals(normal(props.get("title").toString()))) {
                    // better cased, or with the accents the release dropped ("La Science des Rêves/La.Science.Des.Reves…")
                    String inFile = props.get("title").toString();
                    if (casing(t.toString()) > casing(inFile) || !isAscii(t.toString()) && isAscii(inFile)) {
                        props.put("title", t);
                    }
                    break;
                }
            }
        }
        if (props.get("release_group") instanceof String g) {
            for (SegmentParser f : folders) {
                if (f.props.get("release_group") instanceof String fg && fg.equalsIgnoreCase(g) && !fg.equals(fg.toLowerCase(Locale.ROOT))) {
                    props.put("release_group", fg);
                    break;
                }
            }
        }
        if (extras && !folders.isEmpty() && folders.get(0).props.containsKey("title")) {
            // "Movie (2010)/Extras/Deleted Scenes.mkv": an extra of the movie (or show) in the folder above
            if (props.containsKey("title") && !props.get("title").equals(folders.get(0).props.get("title"))) {
                props.put("bonus_title", props.get("title"));
            }
            props.put("title", folders.get(0).props.get("title"));
            if (folders.get(0).props.containsKey("year")) {
                props.put("year", folders.get(0).props.get("year"));
            }
        }
        if (extras) {
            addOther(props, "Extras");
        }
        if (sample) {
            addOther(props, "Sample");
        }
        boolean episode = props.containsKey("episode") || props.containsKey("season") || props.containsKey("date")
                || props.containsKey("episode_details");
        props.put("type", episode ? "episode" : "movie");
        if (container != null) {
            props.put("container", container);
        }
        return new ParsedName(order(props));
    }

    private static final Set<String> SAMPLE_FOLDERS = Set.of("sample", "samples");
    private static final Set<String> EXTRAS_FOLDERS = Set.of("extras", "extra", "featurettes", "behind the scenes", "deleted scenes",
            "interviews", "scenes", "shorts", "trailers", "bonus", "other", "clips");
    private static final java.util.regex.Pattern SAMPLE_NAME = java.util.regex.Pattern.compile("(?i)(?:^|[-._ ])sample$");

    private static void addOther(Map<String, Object> props, String value) {
        Object v = props.get("other");
        List<Object> all = new ArrayList<>(v == null ? List.of() : v instanceof List<?> l ? l : List.of(v));
        if (!all.contains(value)) {
            all.add(value);
        }
        props.put("other", all.size() == 1 ? all.get(0) : all);
    }

    /** Folders repeat (a season holds many files): their readings are kept, a bounded number, shared by all threads. */
    private static final java.util.concurrent.ConcurrentHashMap<String, SegmentParser> FOLDERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_FOLDERS = 10_000;

    private static SegmentParser folder(String name) {
        SegmentParser known = FOLDERS.get(name);
        if (known != null) {
            return known;
        }
        SegmentParser parsed = new SegmentParser(name, false).run();
        if (FOLDERS.size() >= MAX_FOLDERS) {
            FOLDERS.clear();
        }
        FOLDERS.put(name, parsed);
        return parsed;
    }

    private static boolean isTechnical(Map<String, Object> p) {
        return p.containsKey("source") || p.containsKey("video_codec") || p.containsKey("screen_size") || p.containsKey("release_group");
    }

    /** "dmd-aw", "i-smwhr", "personnea_mp": a short scene abbreviation rather than a title. */
    private static boolean looksAbbreviated(String file, SegmentParser name) {
        if (file.matches("[A-Za-z0-9]{16,}|\\d+[_-]\\d+|[A-Za-z0-9-]{24,}")) {
            return true;
        }
        String raw = name.titleRaw;
        if (raw == null) {
            return true;
        }
        raw = raw.strip();
        return raw.length() <= 24 && !raw.contains(" ") && !raw.contains(".") && raw.matches(".*[-_].*") && raw.equals(raw.toLowerCase(Locale.ROOT));
    }

    private static boolean isAscii(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /** How well a title is written: Title Case beats all lower case and ALL CAPS. */
    static double casing(String t) {
        long upper = t.chars().filter(Character::isUpperCase).count();
        long lower = t.chars().filter(Character::isLowerCase).count();
        if (upper == 0) {
            return 0;
        }
        if (lower == 0) {
            return 0.5;
        }
        return 1 + (double) upper / (upper + lower);
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    static String normal(String t) {
        String n = java.text.Normalizer.isNormalized(t, java.text.Normalizer.Form.NFD) ? t
                : MARKS.matcher(java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFD)).replaceAll("");
        return n.toLowerCase(Locale.ROOT).trim();
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d{1,2})(?:$|(?!\\.\\d)[ ._]+(?:-[ ._]*)?)"); // "11.22.63" is no episode 11

    /**
     * "Season 2/16 Some Title.avi", "Season 2/02.avi", "Season 2/7 - 12 Angry Men.avi": in a season folder, a file name
     * that opens with a one- or two-digit number (and says no season or date itself) opens with its episode; the rest
     * is the episode's title. Outside a season folder "12 Angry Men" and "300" stay titles.
     */
    private static boolean leadingEpisode(String file, Map<String, Object> fromName, Map<String, Object> props) {
        Matcher m = LEADING_NUMBER.matcher(file);
        if (!m.find() || fromName.containsKey("season") || fromName.containsKey("date")) {
            return false;
        }
        String number = m.group(1);
        props.put("episode", Integer.parseInt(number));
        Object title = fromName.get("title");
        String rest = title == null ? "" : title.toString();
        if (rest.equals(number) || rest.isEmpty()) {
            rest = file.substring(m.end()).replaceAll("[._]", " ").strip();
            rest = fromName.containsKey("episode_title") && !rest.isEmpty() ? String.valueOf(fromName.get("episode_title")) : rest;
        } else if (rest.startsWith(number + " ")) {
            rest = rest.substring(number.length()).strip();
        }
        if (rest.isEmpty()) {
            props.remove("title");
        } else {
            props.put("title", rest);
        }
        props.remove("episode_title");
        return true;
    }

    private static final List<String> ORDER = List.of("title", "alternative_title", "year", "season", "episode", "episode_title", "date",
            "part", "cd", "cd_count", "disc", "screen_size", "source", "other", "edition", "video_codec", "video_profile", "color_depth",
            "audio_codec", "audio_profile", "audio_channels", "language", "subtitle_language", "streaming_service", "release_group",
            "website", "crc32", "container", "type");

    private static Map<String, Object> order(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : ORDER) {
            if (props.containsKey(k)) {
                out.put(k, props.get(k));
            }
        }
        out.putAll(props);
        return out;
    }
}
