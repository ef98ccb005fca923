package io.mediahub.history;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import io.mediahub.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code features-build-genres} flow, and the loader {@code similar}/{@code recommend} use: reads the genre source,
 * hashes it, and rebuilds the cached matrix only when the hash differs from the cached one (or with {@code --full}).
 */
public class GenreMatrixBuild {
    private static final Logger LOG = LoggerFactory.getLogger(GenreMatrixBuild.class);

    private final Settings settings;
    private final Store store;

    private final GenreSource source;

    public GenreMatrixBuild(Settings settings, Store store) {
        this(settings, store, GenreSource.named(settings.get("features.genre-source", "library")));
    }

    GenreMatrixBuild(Settings settings, Store store, GenreSource source) {
        this.settings = settings;
        this.store = store;
        this.source = source;
    }

    public Path cacheFile() {
        return settings.dataDir().resolve("cache").resolve(GenreMatrix.FILE_NAME);
    }

    public FlowResult run(FlowRequest request) throws SQLException {
        FlowResult result = new FlowResult();
        Outcome o = refresh(request.option("full"));
        result.read(o.matrix().size()).count("genres", o.matrix().vocabulary().size());
        if (o.rebuilt()) {
            result.written(o.matrix().size()).count("matrix_rebuilt", 1);
        } else {
            result.count("matrix_unchanged", 1);
        }
        return result;
    }

    /** What {@link #refresh} did. */
    public record Outcome(GenreMatrix matrix, boolean rebuilt) {
    }

    /** The stamp file next to the cache: the source's stamp when the cache was last checked against every row, and its hash. */
    Path stampFile() {
        Path f = cacheFile();
        return f.resolveSibling(f.getFileName().toString().replaceFirst("\\.bin$", ".stamp"));
    }

    /**
     * For queries ({@code similar}, {@code recommend}): the cached matrix straight away when the source's cheap stamp is the
     * one recorded when the cache was last checked against every row; otherwise what {@link #refresh} gives.
     */
    public GenreMatrix current() throws SQLException {
        String stamp;
        try (Connection c = store.connection()) {
            stamp = source.stamp(c);
        }
        Path file = cacheFile();
        if (stamp != null && Files.exists(file)) {
            try {
                List<String> recorded = Files.readAllLines(stampFile(), StandardCharsets.UTF_8);
                if (recorded.size() == 2 && recorded.get(0).equals(stamp)) {
                    GenreMatrix cached = GenreMatrix.load(file);
                    if (cached.contentHash().equals(recorded.get(1))) {
                        return cached;
                    }
                }
            } catch (IOException e) {
                LOG.debug("genre matrix stamp not usable ({}); checking every row", e.getMessage());
            }
        }
        return refresh(false, stamp).matrix();
    }

    /** The matrix for the library as it is now: the cached one if its hash still matches, else a new one, saved. */
    public Outcome refresh(boolean force) throws SQLException {
        String stamp;
        try (Connection c = store.connection()) {
            stamp = source.stamp(c);
        }
        return refresh(force, stamp);
    }

    /** {@code stamp} is read before the rows: if they change in between, the next stamp differs and the rows are read again. */
    private Outcome refresh(boolean force, String stamp) throws SQLException {
        List<GenreSource.Row> rows = new ArrayList<>();
        try (Connection c = store.connection()) {
            source.read(c, rows::add);
        }
        String hash = GenreMatrix.contentHash(source.name(), rows);
        Path file = cacheFile();
        if (!force && Files.exists(file)) {
            try {
                GenreMatrix cached = GenreMatrix.load(file);
                if (cached.contentHash().equals(hash)) {
                    recordStamp(stamp, hash);
                    return new Outcome(cached, false);
                }
            } catch (IOException e) {
                LOG.warn("features-build-genres: the cached matrix cannot be read ({}); rebuilding it", e.getMessage());
            }
        }
        GenreMatrix m = GenreMatrix.build(rows, source.name(), hash);
        try {
            m.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the genre matrix to " + file + ": " + e.getMessage(), e);
        }
        LOG.info("features-build-genres: {} items x {} genres written to {}", m.size(), m.vocabulary().size(), file);
        removeOtherVersions(file);
        recordStamp(stamp, hash);
        return new Outcome(m, true);
    }

    /** Written to a staging file and moved into place; no stamp (or a failure to write one) only costs the next query a full check. */
    private void recordStamp(String stamp, String hash) {
        Path f = stampFile();
        try {
            if (stamp == null) {
                Files.deleteIfExists(f);
                return;
            }
            Path staging = f.resolveSibling("." + f.getFileName() + ".tmp");
            Files.writeString(staging, stamp + "\n" + hash + "\n", StandardCharsets.UTF_8);
            Files.move(staging, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("features-build-genres: cannot write {}: {}", f, e.getMessage());
        }
    }

    /** Cache files of other format versions are never read again: removed once this version's file is in place. */
    private static void removeOtherVersions(Path file) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(file.getParent(), "genre-matrix-v*.bin")) {
            for (Path p : old) {
                if (!p.getFileName().equals(file.getFileName())) {
                    Files.deleteIfExists(p);
                    LOG.info("features-build-genres: removed {}, a cache of another format", p);
                }
            }
        } catch (IOException e) {
            LOG.warn("features-build-genres: cannot remove old cache files next to {}: {}", file, e.getMessage());
        }
    }
}
