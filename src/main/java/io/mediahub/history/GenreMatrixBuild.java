package io.mediahub.history;

import io.mediahub.config.Settings;
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
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of the {@code features-build-genres} flow (route {@code routes/features/features-build-genres.camel.yaml}),
 * and the loader {@code similar}/{@code recommend} use without Camel ({@link #current}, {@link #refresh}), both made of
 * the same stages: the source's stamp ({@link #stamp}), every row ({@link #rows}) and its content hash, the cached matrix
 * if its hash still matches ({@link #cached}), else a new one built in memory ({@link #build}, pure) and saved
 * ({@link #save}), and the stamp recorded beside the cache ({@link #recordStamp}).
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

    /** The flow's counts for {@code flow_runs}: items read, genres, and whether the matrix was rebuilt (then written). */
    public FlowResult result(GenreMatrix matrix, boolean rebuilt) {
        FlowResult result = new FlowResult().read(matrix.size()).count("genres", matrix.vocabulary().size());
        if (rebuilt) {
            result.written(matrix.size()).count("matrix_rebuilt", 1);
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
        String stamp = stamp();
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
        return refresh(force, stamp());
    }

    /** {@code stamp} is read before the rows: if they change in between, the next stamp differs and the rows are read again. */
    private Outcome refresh(boolean force, String stamp) throws SQLException {
        List<GenreSource.Row> rows = rows();
        String hash = contentHash(rows);
        GenreMatrix cached = cached(hash, force);
        Outcome o = cached != null ? new Outcome(cached, false) : new Outcome(save(build(rows, hash)), true);
        recordStamp(stamp, hash);
        return o;
    }

    /** The source's cheap stamp ({@link GenreSource#stamp}), read through the store's pool; null when the source cannot tell. */
    public String stamp() throws SQLException {
        try (Connection c = store.connection()) {
            return source.stamp(c);
        }
    }

    /** The stamp from the row of the source's stamp query (the route reads it with camel-sql); null when it cannot tell. */
    public String stamp(Map<String, Object> row) {
        return source.stamp(row);
    }

    /** Every row of the source, in item id order (one streaming read and grouping loop: it stays in Java). */
    public List<GenreSource.Row> rows() throws SQLException {
        List<GenreSource.Row> rows = new ArrayList<>();
        try (Connection c = store.connection()) {
            source.read(c, rows::add);
        }
        return rows;
    }

    /** The rows' content hash, which names what a matrix was built from. */
    public String contentHash(List<GenreSource.Row> rows) {
        return GenreMatrix.contentHash(source.name(), rows);
    }

    /** The cached matrix when its content hash is {@code hash} (and no rebuild is forced); null when it must be rebuilt. */
    public GenreMatrix cached(String hash, boolean force) {
        Path file = cacheFile();
        if (!force && Files.exists(file)) {
            try {
                GenreMatrix cached = GenreMatrix.load(file);
                if (cached.contentHash().equals(hash)) {
                    return cached;
                }
            } catch (IOException e) {
                LOG.warn("features-build-genres: the cached matrix cannot be read ({}); rebuilding it", e.getMessage());
            }
        }
        return null;
    }

    /** The matrix of these rows, in memory (pure: the hot loop over every item stays in Java). */
    public GenreMatrix build(List<GenreSource.Row> rows, String hash) {
        return GenreMatrix.build(rows, source.name(), hash);
    }

    /** Writes the matrix to the cache file (staged, then moved into place) and removes cache files of other format versions. */
    public GenreMatrix save(GenreMatrix m) {
        Path file = cacheFile();
        try {
            m.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the genre matrix to " + file + ": " + e.getMessage(), e);
        }
        LOG.info("features-build-genres: {} items x {} genres written to {}", m.size(), m.vocabulary().size(), file);
        removeOtherVersions(file);
        return m;
    }

    /** Written to a staging file and moved into place; no stamp (or a failure to write one) only costs the next query a full check. */
    public void recordStamp(String stamp, String hash) {
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
