package io.mediahub.arr;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One CSV per service (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break; UTF-8), the
 * original exporter's columns first and in its order, then Mediahub's. A text cell that a spreadsheet would read as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, as OWASP recommends
 * against CSV injection; numbers (a score of -50) are written as they are.
 */
public final class ArrCsvWriter {
    public static final List<String> RADARR_COLUMNS = List.of("Title", "Year", "File", "Total_Score", "Quality_Profile", "Quality", "Resolution",
            "Codec", "Size_GB", "IMDB_ID", "TMDB_ID", "Custom_Formats", "Recorded_At");
    public static final List<String> SONARR_COLUMNS = List.of("Series_Title", "Episode", "Episode_Title", "File", "Total_Score", "Quality_Profile",
            "Quality", "Resolution", "Codec", "Size_GB", "Network", "Air_Date", "TVDB_ID", "Custom_Formats", "Recorded_At");
    public static final List<String> EXTRA_COLUMNS = List.of("Cutoff_Score", "Min_Score", "Meets_Cutoff_Score", "Quality_Cutoff_Met",
            "Upgrade_Allowed", "Audio", "HDR", "Release_Group", "Date_Added", "Size_Bytes");

    private ArrCsvWriter() {
    }

    public static List<String> header(ArrService s) {
        List<String> h = new ArrayList<>(s == ArrService.RADARR ? RADARR_COLUMNS : SONARR_COLUMNS);
        h.addAll(EXTRA_COLUMNS);
        return h;
    }

    /** Writes {@code file} through a temporary file, so a reader never sees half of it. */
    public static void write(ArrService s, Collection<ArrFile> files, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".arr-", ".csv.tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(s, files, w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(ArrService s, Collection<ArrFile> files, Writer w) throws IOException {
        row(w, header(s));
        for (ArrFile f : files) {
            List<String> r = new ArrayList<>();
            if (s == ArrService.RADARR) {
                r.addAll(List.of(n(f.title()), n(f.year()), n(f.path()), String.valueOf(f.totalScore()), n(f.profileName()), n(f.quality()),
                        n(f.resolution()), n(f.codec()), sizeGb(f.sizeBytes()), n(f.imdbId()), n(f.tmdbId()), f.formatsLabel(), n(f.recordedAt())));
            } else {
                r.addAll(List.of(n(f.title()), n(f.episode()), n(f.episodeTitle()), n(f.path()), String.valueOf(f.totalScore()), n(f.profileName()),
                        n(f.quality()), n(f.resolution()), n(f.codec()), sizeGb(f.sizeBytes()), n(f.network()), n(f.airDate()), n(f.tvdbId()),
                        f.formatsLabel(), n(f.recordedAt())));
            }
            r.addAll(List.of(n(f.cutoffScore()), n(f.minScore()), n(f.meetsCutoffScore()), n(f.qualityCutoffMet()), n(f.upgradeAllowed()),
                    n(f.audio()), n(f.hdr()), n(f.releaseGroup()), n(f.dateAdded()), String.valueOf(f.sizeBytes())));
            row(w, r);
        }
    }

    /** bytes / 1024³, two decimals. */
    public static String sizeGb(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / ArrFile.GIB);
    }

    private static String n(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static void row(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields.get(i)));
        }
        w.write("\r\n");
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    static String field(String value) {
        String v = neutralised(value);
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** {@code v} with a leading {@code '} when a spreadsheet would take it for a formula; numbers unchanged. */
    static String neutralised(String v) {
        if (v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0 || NUMBER.matcher(v).matches()) {
            return v;
        }
        return "'" + v;
    }
}
