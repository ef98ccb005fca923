package io.mediahub.intake.download;

import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** The {@code media} row of a filed download (kind {@code video} or {@code audio}, with its {@code source_url}): bound parameters only. */
public class DownloadMediaRows {
    /** What a download's row holds; {@code sourceName} is the page it came from, {@code sourceUrl} the URL given to download. */
    public record Row(String path, String kind, String title, String artist, Double durationSeconds, String container, long sizeBytes,
                      String contentHash, String sourceName, String sourceUrl, String now) {
    }

    private final Store store;

    public DownloadMediaRows(Store store) {
        this.store = store;
    }

    public void insert(Row r) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO media (path, kind, title, artist, duration_seconds, container, size_bytes, "
                     + "content_hash, status, method, source_name, source_url, added_at, updated_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'identified', 'yt-dlp', ?, ?, ?, ?)")) {
            ps.setString(1, r.path());
            ps.setString(2, r.kind());
            ps.setString(3, r.title());
            ps.setString(4, r.artist());
            if (r.durationSeconds() == null) {
                ps.setNull(5, Types.DOUBLE);
            } else {
                ps.setDouble(5, r.durationSeconds());
            }
            ps.setString(6, r.container());
            ps.setLong(7, r.sizeBytes());
            ps.setString(8, r.contentHash());
            ps.setString(9, r.sourceName());
            ps.setString(10, r.sourceUrl());
            ps.setString(11, r.now());
            ps.setString(12, r.now());
            ps.executeUpdate();
        }
    }
}
