package io.mediahub.arr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One media file of Radarr (a movie's file) or Sonarr (an episode file, possibly several episodes) with everything
 * the analysis and the outputs need. Plain data: no Camel, no JDBC.
 *
 * @param itemKey  {@code movie:<id>} or {@code series:<id>:S01E02[-E03]}: what a file is "for", so an upgrade can be seen
 *                 as the same item with a new file id
 * @param episode  Sonarr: {@code S01E02} or {@code S01E02-E03}; Radarr: null
 * @param recordedAt when the run that saw it started, {@code YYYY-MM-DD HH:MM:SS} UTC
 */
public record ArrFile(ArrService service, String itemKey, long itemId, long fileId, String title, Integer year, Integer seasonNumber,
                      String episode, String episodeTitle, String airDate, String path, long sizeBytes, String quality,
                      String resolution, String codec, String audio, String hdr, String releaseGroup, List<FormatScore> formats,
                      int totalScore, Integer profileId, String profileName, Integer cutoffScore, Integer minScore,
                      Boolean meetsCutoffScore, Boolean qualityCutoffMet, Boolean upgradeAllowed, String imdbId, Integer tmdbId,
                      Integer tvdbId, String network, String dateAdded, String recordedAt) {

    public static final double GIB = 1024.0 * 1024 * 1024;

    public double sizeGb() {
        return sizeBytes / GIB;
    }

    /** {@code Name (+N); Name (-M)}. */
    public String formatsLabel() {
        return formats.stream().map(FormatScore::label).collect(Collectors.joining("; "));
    }

    /** What the UI shows: the movie title, or {@code Series - S01E02 - Episode title}. */
    public String displayTitle() {
        if (service == ArrService.RADARR) {
            return title;
        }
        return title + " - " + episode + (episodeTitle == null || episodeTitle.isBlank() ? "" : " - " + episodeTitle);
    }

    /** Radarr/Sonarr would look for an upgrade itself: below the cutoff score or the cutoff quality, upgrades allowed. */
    public boolean serviceWouldUpgrade() {
        return Boolean.TRUE.equals(upgradeAllowed)
                && (Boolean.FALSE.equals(meetsCutoffScore) || Boolean.FALSE.equals(qualityCutoffMet));
    }

    public ArrFile withRecordedAt(String at) {
        return new ArrFile(service, itemKey, itemId, fileId, title, year, seasonNumber, episode, episodeTitle, airDate, path, sizeBytes,
                quality, resolution, codec, audio, hdr, releaseGroup, formats, totalScore, profileId, profileName, cutoffScore, minScore,
                meetsCutoffScore, qualityCutoffMet, upgradeAllowed, imdbId, tmdbId, tvdbId, network, dateAdded, at);
    }
}
