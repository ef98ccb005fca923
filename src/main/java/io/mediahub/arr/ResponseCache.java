package io.mediahub.arr;

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
 * API answers kept on disk for a while ({@code arr.cache-ttl}), so a second export within the hour does not ask the
 * service again. Files are named by a hash of the URL path and query (never the key) and written whole-or-not-at-all.
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

    /** Copies {@code body} into the cache (through a temporary file) and returns the cached file. */
    public Path store(String pathAndQuery, InputStream body) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "part-", ".tmp");
            try {
                Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
                Path f = fileFor(pathAndQuery);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return f;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
