package io.mediahub.arr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API answers that change slowly (quality profiles, custom formats) kept on disk for a while ({@code arr.cache-ttl}),
 * so a second export within the hour does not ask for them again; only answers that parsed are kept. Files are named by a hash of the URL path and query (never the key) and written whole-or-not-at-all.
 */
public final class ResponseCache {
    private final Path dir;
    private final Duration ttl;
    private final Clock clock;
    final AtomicLong hits = new AtomicLong();
    final AtomicLong misses = new AtomicLong();

    public ResponseCache(Path dir, Duration ttl, Clock clock) {
        this.dir = dir;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Path fileFor(String pathAndQuery) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(pathAndQuery.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(d, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cached answer when it is younger than the TTL; an expired one is deleted. */
    public Optional<Path> fresh(String pathAndQuery) {
        Path f = fileFor(pathAndQuery);
        try {
            if (Files.isRegularFile(f)) {
                if (Files.getLastModifiedTime(f).toInstant().plus(ttl).isAfter(clock.instant())) {
                    hits.incrementAndGet();
                    return Optional.of(f);
                }
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // an unreadable cache entry is a miss
        }
        misses.incrementAndGet();
        return Optional.empty();
    }

    /**
     * The cached answer as JSON, when there is a fresh one that still parses; one that no longer does (kept by an
     * earlier version, damaged on disk) is forgotten, so the service is asked again.
     */
    public Optional<JsonNode> read(String pathAndQuery, ObjectMapper json) {
        Optional<Path> f = fresh(pathAndQuery);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(f.get())) {
            JsonNode node = json.readTree(in);
            if (node != null && !node.isMissingNode()) {
                return Optional.of(node);
            }
        } catch (IOException e) {
            // falls through: asked again
        }
        evict(pathAndQuery);
        return Optional.empty();
    }

    /**
     * Keeps {@code answer}, an answer that parsed (a body that does not parse, a proxy's login page with status 200,
     * never gets here), written to a temporary file and moved into place whole.
     */
    public void store(String pathAndQuery, JsonNode answer, ObjectMapper json) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "part-", ".tmp");
            try {
                json.writeValue(tmp.toFile(), answer);
                Files.move(tmp, fileFor(pathAndQuery), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the cached answer (one that no longer parses). */
    public void evict(String pathAndQuery) {
        try {
            Files.deleteIfExists(fileFor(pathAndQuery));
        } catch (IOException e) {
            // the next fresh() reads it again and fails the same way; nothing to add here
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
