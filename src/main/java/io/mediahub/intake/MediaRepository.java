package io.mediahub.intake;

import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code media} table: bound parameters only, one row per statement (each file is its own transaction). */
public class MediaRepository {
    private static final String COLUMNS = "path, kind, title, year, season, episode, episode_last, episode_title, artist, album, tmdb_id, "
            + "imdb_id, duration_seconds, container, video_codec, audio_codec, width, height, hdr, size_bytes, content_hash, status, method, "
            + "error_text, source_name, added_at, updated_at";

    private final Store store;

    public MediaRepository(Store store) {
        this.store = store;
    }

    public long insert(MediaRow r) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO media (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, r);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                r.mediaId = keys.getLong(1);
            }
            return r.mediaId;
        }
    }

    public void update(MediaRow r) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE media SET " + COLUMNS.replace(",", " = ?,") + " = ? WHERE media_id = ?")) {
            bind(ps, r);
            ps.setLong(28, r.mediaId);
            ps.executeUpdate();
        }
    }

    /** The rows holding this content, oldest first. */
    public List<MediaRow> byHash(String hash) throws SQLException {
        return query("SELECT media_id, " + COLUMNS + " FROM media WHERE content_hash = ? ORDER BY media_id", hash);
    }

    public Optional<MediaRow> byId(long id) throws SQLException {
        return query("SELECT media_id, " + COLUMNS + " FROM media WHERE media_id = ?", id).stream().findFirst();
    }

    public Optional<MediaRow> byPath(String path) throws SQLException {
        return query("SELECT media_id, " + COLUMNS + " FROM media WHERE path = ? AND status <> 'duplicate' AND status <> 'failed' "
                + "ORDER BY media_id DESC", path).stream().findFirst();
    }

    /** Every row that names a file in the library (for library-scan). */
    public List<MediaRow> inLibrary() throws SQLException {
        return query("SELECT media_id, " + COLUMNS + " FROM media WHERE path IS NOT NULL AND status <> 'duplicate' AND status <> 'failed'");
    }

    private List<MediaRow> query(String sql, Object... args) throws SQLException {
        List<MediaRow> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static MediaRow read(ResultSet rs) throws SQLException {
        MediaRow r = new MediaRow();
        r.mediaId = rs.getLong("media_id");
        r.path = rs.getString("path");
        r.kind = rs.getString("kind");
        r.title = rs.getString("title");
        r.year = integer(rs, "year");
        r.season = integer(rs, "season");
        r.episode = integer(rs, "episode");
        r.episodeLast = integer(rs, "episode_last");
        r.episodeTitle = rs.getString("episode_title");
        r.artist = rs.getString("artist");
        r.album = rs.getString("album");
        long tmdb = rs.getLong("tmdb_id");
        r.tmdbId = rs.wasNull() ? null : tmdb;
        r.imdbId = rs.getString("imdb_id");
        double d = rs.getDouble("duration_seconds");
        r.durationSeconds = rs.wasNull() ? null : d;
        r.container = rs.getString("container");
        r.videoCodec = rs.getString("video_codec");
        r.audioCodec = rs.getString("audio_codec");
        r.width = integer(rs, "width");
        r.height = integer(rs, "height");
        r.hdr = rs.getString("hdr");
        long size = rs.getLong("size_bytes");
        r.sizeBytes = rs.wasNull() ? null : size;
        r.contentHash = rs.getString("content_hash");
        r.status = rs.getString("status");
        r.method = rs.getString("method");
        r.errorText = rs.getString("error_text");
        r.sourceName = rs.getString("source_name");
        r.addedAt = rs.getString("added_at");
        r.updatedAt = rs.getString("updated_at");
        return r;
    }

    private static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, MediaRow r) throws SQLException {
        Object[] v = {r.path, r.kind, r.title, r.year, r.season, r.episode, r.episodeLast, r.episodeTitle, r.artist, r.album, r.tmdbId,
                r.imdbId, r.durationSeconds, r.container, r.videoCodec, r.audioCodec, r.width, r.height, r.hdr, r.sizeBytes, r.contentHash,
                r.status, r.method, r.errorText, r.sourceName, r.addedAt, r.updatedAt};
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v[i]);
            }
        }
    }
}
