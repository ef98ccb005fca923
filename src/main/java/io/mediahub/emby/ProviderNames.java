package io.mediahub.emby;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Provider-id keys spelled the way Emby spells them ({@code Tmdb}, {@code Imdb}, {@code Tvdb}, …), whatever case the server sent. */
final class ProviderNames {
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        for (String n : new String[] {"Tmdb", "Imdb", "Tvdb", "TvRage", "Zap2It", "TmdbCollection", "MusicBrainzAlbum",
                "MusicBrainzAlbumArtist", "MusicBrainzArtist", "MusicBrainzReleaseGroup", "MusicBrainzTrack", "MusicBrainzRecording",
                "AudioDbAlbum", "AudioDbArtist", "Gamesdb", "Tvcom", "AniDb", "AniList", "AniSearch", "Kitsu", "MyAnimeList"}) {
            KNOWN.put(n.toLowerCase(Locale.ROOT), n);
        }
    }

    private ProviderNames() {
    }

    static String normalise(String key) {
        String k = key.trim();
        String known = KNOWN.get(k.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }
}
