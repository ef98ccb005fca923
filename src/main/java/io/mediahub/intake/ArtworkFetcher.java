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
 * Downloads artwork — TMDb images ({@code <image-url>/<size><path>}), Cover Art Archive front covers — to a staging
 * file, streamed, then moved into place; an existing image is never overwritten. One attempt with the configured
 * time-outs: artwork is a nicety, its failure never stops a file being filed.
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
        return download(URI.create(imageUrl + "/" + size + tmdbPath), "TMDb images at " + imageUrl, size + tmdbPath, target);
    }

    /**
     * Fetches {@code uri} (redirects followed) into {@code target} unless it exists; returns true when a file was written.
     *
     * @param service what the errors name ("Cover Art Archive at https://coverartarchive.org")
     * @param what    what was asked for, for the errors
     */
    public boolean download(URI uri, String service, String what, Path target) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        Path staging = target.resolveSibling("." + target.getFileName() + FileMover.STAGING_SUFFIX);
        try {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(http.readTimeout()).header("User-Agent", "Mediahub")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IOException(service + " answered " + r.statusCode() + " for " + what);
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
            throw new IOException("interrupted while fetching " + what);
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
