package io.mediahub.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mediahub.common.LaunchCommand;
import io.mediahub.common.ServiceException;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import io.mediahub.intake.parse.FilenameParser;
import io.mediahub.intake.parse.ParsedName;
import io.mediahub.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code intake-scan-inbox} flow (also what the {@code intake-watch-inbox} watcher runs, and what {@code identify}
 * re-runs): every settled entry of the inbox becomes files in the library, or in {@code .failed/} with the reason.
 *
 * <p>A top-level file is one release; a top-level folder is one release (a season pack, a movie with its subtitles).
 * For each video or audio file: size limit, SHA-256 (streamed), duplicate check, parse, probe, identify (TMDb for
 * video; fingerprint, AcoustID and MusicBrainz for audio), name, move (never overwriting), companions (subtitles,
 * artwork), artwork (TMDb's, or the album's front cover), audio tags rewritten, JSON sidecar, {@code media} row. One
 * file's failure never stops the others.
 */
public class InboxIntake {
    private static final Logger LOG = LoggerFactory.getLogger(InboxIntake.class);
    /** The watcher hands the entries it saw settle in this option, separated by '/' (which no file name holds). */
    public static final String ENTRIES_OPTION = "entries";
    /** What is written beside a file in {@code .failed/}: {@code NAME.error.txt}. */
    static final String ERROR_TXT = ".error.txt";

    private final Settings settings;
    private final MediaRepository repo;
    private final ObjectMapper json;
    private final Clock clock;
    /** The routes every outgoing call goes through (their throttles are shared by every run: the watcher's, {@code run}, {@code identify}). */
    private final IntakeCalls calls;
    private volatile FileMover mover = new FileMover();

    public InboxIntake(Settings settings, Store store, ObjectMapper json, Clock clock, IntakeCalls calls) {
        this.settings = settings;
        this.repo = new MediaRepository(store);
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.clock = clock;
        this.calls = calls;
    }

    /** Tests replace the mover to make a copy fail part-way or to force the copy path. */
    void useMover(FileMover m) {
        this.mover = m;
    }

    public MediaRepository repository() {
        return repo;
    }

    /**
     * Stage 1 of {@code intake-scan-inbox}: the run (its settings, read once, and its counts); the inbox and the
     * library are made when missing.
     */
    public Run start(FlowRequest request) throws IOException {
        IntakeSettings s = IntakeSettings.from(settings);
        Files.createDirectories(s.inbox());
        Files.createDirectories(s.library());
        Run run = new Run(s, new FlowResult());
        run.request = request;
        String entries = request.options().get(ENTRIES_OPTION);
        if (entries != null) {
            run.only = new HashSet<>(Arrays.asList(entries.split("/")));
        }
        return run;
    }

