package io.mediahub.emby;

import java.util.List;
import java.util.Map;

/** One library item as Mediahub stores it; built from the server's {@code BaseItemDto} by {@link LibraryItemMapper}. */
public record LibraryItem(
        String itemId,
        String name,
        String itemType,
        Long runtimeTicks,
        Long runtimeSeconds,
        Integer productionYear,
        String premiereDate,
        String seriesId,
        String seriesName,
        String seasonId,
        Integer seasonNumber,
        Integer episodeNumber,
        String path,
        String container,
        String videoCodec,
        Integer resolutionWidth,
        Integer resolutionHeight,
        Double communityRating,
        String officialRating,
        String overview,
        String dateCreated,
        String parentId,
        List<String> genres,
        List<String> tags,
        List<String> studios,
        Map<String, String> providerIds) {

    public boolean isEpisode() {
        return "Episode".equals(itemType);
    }

    public boolean isMovie() {
        return "Movie".equals(itemType);
    }

    public LibraryItem withGenres(List<String> g) {
        return new LibraryItem(itemId, name, itemType, runtimeTicks, runtimeSeconds, productionYear, premiereDate, seriesId, seriesName,
                seasonId, seasonNumber, episodeNumber, path, container, videoCodec, resolutionWidth, resolutionHeight, communityRating,
                officialRating, overview, dateCreated, parentId, g, tags, studios, providerIds);
    }
}
