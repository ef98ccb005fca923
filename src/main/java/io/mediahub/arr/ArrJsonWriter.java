package io.mediahub.arr;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;

/**
 * The *Arr score exporter's JSON export: {@code {export_info{service_type, exported_at, total_files, exporter_version}, files[…]}},
 * each file with the *Arr score exporter's field names (those of its media_files table) and then Mediahub's, streamed.
 */
public final class ArrJsonWriter {
    public static final String EXPORTER_VERSION = "mediahub-arr-1";

    private ArrJsonWriter() {
    }

    public static void write(ArrService s, Collection<ArrFile> files, Instant exportedAt, Path file, ObjectMapper json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".arr-", ".json.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeObjectFieldStart("export_info");
                g.writeStringField("service_type", s.id());
                g.writeStringField("exported_at", exportedAt.toString());
                g.writeNumberField("total_files", files.size());
                g.writeStringField("exporter_version", EXPORTER_VERSION);
                g.writeEndObject();
                g.writeArrayFieldStart("files");
                for (ArrFile f : files) {
                    writeFile(g, s, f);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void writeFile(JsonGenerator g, ArrService s, ArrFile f) throws IOException {
        g.writeStartObject();
        g.writeStringField("unique_identifier", s.id() + ":" + f.itemKey() + ":" + f.fileId());
        g.writeNumberField("file_id", f.fileId());
        g.writeStringField("relative_path", f.path());
        g.writeStringField("title", f.displayTitle());
        g.writeNumberField("total_score", f.totalScore());
        g.writeArrayFieldStart("custom_formats");
        for (FormatScore cf : f.formats()) {
            g.writeStartObject();
            g.writeStringField("name", cf.name());
            g.writeNumberField("score", cf.score());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeInt(g, "quality_profile_id", f.profileId());
        g.writeStringField("quality_profile_name", f.profileName());
        g.writeStringField("quality", f.quality());
        g.writeStringField("codec", f.codec());
        g.writeStringField("resolution", f.resolution());
        g.writeNumberField("size_bytes", f.sizeBytes());
        g.writeStringField("recorded_at", f.recordedAt());
        g.writeStringField("file_modified_at", f.dateAdded());
        g.writeStringField("service_type", s.id());
        if (s == ArrService.RADARR) {
            g.writeNumberField("movie_id", f.itemId());
            g.writeStringField("movie_title", f.title());
            writeInt(g, "year", f.year());
            g.writeStringField("imdb_id", f.imdbId());
            writeInt(g, "tmdb_id", f.tmdbId());
        } else {
            g.writeNumberField("series_id", f.itemId());
            g.writeStringField("series_title", f.title());
            writeInt(g, "season_number", f.seasonNumber());
            g.writeStringField("episode", f.episode());
            g.writeStringField("episode_title", f.episodeTitle());
            g.writeStringField("air_date", f.airDate());
            g.writeStringField("network", f.network());
            writeInt(g, "tvdb_id", f.tvdbId());
        }
        writeInt(g, "cutoff_score", f.cutoffScore());
        writeInt(g, "min_score", f.minScore());
        writeBool(g, "meets_cutoff_score", f.meetsCutoffScore());
        writeBool(g, "quality_cutoff_met", f.qualityCutoffMet());
        writeBool(g, "upgrade_allowed", f.upgradeAllowed());
        g.writeStringField("audio", f.audio());
        g.writeStringField("hdr", f.hdr());
        g.writeStringField("release_group", f.releaseGroup());
        g.writeEndObject();
    }

    private static void writeInt(JsonGenerator g, String name, Integer v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static void writeBool(JsonGenerator g, String name, Boolean v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, v);
        }
    }
}
