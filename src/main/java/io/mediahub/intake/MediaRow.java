package io.mediahub.intake;

/** One row of the {@code media} table, as the intake builds it up while a file goes through (fields may be null). */
public final class MediaRow {
    public long mediaId;
    public String path;
    public String kind;
    public String title;
    public Integer year;
    public Integer season;
    public Integer episode;
    public Integer episodeLast;
    public String episodeTitle;
    public String artist;
    public String album;
    public Long tmdbId;
    public String imdbId;
    public Double durationSeconds;
    public String container;
    public String videoCodec;
    public String audioCodec;
    public Integer width;
    public Integer height;
    public String hdr;
    public Long sizeBytes;
    public String contentHash;
    public String status;
    public String method;
    public String errorText;
    public String sourceName;
    public String addedAt;
    public String updatedAt;

    /** The methods that identify a file without TMDb: the audio path's. */
    static final java.util.Set<String> AUDIO_IDENTIFIED = java.util.Set.of("acoustid", "musicbrainz-name", "tags");

    /** Whether the row's file counts as identified: a TMDb id, or audio identified by its fingerprint, MusicBrainz or its tags. */
    public boolean identifiedByItsMethod() {
        return tmdbId != null || AUDIO_IDENTIFIED.contains(method);
    }
}
