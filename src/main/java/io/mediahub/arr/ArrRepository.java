package io.mediahub.arr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arr_* tables: runs, their profiles and files, and the score changes. Bound parameters only. */
public class ArrRepository {
    private static final int BATCH = 1000;
    private final Store store;
    private final ObjectMapper json;

    public ArrRepository(Store store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * One row of arr_runs.
     *
     * @param instance     the service's URL
     * @param instanceName the instance's name ({@code 4k} for {@code RADARR_4K_URL}); empty for the default instance
     */
    public record RunRow(long id, ArrService service, String instance, String version, String startedAt, String finishedAt, String status,
                         long files, long itemsWithoutFile, long belowCutoff, long unknownProfiles, long failedItems, long changes,
                         Double healthScore, String healthGrade, Double meanScore, String error, String instanceName) {

        /** A row of the default instance. */
        public RunRow(long id, ArrService service, String instance, String version, String startedAt, String finishedAt, String status,
                      long files, long itemsWithoutFile, long belowCutoff, long unknownProfiles, long failedItems, long changes,
                      Double healthScore, String healthGrade, Double meanScore, String error) {
            this(id, service, instance, version, startedAt, finishedAt, status, files, itemsWithoutFile, belowCutoff, unknownProfiles, failedItems,
                    changes, healthScore, healthGrade, meanScore, error, "");
        }
    }

    public long startRun(ArrInstance instance, String url, String startedAt) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO arr_runs (service, instance_name, instance, started_at, status) "
                     + "VALUES (?, ?, ?, ?, 'running')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, instance.service().id());
            ps.setString(2, instance.name());
            ps.setString(3, url);
            ps.setString(4, startedAt);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void failRun(long runId, String finishedAt, String error) throws SQLException {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE arr_runs SET status = 'failed', finished_at = ?, error_text = ? WHERE arr_run_id = ?")) {
            ps.setString(1, finishedAt);
            ps.setString(2, error);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    /** The run's summary columns, written in the caller's transaction. */
    public void finishRun(Connection c, RunRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE arr_runs SET version = ?, finished_at = ?, status = ?, files = ?, items_without_file = ?, "
                + "below_cutoff = ?, unknown_profiles = ?, failed_items = ?, changes = ?, health_score = ?, health_grade = ?, mean_score = ?, "
                + "error_text = ? WHERE arr_run_id = ?")) {
            ps.setString(1, r.version());
            ps.setString(2, r.finishedAt());
            ps.setString(3, r.status());
            ps.setLong(4, r.files());
            ps.setLong(5, r.itemsWithoutFile());
            ps.setLong(6, r.belowCutoff());
            ps.setLong(7, r.unknownProfiles());
            ps.setLong(8, r.failedItems());
            ps.setLong(9, r.changes());
            setDouble(ps, 10, r.healthScore());
            ps.setString(11, r.healthGrade());
            setDouble(ps, 12, r.meanScore());
            ps.setString(13, r.error());
            ps.setLong(14, r.id());
            ps.executeUpdate();
        }
    }

