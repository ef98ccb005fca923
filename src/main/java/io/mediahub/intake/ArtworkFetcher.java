package io.mediahub.intake;

import io.mediahub.common.HttpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Downloads TMDb images ({@code <image-url>/<size><path>}) to a staging file, streamed, then moved into place; an
 * existing image is never overwritten. One attempt with the configured time-outs: artwork is a nicety, its failure
 * never stops a file being filed.
 */
public class ArtworkFetcher {
    private final String imageUrl;
    private final HttpSettings http;
    private final HttpClient client;

    public ArtworkFetcher(String imageUrl, HttpSettings http) {
        this.imageUrl = io.mediahub.common.JsonHttpClient.stripTrailingSlash(imageUrl);
        this.http = http;
        this.client = HttpClient.newBuilder().connectTimeout(http.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Fetches {@code size}/{@code tmdbPath} into {@code target} unless it exists; returns true when a file was written. */
    public boolean fetch(String size, String tmdbPath, Path target) throws IOException {
        if (tmdbPath == null || !tmdbPath.matches("/[A-Za-z0-9._-]+") || Files.exists(target)) {
            return false;
        }
        URI uri = URI.create(imageUrl + "/" + size + tmdbPath);
        Path staging = target.resolveSibling("." + target.getFileName() + FileMover.STAGING_SUFFIX);
        try {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(http.readTimeout()).header("User-Agent", "Mediahub")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IOException("TMDb images at " + imageUrl + " answered " + r.statusCode() + " for " + size + tmdbPath);
                }
                Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(target)) {
                return false;
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + size + tmdbPath);
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
