package io.mediahub.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What AcoustID and MusicBrainz say an audio file is; null fields are unknown.
 *
 * @param method       {@code acoustid} (fingerprint, then MusicBrainz's release) or {@code musicbrainz-name} (the release search)
 * @param frontCover   whether MusicBrainz says the Cover Art Archive has a front cover (null: it did not say)
 */
public record MusicIdentity(String method, String title, String artist, String artistId, String album, String albumArtist,
                            String albumArtistId, String date, Integer track, Integer trackTotal, Integer disc, Integer discTotal,
                            Long lengthMs, String recordingId, String releaseId, String releaseGroupId, String releaseTrackId,
                            String acoustId, Boolean frontCover) {

    /** The year of the release date, when it has one. */
    public Integer year() {
        if (date == null || !date.matches("\\d{4}.*")) {
            return null;
        }
        return Integer.valueOf(date.substring(0, 4));
    }

    /** The artist the album is filed under: the album artist, else the track's. */
    public String folderArtist() {
        return albumArtist != null && !albumArtist.isBlank() ? albumArtist : artist;
    }

    public MusicIdentity withMethod(String m, String acoustIdTrack) {
        return new MusicIdentity(m, title, artist, artistId, album, albumArtist, albumArtistId, date, track, trackTotal, disc, discTotal,
                lengthMs, recordingId, releaseId, releaseGroupId, releaseTrackId, acoustIdTrack, frontCover);
    }

    /** The MusicBrainz and AcoustID ids, for the sidecar (only those known). */
    public Map<String, String> ids() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "recording_id", recordingId);
        put(m, "release_id", releaseId);
        put(m, "release_group_id", releaseGroupId);
        put(m, "release_track_id", releaseTrackId);
        put(m, "artist_id", artistId);
        put(m, "album_artist_id", albumArtistId);
        put(m, "acoustid_id", acoustId);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
