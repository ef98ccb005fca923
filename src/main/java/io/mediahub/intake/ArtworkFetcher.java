package io.mediahub.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Artwork for a filed file — TMDb images ({@code <image-url>/<size><path>}), Cover Art Archive front covers — fetched
 * through the routes {@code intake-fetch-artwork} and {@code intake-fetch-cover} (routes/intake/), which stream the
 * image to a staging file and move it into place ({@link ArtworkDownload}); an existing image is never overwritten. One
 * attempt with the configured time-outs: artwork is a nicety, its failure never stops a file being filed.
 */
public class ArtworkFetcher {
    private final IntakeCalls calls;
    private final String imageUrl;
    private final String coverArtUrl;

    public ArtworkFetcher(IntakeCalls calls, String imageUrl, String coverArtUrl) {
        this.calls = calls;
        this.imageUrl = io.mediahub.common.Urls.stripTrailingSlash(imageUrl);
        this.coverArtUrl = io.mediahub.common.Urls.stripTrailingSlash(coverArtUrl);
    }

    /** Fetches {@code size}/{@code tmdbPath} into {@code target} unless it exists. */
    public void fetch(String size, String tmdbPath, Path target) throws IOException {
        if (tmdbPath == null || !tmdbPath.matches("/[A-Za-z0-9._-]+") || Files.exists(target)) {
            return;
        }
        String path = "/" + size + tmdbPath;
        calls.download(IntakeCalls.TMDB_IMAGE, variables(path, imageUrl + path, "TMDb images at " + imageUrl, size + tmdbPath, target));
    }

    /** Fetches the front cover of MusicBrainz release {@code releaseId} (an MBID) into {@code target} unless it exists. */
    public void cover(String releaseId, Path target) throws IOException {
        if (!MusicBrainzClient.isMbid(releaseId) || Files.exists(target)) {
            return;
        }
        String path = "/release/" + releaseId + "/front";
        calls.download(IntakeCalls.COVER, variables(path, coverArtUrl + path, "Cover Art Archive at " + coverArtUrl,
                "the front cover of release " + releaseId, target));
    }

    private static Map<String, Object> variables(String path, String uri, String service, String what, Path target) {
        return Map.of("httpPath", path, ArtworkDownload.URI, uri, ArtworkDownload.SERVICE, service, ArtworkDownload.WHAT, what,
                ArtworkDownload.TARGET, target);
    }
}