    public void insertProfiles(Connection c, long runId, Collection<QualityProfile> profiles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO arr_profiles (arr_run_id, profile_id, name, upgrade_allowed, cutoff_quality, "
                + "min_format_score, cutoff_format_score, format_scores) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (QualityProfile p : profiles) {
                ps.setLong(1, runId);
                ps.setInt(2, p.id());
                ps.setString(3, p.name());
                ps.setInt(4, p.upgradeAllowed() ? 1 : 0);
                ps.setString(5, p.cutoffQuality());
                ps.setInt(6, p.minFormatScore());
                ps.setInt(7, p.cutoffFormatScore());
                ps.setString(8, write(p.formatScores()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void insertFiles(Connection c, long runId, Collection<ArrFile> files) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO arr_files (arr_run_id, service, item_key, item_id, file_id, title, year, "
                + "season_number, episode, episode_title, air_date, path, size_bytes, quality, resolution, codec, audio, hdr, release_group, "
                + "custom_formats, total_score, profile_id, profile_name, cutoff_score, min_score, meets_cutoff_score, quality_cutoff_met, "
                + "upgrade_allowed, imdb_id, tmdb_id, tvdb_id, network, date_added) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (ArrFile f : files) {
                int i = 1;
                ps.setLong(i++, runId);
                ps.setString(i++, f.service().id());
                ps.setString(i++, f.itemKey());
                ps.setLong(i++, f.itemId());
                ps.setLong(i++, f.fileId());
                ps.setString(i++, f.title());
                setInt(ps, i++, f.year());
                setInt(ps, i++, f.seasonNumber());
                ps.setString(i++, f.episode());
                ps.setString(i++, f.episodeTitle());
                ps.setString(i++, f.airDate());
                ps.setString(i++, f.path());
                ps.setLong(i++, f.sizeBytes());
                ps.setString(i++, f.quality());
                ps.setString(i++, f.resolution());
                ps.setString(i++, f.codec());
                ps.setString(i++, f.audio());
                ps.setString(i++, f.hdr());
                ps.setString(i++, f.releaseGroup());
                ps.setString(i++, write(f.formats()));
                ps.setInt(i++, f.totalScore());
                setInt(ps, i++, f.profileId());
                ps.setString(i++, f.profileName());
                setInt(ps, i++, f.cutoffScore());
                setInt(ps, i++, f.minScore());
                setBool(ps, i++, f.meetsCutoffScore());
                setBool(ps, i++, f.qualityCutoffMet());
                setBool(ps, i++, f.upgradeAllowed());
                ps.setString(i++, f.imdbId());
                setInt(ps, i++, f.tmdbId());
                setInt(ps, i++, f.tvdbId());
                ps.setString(i++, f.network());
                ps.setString(i, f.dateAdded());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    public void insertChanges(Connection c, long runId, ArrService service, List<ScoreChange> changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO arr_score_changes (arr_run_id, service, item_key, file_id, title, change_type, "
                + "reason, previous_score, score, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (ScoreChange ch : changes) {
                ps.setLong(1, runId);
                ps.setString(2, service.id());
                ps.setString(3, ch.itemKey());
                ps.setLong(4, ch.fileId());
                ps.setString(5, ch.title());
                ps.setString(6, ch.type());
                ps.setString(7, ch.reason());
                setInt(ps, 8, ch.previousScore());
                setInt(ps, 9, ch.score());
                ps.setString(10, ch.changedAt());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The newest finished (ok or partial) run of the instance. */
    public Optional<RunRow> latestRun(ArrInstance instance) throws SQLException {
        List<RunRow> r = runs(instance, "AND status IN ('ok', 'partial') ORDER BY arr_run_id DESC LIMIT 1");
        return r.stream().findFirst();
    }

    /** Every finished run of the instance, oldest first. */
    public List<RunRow> finishedRuns(ArrInstance instance) throws SQLException {
        return runs(instance, "AND status IN ('ok', 'partial') ORDER BY arr_run_id");
    }

    private List<RunRow> runs(ArrInstance instance, String tail) throws SQLException {
        List<RunRow> out = new ArrayList<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM arr_runs WHERE service = ? AND instance_name = ? " + tail)) {
            ps.setString(1, instance.service().id());
            ps.setString(2, instance.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunRow(rs.getLong("arr_run_id"), ArrService.of(rs.getString("service")), rs.getString("instance"),
                            rs.getString("version"), rs.getString("started_at"), rs.getString("finished_at"), rs.getString("status"),
                            rs.getLong("files"), rs.getLong("items_without_file"), rs.getLong("below_cutoff"), rs.getLong("unknown_profiles"),
                            rs.getLong("failed_items"), rs.getLong("changes"), getDouble(rs, "health_score"), rs.getString("health_grade"),
                            getDouble(rs, "mean_score"), rs.getString("error_text"), rs.getString("instance_name")));
                }
            }
        }
        return out;
    }

    /** The files of one run, by item key, in title order. */
    public Map<String, ArrFile> files(long runId, ArrService service, String recordedAt) throws SQLException {
        Map<String, ArrFile> out = new LinkedHashMap<>();
        Map<String, String> pool = new java.util.HashMap<>();
        java.util.function.UnaryOperator<String> d = v -> v == null ? null : pool.computeIfAbsent(v, k -> k);
        TypeReference<List<FormatScore>> formatList = new TypeReference<>() { };
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM arr_files WHERE arr_run_id = ? ORDER BY title, episode, item_key")) {
            ps.setLong(1, runId);
            ps.setFetchSize(BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<FormatScore> formats = read(rs.getString("custom_formats"), formatList).stream()
                            .map(f -> new FormatScore(d.apply(f.name()), f.score())).toList();
                    ArrFile f = new ArrFile(service, rs.getString("item_key"), rs.getLong("item_id"), rs.getLong("file_id"), d.apply(rs.getString("title")),
                            getInt(rs, "year"), getInt(rs, "season_number"), rs.getString("episode"), rs.getString("episode_title"),
                            d.apply(rs.getString("air_date")), rs.getString("path"), rs.getLong("size_bytes"), d.apply(rs.getString("quality")),
                            d.apply(rs.getString("resolution")), d.apply(rs.getString("codec")), d.apply(rs.getString("audio")), d.apply(rs.getString("hdr")),
                            d.apply(rs.getString("release_group")), formats,
                            rs.getInt("total_score"), getInt(rs, "profile_id"), d.apply(rs.getString("profile_name")), getInt(rs, "cutoff_score"),
                            getInt(rs, "min_score"), getBool(rs, "meets_cutoff_score"), getBool(rs, "quality_cutoff_met"),
                            getBool(rs, "upgrade_allowed"), rs.getString("imdb_id"), getInt(rs, "tmdb_id"), getInt(rs, "tvdb_id"),
                            d.apply(rs.getString("network")), d.apply(rs.getString("date_added")), recordedAt);
                    out.put(f.itemKey(), f);
                }
            }
        }
        return out;
    }

    public Map<Integer, QualityProfile> profiles(long runId) throws SQLException {
        Map<Integer, QualityProfile> out = new LinkedHashMap<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM arr_profiles WHERE arr_run_id = ? ORDER BY profile_id")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt("profile_id"), new QualityProfile(rs.getInt("profile_id"), rs.getString("name"), rs.getInt("upgrade_allowed") == 1,
                            rs.getString("cutoff_quality"), rs.getInt("min_format_score"), rs.getInt("cutoff_format_score"),
                            read(rs.getString("format_scores"), new TypeReference<LinkedHashMap<String, Integer>>() { }), Map.of()));
                }
            }
        }
        return out;
    }

    /** The score changes of the instance recorded at or after {@code since}, oldest first. */
    public List<ScoreChange> changesSince(ArrInstance instance, Instant since) throws SQLException {
        List<ScoreChange> out = new ArrayList<>();
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT ch.* FROM arr_score_changes ch JOIN arr_runs r ON r.arr_run_id = ch.arr_run_id "
                     + "WHERE ch.service = ? AND r.instance_name = ? AND ch.changed_at >= ? ORDER BY ch.change_id")) {
            ps.setString(1, instance.service().id());
            ps.setString(2, instance.name());
            ps.setString(3, since.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScoreChange(rs.getString("item_key"), rs.getLong("file_id"), rs.getString("title"), rs.getString("change_type"),
                            rs.getString("reason"), getInt(rs, "previous_score"), getInt(rs, "score"), rs.getString("changed_at")));
                }
            }
        }
        return out;
    }

    /** Deletes runs (with their files, profiles and changes) started before {@code before}, always keeping the newest finished run. */
    public int pruneRuns(Connection c, ArrInstance instance, Instant before, long keepRunId) throws SQLException {
        List<Long> old = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT arr_run_id FROM arr_runs WHERE service = ? AND instance_name = ? AND started_at < ? "
                + "AND arr_run_id <> ?")) {
            ps.setString(1, instance.service().id());
            ps.setString(2, instance.name());
            ps.setString(3, before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()); // the format of started_at
            ps.setLong(4, keepRunId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    old.add(rs.getLong(1));
                }
            }
        }
        for (String table : new String[] {"arr_files", "arr_profiles", "arr_score_changes", "arr_runs"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE arr_run_id = ?")) {
                for (long id : old) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return old.size();
    }

    public Store store() {
        return store;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("arr_* row with unreadable JSON: " + e.getOriginalMessage());
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setBool(PreparedStatement ps, int i, Boolean v) throws SQLException {
        setInt(ps, i, v == null ? null : v ? 1 : 0);
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static Integer getInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Boolean getBool(ResultSet rs, String col) throws SQLException {
        Integer v = getInt(rs, col);
        return v == null ? null : v == 1;
    }

    private static Double getDouble(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