    /**
     * Stage 2, listing the drops: the inbox's entries in name order, without what the intake leaves alone (partial
     * downloads, hidden names, {@code .failed/}) and, when the watcher names the entries that settled, only those.
     */
    public List<Path> drops(Run run) throws IOException {
        try (Stream<Path> st = Files.list(run.s.inbox())) {
            return st.filter(p -> {
                String name = p.getFileName().toString();
                return !MediaKinds.leaveAlone(name) && !MediaKinds.notForIntake(name) && (run.only == null || run.only.contains(name));
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /**
     * Stage 3, one drop (a file, or a folder that is one release): left for later when it has not settled; else what
     * is not a regular file or folder goes to {@code .failed/} at once (a link is never followed), and the release's
     * video and audio files are what the next stages file, one by one, in name order.
     */
    public List<Filing> release(Run run, Path entry) {
        run.request.checkNotStopping();
        String name = entry.getFileName().toString();
        try {
            String unsettled = unsettled(entry, run.s.settleTime(), Instant.now());
            if (unsettled != null) {
                run.result.skipped(1).count("not_settled", 1);
                LOG.info("intake: {} {}", printable(name), unsettled);
                return List.of();
            }
            return run.release(entry);
        } catch (IOException | SQLException e) {
            throw run.stopped(name, e);
        }
    }

    /** Stage 4 of each file: size limit, SHA-256 (streamed), duplicate check, a run that stopped half-way finished. */
    public Filing admit(Filing f) {
        return step(f, () -> f.run.admit(f));
    }

    /** Stage 5: the file's name parsed, and probed (ffprobe, else mediainfo); a file the probe cannot read fails. */
    public Filing probe(Filing f) {
        return step(f, () -> f.run.probe(f));
    }

    /** Stage 6 for a video: TMDb (movie or episode), and the library name it gives. */
    public Filing identifyVideo(Filing f) {
        return step(f, () -> f.run.identifyVideo(f));
    }

    /** Stage 6 for audio: fingerprint, AcoustID, MusicBrainz (else the tags, else the name), and the library name. */
    public Filing identifyMusic(Filing f) {
        return step(f, () -> f.run.identifyMusic(f));
    }

    /** Stage 7: the free target in the library (never overwriting, never through a link), the move, its companions. */
    public Filing place(Filing f) {
        return step(f, () -> f.run.place(f));
    }

    /** Stage 8: an identified track's tags rewritten from MusicBrainz (unless INTAKE_REWRITE_TAGS=false). */
    public Filing retag(Filing f) {
        return step(f, () -> f.run.retag(f));
    }

    /** Stage 9: artwork beside it (TMDb's poster and backdrop, or the album's front cover), never overwriting. */
    public Filing artwork(Filing f) {
        return step(f, () -> f.run.artwork(f));
    }

    /** Stage 10: the sidecar and the media row. */
    public Filing record(Filing f) {
        return step(f, () -> f.run.record(f));
    }

    /** Stage 11 of each drop: what no file of the release took to {@code .failed/}, empty folders removed. */
    public void closeRelease(Run run, Path entry) {
        try {
            run.closeRelease();
        } catch (IOException | SQLException e) {
            throw run.stopped(entry.getFileName().toString(), e);
        }
    }

    /** Last stage: the run's counts. */
    public FlowResult result(Run run) {
        LOG.info("intake-scan-inbox: {}", run.result);
        return run.result;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException, SQLException;
    }

    /** A stage on a file still open (one that failed is in .failed/ already); a store or disk error stops the run there. */
    private static Filing step(Filing f, Step step) {
        if (!f.open) {
            return f;
        }
        try {
            step.run();
        } catch (IOException | SQLException e) {
            throw f.run.stopped(f.entryName, e);
        }
        return f;
    }

    /** A store or disk error while {@code identify} filed a file: unwrapped by {@link #identify}. */
    static final class StepFailed extends RuntimeException {
        StepFailed(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * One video or audio file of a release on its way through the stages ({@code intake-file-media}), with what each
     * stage found. Closed ({@link #isOpen()} false) once a stage failed it into {@code .failed/} or found it done.
     */
    public static final class Filing {
        final Run run;
        final String entryName;
        final Path file;
        final Release release;
        final Long forcedTmdbId;
        List<Path> companions = List.of();
        MediaRow row;
        boolean open = true;
        ParsedName parsed;
        MediaProbe.Result probed;
        String probeNote;
        Path rel;
        TmdbIdentifier.Match match;
        MusicIdentifier.Outcome heard;
        Map<String, Object> identification = new LinkedHashMap<>();
        Path target;
        Path oldSidecar;
        boolean inPlace;
        List<String> companionsFiled = new ArrayList<>();
        Map<String, Object> art = Map.of();

        Filing(Run run, String entryName, Path file, Release release, MediaRow row, Long forcedTmdbId) {
            this.run = run;
            this.entryName = entryName;
            this.file = file;
            this.release = release;
            this.row = row;
            this.forcedTmdbId = forcedTmdbId;
        }

        public boolean isOpen() {
            return open;
        }

        /** Audio goes to the fingerprint; everything else to TMDb. */
        public boolean isAudio() {
            return MediaKinds.isAudio(file.getFileName().toString());
        }

        @Override
        public String toString() {
            return "Filing[" + printable(file.getFileName().toString()) + (open ? "" : ", closed") + "]";
        }
    }

    /** A release folder's files that are not video or audio, and its videos: for the companions of each file. */
    record Release(List<Path> extras, List<Path> videos) {
        static final Release NONE = new Release(List.of(), List.of());
    }

    /** Why {@code identify} could not file or re-identify something; nothing was moved. */
    public static final class IdentifyException extends RuntimeException {
        IdentifyException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The {@code identify} verb: a media id or a path. A file in the library is re-identified (and renamed when its
     * identity changes); a file in {@code .failed/} or anywhere else goes through the intake as if dropped, and is left
     * where it is when that fails. {@code tmdbId} forces the match (a movie id, or a show id for an episode).
     *
     * @return the row as it is now
     */
    public MediaRow identify(String pathOrId, Long tmdbId) throws IOException, SQLException {
        IntakeSettings s = IntakeSettings.from(settings);
        Run run = new Run(s, new FlowResult());
        run.identifying = true;
        Path file = Path.of(pathOrId).toAbsolutePath().normalize();
        MediaRow row = null;
        if (pathOrId.matches("\\d+") && !Files.exists(file)) {
            row = repo.byId(Long.parseLong(pathOrId)).orElseThrow(() -> new IdentifyException("no media row has id " + pathOrId));
            if (row.path == null) {
                throw new IdentifyException("media " + pathOrId + " is not in the library (" + row.status + ": " + row.errorText
                        + "); identify its file in " + s.failed() + " by path");
            }
            file = s.library().resolve(row.path);
        } else if (file.startsWith(s.library())) {
            row = repo.byPath(s.library().relativize(file).toString().replace('\\', '/')).orElse(null);
        }
        throughNoLink(file, s.inbox());
        throughNoLink(file, s.library());
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IdentifyException(file + " is not a file" + (row != null ? " (media " + row.mediaId + " is " + row.status + ")" : ""));
        }
        if (row == null) {
            String name = file.getFileName().toString();
            String source = file.startsWith(s.failed()) ? s.failed().relativize(file).toString() : name;
            row = run.newRow(source, Files.size(file));
            row.contentHash = FileMover.sha256(file);
            for (MediaRow old : repo.byHash(row.contentHash)) {
                if (file.startsWith(s.failed()) && old.path == null) {
                    row = old;
                    row.sizeBytes = Files.size(file);
                }
            }
        }
        if (!MediaKinds.isVideo(file.getFileName().toString()) && !MediaKinds.isAudio(file.getFileName().toString())) {
            throw new IdentifyException(file.getFileName() + " is not a video or audio file (by its extension)");
        }
        if (MediaKinds.isVideo(file.getFileName().toString()) && !s.tmdbConfigured()) {
            throw new IdentifyException("TMDB_READ_ACCESS_TOKEN is not set; identify needs TMDb for a video");
        }
        boolean wasFailed = file.startsWith(s.failed());
        Path errorTxt = file.resolveSibling(file.getFileName() + ERROR_TXT);
        try {
            calls.fileMedia(new Filing(run, file.getFileName().toString(), file, Release.NONE, row, tmdbId));
        } catch (StepFailed e) {
            if (e.getCause() instanceof SQLException q) {
                throw q;
            }
            throw (IOException) e.getCause();
        }
        if (wasFailed && !Files.exists(file)) {
            Files.deleteIfExists(errorTxt);
        }
        return repo.byId(row.mediaId).orElse(row);
    }

    /**
     * A path in the inbox or the library that passes through a symbolic link below the root (or is one) is refused: a
     * link there is never followed. A path elsewhere is the user's own to name.
     */
    private static void throughNoLink(Path file, Path root) {
        Path link = firstLink(file, root);
        if (link != null) {
            throw new IdentifyException(file + " is reached through the symbolic link " + link + "; Mediahub never follows a link inside "
                    + root + " (name the file by its own path)");
        }
    }

    /** The first symbolic link on the way from {@code root} (not included) down to {@code path} (included), or null. */
    static Path firstLink(Path path, Path root) {
        if (!path.startsWith(root)) {
            return null;
        }
        Path p = root;
        for (Path part : root.relativize(path)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Why an entry is left for later, naming the rule, or null when it has settled: its newest file must be at least the
     * settle time old, and no partial download may be in it. {@code now} is the file system's clock (the files' times).
     */
    static String unsettled(Path entry, Duration settle, Instant now) throws IOException {
        Instant newest = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> w = Files.walk(entry)) {
                for (Path p : (Iterable<Path>) w::iterator) {
                    String n = p.getFileName().toString();
                    if (!p.equals(entry) && MediaKinds.leaveAlone(n) && !n.startsWith(".")) {
                        return "holds a partial download (" + printable(entry.relativize(p).toString()) + "), left for later";
                    }
                    Instant t = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
                    newest = t.isAfter(newest) ? t : newest;
                }
            }
        }
        Duration age = Duration.between(newest, now);
        if (!age.minus(settle).isNegative()) {
            return null;
        }
        String when = age.isNegative() ? "dated " + seconds(age.negated()) + " ahead of this machine's clock" : "changed " + seconds(age) + " ago";
        return "is still changing, left for later: " + when + ", INTAKE_SETTLE_TIME is " + seconds(settle);
    }

    /** {@code 4 s}, {@code 0.5 s}, {@code 120 s}: whole seconds when they are whole, else tenths (rounded down). */
    static String seconds(Duration d) {
        long tenths = d.toMillis() / 100;
        return (tenths % 10 == 0 || d.toSeconds() >= 10 ? String.valueOf(d.toSeconds()) : String.format(Locale.ROOT, "%.1f", tenths / 10.0)) + " s";
    }

    static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    /** One run over the inbox (or one {@code identify}). */
    public final class Run {
        final IntakeSettings s;
        final FlowResult result;
        FlowRequest request;
        Set<String> only;
        /** {@code identify}: a store or disk error goes back to the verb as it is. */
        boolean identifying;
        final MediaProbe probe;
        final TmdbIdentifier identifier;
        final ArtworkFetcher artwork;
        final MusicIdentifier music;
        final TagWriter tagWriter;
        /** The number of audio files in each folder of the release being filed (2 or more), a hint for the release choice. */
        final Map<Path, Integer> folderTracks = new java.util.HashMap<>();

        Run(IntakeSettings s, FlowResult result) {
            this.s = s;
            this.result = result;
            this.probe = new MediaProbe(s.ffprobe(), s.mediainfo(), s.toolTimeout(), json);
            this.identifier = s.tmdbConfigured() ? new TmdbIdentifier(new TmdbSearchClient(calls, s.tmdbLanguage())) : null;
            IntakeSettings.Music m = s.music();
            this.artwork = new ArtworkFetcher(calls, s.imageUrl(), m.coverArtUrl());
            this.music = new MusicIdentifier(new Fingerprinter(m.fpcalc(), s.toolTimeout(), json),
                    m.acoustidConfigured() ? new AcoustIdClient(calls, m.acoustidUrl(), m.acoustidKey()) : null,
                    m.musicbrainzConfigured() ? new MusicBrainzClient(calls, m.musicbrainzContact()) : null);
            this.tagWriter = new TagWriter(m.ffmpeg(), probe, s.toolTimeout());
        }

        RuntimeException stopped(String entryName, Exception e) {
            if (identifying) {
                return new StepFailed(e);
            }
            return new FlowFailedException("intake-scan-inbox stopped at " + printable(entryName) + ": " + e.getMessage(), result);
        }

        /** The files of one drop that the stages file; what cannot be taken at all is refused at once. */
        List<Filing> release(Path entry) throws IOException, SQLException {
            folderTracks.clear();
            String entryName = entry.getFileName().toString();
            entry = safeName(entry);
            if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return List.of(new Filing(this, entryName, entry, Release.NONE, null, null));
                }
                refuse(entry);
                return List.of();
            }
            // A folder: one release. Names that do not survive the round trip to text are renamed first. A link, at any
            // depth, is never followed: it goes to .failed/ as it is, and what it points to is never read or moved.
            List<Path> files = new ArrayList<>();
            List<Path> refused = new ArrayList<>();
            walk(entry, files, refused);
            for (Path r : refused) {
                refuse(r);
            }
            List<Path> media = new ArrayList<>();
            List<Path> extras = new ArrayList<>();
            for (Path f : files) {
                String rel = s.inbox().relativize(f).toString();
                String n = f.getFileName().toString();
                if ((MediaKinds.isVideo(n) || MediaKinds.isAudio(n)) && !MediaKinds.isSample(rel)) {
                    media.add(f);
                } else {
                    extras.add(f);
                }
            }
            List<Path> videos = media.stream().filter(f -> MediaKinds.isVideo(f.getFileName().toString())).toList();
            media.stream().filter(f -> MediaKinds.isAudio(f.getFileName().toString()))
                    .forEach(f -> folderTracks.merge(f.getParent(), 1, Integer::sum));
            folderTracks.values().removeIf(n -> n < 2);
            Release release = new Release(extras, videos);
            releaseEntry = entry;
            releaseExtras = extras;
            return media.stream().map(m -> new Filing(this, entryName, m, release, null, null)).toList();
        }

        /** The release folder being filed (by its name after {@link #safeName}) and its extras, for {@link #closeRelease}. */
        private Path releaseEntry;
        private List<Path> releaseExtras = List.of();

        /** After the files of a release folder: its left-overs to .failed/, its empty folders removed. */
        void closeRelease() throws IOException, SQLException {
            Path entry = releaseEntry;
            List<Path> extras = releaseExtras;
            releaseEntry = null;
            releaseExtras = List.of();
            if (entry == null) {
                return;
            }
            for (Path x : extras) {
                if (Files.exists(x, LinkOption.NOFOLLOW_LINKS)) {
                    String why = MediaKinds.isSample(s.inbox().relativize(x).toString()) ? "a sample clip of the release, not filed"
                            : "not a video, an audio file, or a subtitle or artwork of one";
                    fail(x, null, why + " (left over from " + entry.getFileName() + ")", "failed");
                    result.count("left_over", 1);
                }
            }
            removeEmptyFolders(entry);
        }

        /** The regular files of a release folder, and what is neither a folder nor a regular file (links, devices, pipes). */
        private void walk(Path dir, List<Path> out, List<Path> refused) throws IOException {
            List<Path> children;
            try (Stream<Path> st = Files.list(dir)) {
                children = st.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            }
            for (Path c : children) {
                c = safeName(c);
                boolean hidden = c.getFileName().toString().startsWith(".");
                if (Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
                    walk(c, out, refused);
                } else if (!hidden) {
                    (Files.isRegularFile(c, LinkOption.NOFOLLOW_LINKS) ? out : refused).add(c);
                }
            }
        }

        /** A symbolic link (to a file or a folder) or something else that is not a regular file: to .failed/ as it is. */
        private void refuse(Path p) throws IOException, SQLException {
            if (Files.isSymbolicLink(p)) {
                String to;
                try {
                    to = " to " + printable(Files.readSymbolicLink(p).toString());
                } catch (IOException e) {
                    to = "";
                }
                fail(p, null, "a symbolic link" + to + "; the intake takes regular files and folders only, and a link is never followed", "failed");
            } else {
                fail(p, null, "not a regular file (a device, a pipe or a socket); the intake takes regular files and folders only", "failed");
            }
        }

        /** Subtitles and artwork go with the video whose name they start with, or with the only video of the release. */
        private boolean belongsTo(Path extra, Path media, List<Path> videos) {
            String n = extra.getFileName().toString();
            if (!(MediaKinds.isSubtitle(n) || MediaKinds.isImage(n)) || !MediaKinds.isVideo(media.getFileName().toString())) {
                return false;
            }
            String stem = LibraryNames.stem(media.getFileName().toString());
            if (n.startsWith(stem + ".") || n.startsWith(stem + "-")) {
                return true;
            }
            boolean claimed = videos.stream().anyMatch(v -> n.startsWith(LibraryNames.stem(v.getFileName().toString()) + "."));
            return !claimed && videos.size() == 1;
        }

        /** One video or audio file: the checks before it is probed. */
        void admit(Filing f) throws IOException, SQLException {
            Path file = f.file;
            List<Path> companions = new ArrayList<>();
            for (Path x : f.release.extras()) {
                if (Files.exists(x) && belongsTo(x, file, f.release.videos())) {
                    companions.add(x);
                }
            }
            f.companions = companions;
            f.open = false;
            String source = s.inbox().relativize(file).toString();
            String name = file.getFileName().toString();
            if (!MediaKinds.isVideo(name) && !MediaKinds.isAudio(name)) {
                fail(file, null, "not a video or audio file (by its extension)", "failed");
                return;
            }
            result.read(1);
            long size = Files.size(file);
            MediaRow row = newRow(source, size);
            if (size > s.maxFileSize()) {
                fail(file, row, "the file is " + size + " bytes, more than INTAKE_MAX_FILE_SIZE allows (" + s.maxFileSize() + " bytes)", "failed");
                return;
            }
            row.contentHash = FileMover.sha256(file);
            MediaRow resumed = null;
            for (MediaRow old : repo.byHash(row.contentHash)) {
                if ("filing".equals(old.status)) {
                    resumed = old;
                } else if (("identified".equals(old.status) || "unidentified".equals(old.status)) && old.path != null
                        && Files.exists(s.library().resolve(old.path))) {
                    row.kind = old.kind;
                    fail(file, row, "a duplicate: the same content is already in the library as " + old.path + " (media id "
                            + old.mediaId + ")", "duplicate");
                    result.count("duplicates", 1);
                    return;
                }
            }
            if (resumed != null && resumed.path != null) {
                Path target = s.library().resolve(resumed.path);
                if (Files.exists(target) && row.contentHash.equals(FileMover.sha256(target))) {
                    // A run stopped between linking the file into the library and removing it from the inbox.
                    Files.delete(file);
                    resumed.status = resumed.identifiedByItsMethod() ? "identified" : "unidentified";
                    resumed.updatedAt = now();
                    repo.update(resumed);
                    result.written(1).count("resumed", 1);
                    LOG.info("intake: {} was already filed as {} by a run that stopped early; finished", printable(source), resumed.path);
                    return;
                }
            }
            if (resumed != null) {
                row.mediaId = resumed.mediaId;
                row.addedAt = resumed.addedAt;
            }
            f.row = row;
            f.open = true;
        }

        /** Parse and probe one file whose row has its hash and size. */
        void probe(Filing f) throws IOException, SQLException {
            Path file = f.file;
            MediaRow row = f.row;
            f.parsed = FilenameParser.parse(row.sourceName);
            MediaProbe.Result probed = null;
            try {
                probed = probe.probe(file);
            } catch (ToolRunner.ToolException e) {
                if (!e.missing()) {
                    fail(file, row, "the probe could not read it: " + e.getMessage(), "failed");
                    f.open = false;
                    return;
                }
                f.probeNote = e.getMessage();
                LOG.warn("intake: {}; {} is filed by its name only", e.getMessage(), printable(row.sourceName));
            }
            f.probed = probed;
            if (probed != null) {
                row.durationSeconds = probed.durationSeconds();
                row.container = probed.container();
                row.videoCodec = probed.videoCodec();
                row.audioCodec = probed.audioCodec();
                row.width = probed.width();
                row.height = probed.height();
                row.hdr = probed.hdr();
            }
        }

        void identifyMusic(Filing f) {
            f.identification.put("method", null);
            f.heard = music.identify(f.file, f.probed, folderTracks.get(f.file.getParent()), f.identification);
            f.rel = musicTarget(f.parsed, f.probed, f.row, LibraryNames.extension(f.file.getFileName().toString()), f.identification, f.heard);
        }

        void identifyVideo(Filing f) {
            f.match = identify(f.parsed, f.probed, f.forcedTmdbId, f.identification);
            f.rel = videoTarget(f.parsed, f.match, f.row, LibraryNames.extension(f.file.getFileName().toString()));
        }

        /** The target in the library, the move, the companions. */
        void place(Filing f) throws IOException, SQLException {
            Path file = f.file;
            MediaRow row = f.row;
            Path rel = f.rel;
            f.open = false;
            Path link = firstLink(s.library().resolve(rel).normalize().getParent(), s.library());
            if (link != null) {
                fail(file, row, "its folder in the library passes through the symbolic link " + s.library().relativize(link)
                        + "; Mediahub never files anything through a link", "failed");
                return;
            }
            Path target = freeTarget(rel, row.contentHash, file);
            if (target == null) {
                fail(file, row, "a duplicate: the same content is already in the library at " + rel, "duplicate");
                result.count("duplicates", 1);
                return;
            }
            row.path = s.library().relativize(target).toString().replace('\\', '/');
            row.status = "filing";
            row.updatedAt = now();
            if (row.mediaId == 0) {
                repo.insert(row);
            } else {
                repo.update(row);
            }
            Path oldSidecar = sidecarOf(file);
            boolean inPlace = target.equals(file);
            f.target = target;
            f.oldSidecar = oldSidecar;
            f.inPlace = inPlace;
            try {
                if (!inPlace) {
                    FileMover.How how = mover.move(file, target, row.contentHash);
                    result.count(how == FileMover.How.LINKED ? "moved" : "copied", 1);
                }
            } catch (IOException e) {
                row.path = null;
                fail(file, row, "moving it into the library failed: " + e.getMessage(), "failed");
                return;
            }
            List<String> companionsFiled = f.companionsFiled;
            for (Path c : f.companions) {
                Path ct = companionTarget(c, file, target);
                if (ct != null && Files.exists(c)) {
                    try {
                        mover.move(c, ct, FileMover.sha256(c));
                        companionsFiled.add(s.library().relativize(ct).toString());
                        result.count("companions", 1);
                    } catch (IOException e) {
                        LOG.warn("intake: {} could not follow its video: {}", printable(c.getFileName().toString()), e.getMessage());
                    }
                }
            }
            f.open = true;
        }

        void retag(Filing f) {
            if (f.heard != null && f.heard.identity() != null) {
                rewriteTags(f.target, f.probed, f.row, f.identification, f.heard.identity());
            }
        }

        void artwork(Filing f) {
            f.art = f.match != null && f.match.identified() ? fetchArtwork(f.match, f.target)
                    : f.heard != null && f.heard.identity() != null ? cover(f.heard.identity(), f.target) : Map.of();
        }

        /** The sidecar and the row of a file in place. */
        void record(Filing f) throws IOException, SQLException {
            MediaRow row = f.row;
            Path target = f.target;
            Path file = f.file;
            row.status = row.identifiedByItsMethod() ? "identified" : "unidentified";
            row.updatedAt = now();
            writeSidecar(target, row, f.parsed, f.probed, f.probeNote, f.identification, f.art, f.companionsFiled);
            if (!f.inPlace && file.startsWith(s.library()) && Files.isRegularFile(f.oldSidecar, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(f.oldSidecar);
            }
            repo.update(row);
            result.written(1).count(row.status, 1);
            LOG.info("intake: {} -> {} ({}{})", printable(row.sourceName), row.path, row.status,
                    row.errorText == null ? "" : ": " + row.errorText);
        }

        private TmdbIdentifier.Match identify(ParsedName parsed, MediaProbe.Result probed, Long forced, Map<String, Object> identification) {
            TmdbIdentifier.Match match;
            if (identifier == null) {
                match = TmdbIdentifier.Match.none(TmdbIdentifier.isEpisode(parsed) ? "episode" : "movie", parsed.title(),
                        "TMDB_READ_ACCESS_TOKEN is not set");
            } else {
                try {
                    match = identifier.identify(parsed, probed == null ? null : probed.durationSeconds(), forced);
                } catch (ServiceException e) {
                    match = TmdbIdentifier.Match.none(TmdbIdentifier.isEpisode(parsed) ? "episode" : "movie", parsed.title(), e.getMessage());
                }
            }
            identification.put("method", match.method());
            identification.put("query", match.query());
            if (!match.identified()) {
                identification.put("reason", match.reason());
            } else {
                identification.put("tmdb", match);
            }
            return match;
        }

        private Path videoTarget(ParsedName parsed, TmdbIdentifier.Match m, MediaRow row, String ext) {
            boolean episode = m.identified() ? "episode".equals(m.kind()) : TmdbIdentifier.isEpisode(parsed);
            String title = m.identified() ? m.title() : parsed.title();
            if (title == null || title.isBlank()) {
                title = LibraryNames.stem(Path.of(row.sourceName).getFileName().toString());
            }
            Integer year = m.identified() ? m.year() : parsed.year();
            row.kind = episode ? "episode" : "movie";
            row.title = title;
            row.year = year;
            row.method = m.method();
            row.errorText = m.identified() ? null : m.reason();
            if (m.identified()) {
                row.tmdbId = m.tmdbId();
                row.imdbId = m.imdbId();
            } else {
                row.tmdbId = null;
                row.imdbId = null;
            }
            if (!episode) {
                return LibraryNames.movie(title, year, ext);
            }
            int season = parsed.season() == null ? 1 : parsed.season();
            List<Integer> eps = parsed.episodes();
            row.season = season;
            row.episode = eps.isEmpty() ? null : eps.get(0);
            row.episodeLast = eps.size() > 1 ? eps.get(eps.size() - 1) : null;
            row.episodeTitle = m.identified() && m.episodeTitle() != null ? m.episodeTitle() : parsed.episodeTitle();
            return LibraryNames.episode(title, year, season, eps, row.episodeTitle, ext);
        }

        /**
         * Where an audio file goes: by what AcoustID and MusicBrainz said (the album from its tags when no release was
         * accepted), else by its tags, else by its name. The notes of the steps that could not be taken are the reason.
         */
        private Path musicTarget(ParsedName parsed, MediaProbe.Result probed, MediaRow row, String ext, Map<String, Object> identification,
                                 MusicIdentifier.Outcome heard) {
            String artist = probed == null ? null : first(probed.tag("album_artist"), probed.tag("artist"));
            String album = probed == null ? null : probed.tag("album");
            String title = probed == null ? null : probed.tag("title");
            Integer track = probed == null ? null : MusicIdentifier.leadingNumber(probed.tag("track"));
            Integer year = probed == null ? null : MusicIdentifier.leadingNumber(probed.tag("date"));
            if (year != null && (year < 1000 || year > 2999)) {
                year = null;
            }
            List<String> notes = new ArrayList<>(heard.notes());
            MusicIdentity id = heard.identity();
            boolean tagged = artist != null && title != null;
            if (id != null) {
                artist = id.folderArtist();
                title = id.title();
                if (id.album() != null) {
                    album = id.album();
                    track = id.track();
                    year = id.year();
                }
                row.method = id.method();
                identification.put("musicbrainz", id.ids());
            } else if (tagged) {
                row.method = "tags";
                notes.add("filed by its tags");
            } else {
                row.method = "parsed-name";
                notes.add("no artist and title tags; filed by its name");
            }
            if (title == null) {
                title = parsed.title() != null ? parsed.title() : LibraryNames.stem(Path.of(row.sourceName).getFileName().toString());
            }
            row.kind = "music";
            row.title = title;
            row.artist = artist;
            row.album = album;
            row.year = year;
            row.errorText = notes.isEmpty() ? null : String.join("; ", notes);
            identification.put("method", row.method);
            if (row.errorText != null) {
                identification.put("reason", row.errorText);
            }
            return LibraryNames.music(artist, album, year, track, title, ext);
        }

        /**
         * After an identified audio file is in place: its tags rewritten (unless INTAKE_REWRITE_TAGS=false) and the album's
         * front cover from the Cover Art Archive as {@code cover.jpg} beside it (unless INTAKE_ARTWORK=false, or one is
         * there). A failure of either is noted (row, sidecar, log) and never fails the file: it keeps its own tags.
         */
        private void rewriteTags(Path target, MediaProbe.Result probed, MediaRow row, Map<String, Object> identification, MusicIdentity id) {
            if (s.music().rewriteTags()) {
                Map<String, Object> tags = new LinkedHashMap<>();
                identification.put("tags", tags);
                try {
                    Map<String, String> written = tagWriter.rewrite(target, id, probed);
                    tags.put("written", written.isEmpty() ? "already as MusicBrainz has them" : written);
                } catch (ToolRunner.ToolException | IOException e) {
                    String why = "its tags could not be rewritten (" + e.getMessage() + "); it keeps its own";
                    tags.put("error", why);
                    row.errorText = row.errorText == null ? why : row.errorText + "; " + why;
                    identification.put("reason", row.errorText);
                    LOG.warn("intake: {}: {}", printable(row.sourceName), why);
                }
            }
        }

        /** The album's front cover from the Cover Art Archive as {@code cover.jpg} beside an identified track. */
        private Map<String, Object> cover(MusicIdentity id, Path target) {
            Map<String, Object> art = new LinkedHashMap<>();
            if (!s.artwork() || !MusicBrainzClient.isMbid(id.releaseId())) {
                return art;
            }
            if (Boolean.FALSE.equals(id.frontCover())) {
                art.put("cover_error", "MusicBrainz lists no front cover for release " + id.releaseId());
                return art;
            }
            Path cover = target.resolveSibling("cover.jpg");
            try {
                artwork.cover(id.releaseId(), cover);
                if (Files.exists(cover)) {
                    art.put("cover", s.library().relativize(cover).toString());
                }
            } catch (IOException | IllegalArgumentException e) {
                art.put("cover_error", e.getMessage());
                LOG.warn("intake: the cover of {} not fetched: {}", printable(String.valueOf(id.album())), e.getMessage());
            }
            return art;
        }

        /** The target, or the first free {@code Name (n).ext}; null when the same content already sits at one of them. */
        private Path freeTarget(Path rel, String hash, Path self) throws IOException {
            Path base = s.library().resolve(rel).normalize();
            for (int n = 1; n < 10_000; n++) {
                Path t = base.resolveSibling(LibraryNames.withSuffix(base.getFileName().toString(), n));
                if (!t.startsWith(s.library()) || t.equals(s.library())) {
                    throw new IOException("the target " + t + " would leave the library root " + s.library());
                }
                if (t.equals(self)) {
                    return t;
                }
                if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS) && !Files.exists(sidecarOf(t), LinkOption.NOFOLLOW_LINKS)) {
                    return t;
                }
                if (Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS) && Files.size(t) == Files.size(s.library().resolve(rel))
                        && hash.equals(FileMover.sha256(t))) {
                    return null;
                }
            }
            throw new IOException("no free name for " + rel + " after 9,999 tries");
        }

        private Path companionTarget(Path companion, Path video, Path videoTarget) throws IOException {
            String n = companion.getFileName().toString();
            String videoStem = LibraryNames.stem(video.getFileName().toString());
            String targetStem = LibraryNames.stem(videoTarget.getFileName().toString());
            String name;
            if (MediaKinds.isImage(n)) {
                String base = n.startsWith(videoStem) ? n.substring(videoStem.length()).replaceFirst("^[.-]", "") : n;
                String lower = base.toLowerCase(Locale.ROOT);
                if (!lower.matches("(poster|folder|cover|fanart|backdrop|banner|logo|thumb|landscape|clearart|disc)\\.[a-z]+")) {
                    return null;
                }
                name = lower;
            } else {
                String suffix = n.startsWith(videoStem + ".") ? n.substring(videoStem.length()) : languageSuffix(n);
                name = LibraryNames.companion(targetStem + LibraryNames.sanitise(suffix.replaceFirst("^\\.", "")).replaceFirst("^", "."));
            }
            Path t = videoTarget.resolveSibling(name);
            for (int i = 2; Files.exists(t, LinkOption.NOFOLLOW_LINKS); i++) {
                if (MediaKinds.isImage(n)) {
                    return null;
                }
                t = videoTarget.resolveSibling(LibraryNames.withSuffix(name, i));
            }
            return t.normalize().startsWith(s.library()) ? t : null;
        }

        /** {@code English.srt} → {@code .srt}; {@code movie.en.forced.srt} keeps {@code .en.forced.srt} when it starts with the video's name. */
        private String languageSuffix(String n) {
            String ext = LibraryNames.extension(n);
            String stem = LibraryNames.stem(n);
            var m = java.util.regex.Pattern.compile("\\.([a-z]{2,3}(\\.(forced|sdh|cc))?)$", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(stem);
            return (m.find() ? "." + m.group(1).toLowerCase(Locale.ROOT) : "") + ext;
        }

        private Map<String, Object> fetchArtwork(TmdbIdentifier.Match m, Path target) {
            Map<String, Object> art = new LinkedHashMap<>();
            if (!s.artwork()) {
                return art;
            }
            Path dir = "episode".equals(m.kind()) ? target.getParent().getParent() : target.getParent();
            for (String[] spec : new String[][] {{"poster", "w500", m.posterPath()}, {"backdrop", "original", m.backdropPath()}}) {
                if (spec[2] == null) {
                    continue;
                }
                Path file = dir.resolve(spec[0] + ".jpg");
                try {
                    artwork.fetch(spec[1], spec[2], file);
                    if (Files.exists(file)) {
                        art.put(spec[0], s.library().relativize(file).toString());
                    }
                } catch (IOException e) {
                    art.put(spec[0] + "_error", e.getMessage());
                    LOG.warn("intake: {} of {} not fetched: {}", spec[0], m.title(), e.getMessage());
                }
            }
            return art;
        }

        private void writeSidecar(Path target, MediaRow row, ParsedName parsed, MediaProbe.Result probed, String probeNote,
                                  Map<String, Object> identification, Map<String, Object> art, List<String> companions) throws IOException {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("media_id", row.mediaId);
            doc.put("filed_at", row.updatedAt);
            doc.put("source_name", row.sourceName);
            doc.put("path", row.path);
            doc.put("status", row.status);
            doc.put("kind", row.kind);
            doc.put("title", row.title);
            doc.put("year", row.year);
            if (row.season != null) {
                doc.put("season", row.season);
                doc.put("episode", row.episode);
                doc.put("episode_last", row.episodeLast);
                doc.put("episode_title", row.episodeTitle);
            }
            if ("music".equals(row.kind)) {
                doc.put("artist", row.artist);
                doc.put("album", row.album);
            }
            doc.put("tmdb_id", row.tmdbId);
            doc.put("imdb_id", row.imdbId);
            doc.put("size_bytes", row.sizeBytes);
            doc.put("content_hash", "sha256:" + row.contentHash);
            doc.put("parsed_name", parsed.properties());
            doc.put("probe", probed != null ? probed : Map.of("error", String.valueOf(probeNote)));
            doc.put("identification", identification);
            doc.put("artwork", art);
            doc.put("companions", companions);
            Path sidecar = sidecarOf(target);
            Path staging = sidecar.resolveSibling("." + sidecar.getFileName() + FileMover.STAGING_SUFFIX);
            Files.write(staging, json.writeValueAsBytes(doc));
            Files.move(staging, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        /**
         * Moves what could not be taken to {@code .failed/} (keeping its folder within a release), with {@code NAME.error.txt}
         * beside it saying why, and records the row (status {@code failed} or {@code duplicate}) when there is one.
         */
        void fail(Path file, MediaRow row, String reason, String status) throws IOException, SQLException {
            if (!file.startsWith(s.inbox())) {
                // identify on a file in the library or elsewhere: nothing is moved, the caller reports the reason.
                throw new IdentifyException(reason);
            }
            if (file.startsWith(s.failed())) {
                // identify on a file already in .failed/: it stays, its reason and row are brought up to date.
                Files.writeString(file.resolveSibling(file.getFileName() + ERROR_TXT), "Mediahub could not file "
                        + printable(s.failed().relativize(file).toString()) + "\nReason: " + reason + "\nWhen: " + now() + "\n", StandardCharsets.UTF_8);
                if (row != null) {
                    row.status = status;
                    row.errorText = reason;
                    row.path = null;
                    row.updatedAt = now();
                    if (row.mediaId == 0) {
                        repo.insert(row);
                    } else {
                        repo.update(row);
                    }
                }
                throw new IdentifyException(reason);
            }
            Path rel = s.inbox().relativize(file);
            Path target = s.failed().resolve(rel).normalize();
            if (!target.startsWith(s.failed())) {
                target = s.failed().resolve(LibraryNames.sanitise(file.getFileName().toString()));
            }
            Files.createDirectories(target.getParent());
            // Room for ".error.txt" beside it: a name the inbox took at 255 bytes is shortened in .failed/.
            int room = LibraryNames.MAX_NAME_BYTES - ERROR_TXT.length();
            String base = target.getFileName().toString();
            target = target.resolveSibling(LibraryNames.withSuffix(base, 1, room));
            for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(target.resolveSibling(target.getFileName() + ERROR_TXT), LinkOption.NOFOLLOW_LINKS); n++) {
                target = target.resolveSibling(LibraryNames.withSuffix(base, n, room));
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                // .failed/ is inside the inbox: one file system, a rename (the target was checked free above).
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            }
            String text = "Mediahub could not file " + printable(rel.toString()) + "\n"
                    + "Reason: " + reason + "\n"
                    + "When: " + now() + "\n"
                    + (row != null && row.contentHash != null ? "SHA-256: " + row.contentHash + "\n" : "")
                    + "Put it back in the inbox (or run: " + LaunchCommand.verb("identify PATH") + ") once the cause is fixed.\n";
            Files.writeString(target.resolveSibling(target.getFileName() + ERROR_TXT), text, StandardCharsets.UTF_8);
            if (row != null) {
                row.status = status;
                row.errorText = reason;
                row.path = null;
                if (row.kind == null) {
                    row.kind = MediaKinds.isAudio(file.getFileName().toString()) ? "music" : "other";
                }
                row.updatedAt = now();
                if (row.mediaId == 0) {
                    repo.insert(row);
                } else {
                    repo.update(row);
                }
            }
            if (!"duplicate".equals(status)) {
                result.count("failed", 1);
            }
            LOG.warn("intake: {} -> .failed/{}: {}", printable(rel.toString()), printable(s.failed().relativize(target).toString()), reason);
        }

        MediaRow newRow(String source, long size) {
            MediaRow row = new MediaRow();
            row.sourceName = source;
            row.sizeBytes = size;
            row.addedAt = now();
            row.updatedAt = row.addedAt;
            row.kind = "other";
            return row;
        }

        /**
         * A name the file system holds but text cannot (invalid UTF-8) is renamed in place to its readable form first, so the
         * tools, the store and the logs all see one name.
         */
        private Path safeName(Path p) throws IOException {
            String text = p.getFileName().toString();
            if (p.equals(p.resolveSibling(text)) && p.getFileSystem().getPath(p.toString()).equals(p)) {
                return p;
            }
            String fixed = text.replace('\uFFFD', '_');
            Path t = p.resolveSibling(fixed);
            for (int n = 2; Files.exists(t, LinkOption.NOFOLLOW_LINKS); n++) {
                t = p.resolveSibling(LibraryNames.withSuffix(fixed, n));
            }
            Files.move(p, t, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("intake: a name that is not valid UTF-8 was renamed to {}", printable(t.getFileName().toString()));
            result.count("renamed_invalid_names", 1);
            return t;
        }

        private void removeEmptyFolders(Path dir) throws IOException {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            List<Path> children;
            try (Stream<Path> st = Files.list(dir)) {
                children = st.toList();
            }
            for (Path c : children) {
                removeEmptyFolders(c);
            }
            try (Stream<Path> st = Files.list(dir)) {
                if (st.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    static Path sidecarOf(Path mediaFile) {
        return mediaFile.resolveSibling(LibraryNames.stem(mediaFile.getFileName().toString()) + ".mediahub.json");
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    String now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
