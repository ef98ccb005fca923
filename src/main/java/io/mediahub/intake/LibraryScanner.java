package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import io.mediahub.intake.parse.FilenameParser;
import io.mediahub.intake.parse.ParsedName;
import io.mediahub.store.Store;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code library-scan} flow: walks {@code MEDIAHUB_LIBRARY_DIR}, adds a row
 * for every video or audio file no row names (from its {@code .mediahub.json} sidecar when it has one, else from its
 * name), flags rows whose file is gone as {@code missing} — kept, not deleted as the Media Library app did, so history and ids
 * survive a remount — and restores them when the file is back. A library root that does not exist fails the run
 * without touching a row when rows name files in it (an unmounted drive is not an empty library); before anything was
 * filed, it is simply nothing to do.
 */
public class LibraryScanner {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryScanner.class);

    private final Settings settings;
    private final MediaRepository repo;
    private final ObjectMapper json;
    private final Clock clock;

    public LibraryScanner(Settings settings, Store store, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.repo = new MediaRepository(store);
        this.json = json;
        this.clock = clock;
    }

    /** One run: the library's video and audio files, the rows that name files in it, and the counts. */
    public static final class Scan {
        final FlowRequest request;
        final FlowResult result = new FlowResult();
        final Path root;
        final List<Path> files = new ArrayList<>();
        final Map<String, MediaRow> byPath = new HashMap<>();
        final String now;

        Scan(FlowRequest request, Path root, String now) {
            this.request = request;
            this.root = root;
            this.now = now;
        }

        /** The files to look at, in the order the walk found them. */
        public List<Path> getFiles() {
            return files;
        }
    }

    /**
     * Stage 1 of {@code library-scan}: the library walked (hidden folders skipped, links never followed, counted) and
     * the rows that name files in it. A missing root fails the run without touching a row when rows name files in it.
     */
    public Scan start(FlowRequest request) throws IOException, SQLException {
        IntakeSettings s = IntakeSettings.from(settings);
        Path root = s.library();
        Scan scan = new Scan(request, root, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        FlowResult result = scan.result;
        if (!Files.isDirectory(root) && repo.inLibrary().isEmpty()) {
            LOG.info("library-scan: the library root {} does not exist yet and no file was filed; nothing to do", root);
            return scan;
        }
        if (!Files.isDirectory(root)) {
            throw new FlowFailedException("the library root " + root + " does not exist (not mounted?) — check MEDIAHUB_LIBRARY_DIR; "
                    + "no row was changed", result);
        }
        List<Path> files = scan.files;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String n = file.getFileName().toString();
                if (attrs.isSymbolicLink()) {
                    // Never followed: a link in the library could point anywhere on the machine.
                    LOG.warn("library-scan: {} is a symbolic link; not followed, not recorded", root.relativize(file));
                    result.count("links_skipped", 1);
                }
                if (attrs.isRegularFile() && !MediaKinds.leaveAlone(n) && (MediaKinds.isVideo(n) || MediaKinds.isAudio(n))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                LOG.warn("library-scan: cannot read {}: {}", file, exc.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        for (MediaRow r : repo.inLibrary()) {
            scan.byPath.merge(r.path, r, (a, b) -> a.mediaId > b.mediaId ? a : b);
        }
        return scan;
    }

    /** Stage 2, each file: a row added (from its sidecar when it has one), or a missing row restored. */
    public void file(Scan scan, Path f) throws IOException, SQLException {
        scan.request.checkNotStopping();
        String rel = scan.root.relativize(f).toString().replace('\\', '/');
        scan.result.read(1);
        MediaRow known = scan.byPath.remove(rel);
        if (known != null) {
            if ("missing".equals(known.status)) {
                known.status = known.identifiedByItsMethod() ? "identified" : "unidentified";
                known.errorText = null;
                known.updatedAt = scan.now;
                repo.update(known);
                scan.result.written(1).count("restored", 1);
            }
            return;
        }
        repo.insert(rowFor(f, rel, scan.now));
        scan.result.written(1).count("added", 1);
    }

    /** Stage 3: the rows whose files were not found flagged missing (kept, never deleted); the run's counts. */
    public FlowResult missing(Scan scan) throws SQLException {
        for (MediaRow gone : scan.byPath.values()) {
            if (!"missing".equals(gone.status) && !"filing".equals(gone.status)) {
                gone.status = "missing";
                gone.errorText = "the file was not found in the library on " + scan.now;
                gone.updatedAt = scan.now;
                repo.update(gone);
                scan.result.count("missing", 1);
            }
        }
        LOG.info("library-scan: {}", scan.result);
        return scan.result;
    }

    private MediaRow rowFor(Path f, String rel, String now) throws IOException {
        MediaRow r = new MediaRow();
        r.path = rel;
        r.sourceName = rel;
        r.sizeBytes = Files.size(f);
        r.contentHash = FileMover.sha256(f);
        r.addedAt = now;
        r.updatedAt = now;
        r.method = "library-scan";
        Path sidecar = InboxIntake.sidecarOf(f);
        JsonNode doc = null;
        if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            try {
                doc = json.readTree(sidecar.toFile());
            } catch (IOException e) {
                LOG.warn("library-scan: the sidecar of {} is unreadable ({}); using the name", rel, e.getMessage());
            }
        }
        if (doc != null) {
            r.kind = text(doc, "kind");
            r.title = text(doc, "title");
            r.year = integer(doc, "year");
            r.season = integer(doc, "season");
            r.episode = integer(doc, "episode");
            r.episodeLast = integer(doc, "episode_last");
            r.episodeTitle = text(doc, "episode_title");
            r.artist = text(doc, "artist");
            r.album = text(doc, "album");
            r.tmdbId = doc.path("tmdb_id").canConvertToLong() && doc.path("tmdb_id").asLong() > 0 ? doc.get("tmdb_id").asLong() : null;
            r.imdbId = text(doc, "imdb_id");
            JsonNode probe = doc.path("probe");
            r.durationSeconds = probe.hasNonNull("durationSeconds") ? probe.get("durationSeconds").asDouble() : null;
            r.container = text(probe, "container");
            r.videoCodec = text(probe, "videoCodec");
            r.width = integer(probe, "width");
            r.height = integer(probe, "height");
            r.hdr = text(probe, "hdr");
            r.method = "library-scan-sidecar";
        }
        if (r.kind == null || r.title == null) {
            // the library's own layout says what a file is: movies/Title (Year)/… is a movie, tv/Show (Year)/Season NN/… an episode
            ParsedName p = FilenameParser.parseInLibrary(rel);
            boolean audio = MediaKinds.isAudio(f.getFileName().toString());
            r.kind = audio ? "music" : TmdbIdentifier.isEpisode(p) ? "episode" : "movie";
            r.title = p.title() != null ? p.title() : LibraryNames.stem(f.getFileName().toString());
            r.year = p.year();
            if ("episode".equals(r.kind)) {
                r.season = p.season();
                r.episode = p.episodes().isEmpty() ? null : p.episodes().get(0);
                r.episodeTitle = p.episodeTitle();
            }
        }
        r.status = r.tmdbId != null ? "identified" : "unidentified";
        return r;
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.path(f);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Integer integer(JsonNode n, String f) {
        JsonNode v = n.path(f);
        return v.canConvertToInt() && !v.isNull() && !v.isMissingNode() ? v.asInt() : null;
    }
}
