package io.mediahub.arr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the services' JSON (quality profiles, Radarr movies with their embedded file, Sonarr episode files with their
 * episodes) into {@link QualityProfile}s and {@link ArrFile}s, with the scoring and derivation rules of the *Arr score exporter
 * exporter. Pure functions; the {@link Problems} it is given counts what it had to work around.
 */
public final class ArrFileMapper {
    /** Scores beyond this are kept but counted as absurd (Radarr caps nothing; a typo of 100000 happens). */
    public static final int ABSURD_SCORE = 100_000;

    /** What the mapping had to work around, counted for the run's result. */
    public static final class Problems {
        public final Map<String, Long> counts = new java.util.concurrent.ConcurrentHashMap<>();

        void add(String what) {
            counts.merge(what, 1L, Long::sum);
        }

        public long get(String what) {
            return counts.getOrDefault(what, 0L);
        }
    }

    private final ArrService service;
    private final Map<Integer, QualityProfile> profiles;
    private final Problems problems;
    private final String recordedAt;
    /** One instance of each repeated text (qualities, codecs, series titles, format names…): 60,000 files share a few hundred. */
    private final Map<String, String> strings = new java.util.concurrent.ConcurrentHashMap<>();

    public ArrFileMapper(ArrService service, Map<Integer, QualityProfile> profiles, Problems problems, String recordedAt) {
        this.service = service;
        this.profiles = profiles;
        this.problems = problems;
        this.recordedAt = recordedAt;
    }

    String d(String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }

    /** The profiles of {@code /api/v3/qualityprofile}, by id. */
    public static Map<Integer, QualityProfile> profiles(JsonNode array) {
        Map<Integer, QualityProfile> out = new LinkedHashMap<>();
        for (JsonNode p : array) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            Map<Integer, String> names = new LinkedHashMap<>();
            for (JsonNode fi : p.path("formatItems")) {
                String name = formatName(fi.path("name").asText(""), fi.path("format").asInt());
                scores.put(name, fi.path("score").asInt(0));
                names.put(fi.path("format").asInt(), name);
            }
            int cutoff = p.path("cutoff").asInt(-1);
            out.put(p.path("id").asInt(), new QualityProfile(p.path("id").asInt(), p.path("name").asText(""), p.path("upgradeAllowed").asBoolean(false),
                    cutoffQuality(p.path("items"), cutoff), p.path("minFormatScore").asInt(0), p.path("cutoffFormatScore").asInt(0), scores, names));
        }
        return out;
    }

    private static String cutoffQuality(JsonNode items, int cutoff) {
        for (JsonNode item : items) {
            if (item.has("quality") && item.path("quality").path("id").asInt(-2) == cutoff) {
                return item.path("quality").path("name").asText(null);
            }
            if (item.path("id").asInt(-2) == cutoff && item.hasNonNull("name")) {
                return item.path("name").asText();
            }
            String inner = cutoffQuality(item.path("items"), cutoff);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    static String formatName(String name, int id) {
        return name == null || name.isBlank() ? "(unnamed format " + id + ")" : name.trim();
    }

    /** A Radarr movie with its embedded {@code movieFile}; empty when the movie has no file. */
    public Optional<ArrFile> movie(JsonNode m) {
        JsonNode f = m.path("movieFile");
        if (!m.path("hasFile").asBoolean(f.isObject()) || !f.isObject() || !f.hasNonNull("id")) {
            return Optional.empty();
        }
        long movieId = m.path("id").asLong();
        Scoring s = score(f, m.path("qualityProfileId").isNumber() ? m.path("qualityProfileId").asInt() : null);
        return Optional.of(new ArrFile(service, "movie:" + movieId, movieId, f.path("id").asLong(), text(m, "title"),
                m.path("year").asInt(0) > 0 ? m.path("year").asInt() : null, null, null, null, null,
                firstText(f, "relativePath", "path"), f.path("size").asLong(0), d(quality(f)), resolution(f), d(codec(f)), d(audio(f)), d(hdr(f)),
                d(text(f, "releaseGroup")), s.formats, s.total, s.profileId, s.profileName, s.cutoff, s.min, s.meetsCutoff,
                qualityCutoffMet(f), s.upgradeAllowed, text(m, "imdbId"), m.path("tmdbId").asInt(0) > 0 ? m.path("tmdbId").asInt() : null,
                null, null, d(text(f, "dateAdded")), recordedAt));
    }

    /** A Sonarr episode file with the episodes it holds (from {@code /episode?seriesId=}). */
    public ArrFile episodeFile(JsonNode series, JsonNode f, List<JsonNode> episodes) {
        long seriesId = series.path("id").asLong();
        int season = f.path("seasonNumber").asInt(episodes.isEmpty() ? 0 : episodes.get(0).path("seasonNumber").asInt());
        List<JsonNode> eps = new ArrayList<>(episodes);
        eps.sort(java.util.Comparator.comparingInt((JsonNode e) -> e.path("seasonNumber").asInt()).thenComparingInt(e -> e.path("episodeNumber").asInt()));
        String code;
        String key;
        if (eps.isEmpty()) {
            problems.add("files_without_episode");
            code = String.format(Locale.ROOT, "S%02dE??", season);
            key = "series:" + seriesId + ":file:" + f.path("id").asLong();
        } else {
            code = String.format(Locale.ROOT, "S%02dE%02d", season, eps.get(0).path("episodeNumber").asInt());
            if (eps.size() > 1) {
                code += String.format(Locale.ROOT, "-E%02d", eps.get(eps.size() - 1).path("episodeNumber").asInt());
            }
            key = "series:" + seriesId + ":" + code;
        }
        JsonNode first = eps.isEmpty() ? null : eps.get(0);
        Integer profileId = series.path("qualityProfileId").isNumber() ? series.path("qualityProfileId").asInt() : null;
        Scoring s = score(f, profileId);
        String airDate = first == null ? null : text(first, "airDate");
        if (airDate == null && first != null && first.hasNonNull("airDateUtc")) {
            airDate = first.path("airDateUtc").asText().substring(0, Math.min(10, first.path("airDateUtc").asText().length()));
        }
        return new ArrFile(service, key, seriesId, f.path("id").asLong(), d(text(series, "title")),
                series.path("year").asInt(0) > 0 ? series.path("year").asInt() : null, season, code,
                first == null ? null : text(first, "title"), d(airDate), firstText(f, "relativePath", "path"), f.path("size").asLong(0),
                d(quality(f)), resolution(f), d(codec(f)), d(audio(f)), d(hdr(f)), d(text(f, "releaseGroup")), s.formats, s.total, s.profileId, s.profileName,
                s.cutoff, s.min, s.meetsCutoff, qualityCutoffMet(f), s.upgradeAllowed, text(series, "imdbId"),
                series.path("tmdbId").asInt(0) > 0 ? series.path("tmdbId").asInt() : null,
                series.path("tvdbId").asInt(0) > 0 ? series.path("tvdbId").asInt() : null, d(text(series, "network")), d(text(f, "dateAdded")), recordedAt);
    }

    /** The files of one Sonarr series, and how many of its monitored episodes have none. */
    public record SeriesFiles(List<ArrFile> files, long missing) {
    }

    /**
     * One Sonarr series: its episode files ({@code /episodefile?seriesId=}), each with the episodes it holds
     * ({@code /episode?seriesId=}, matched by {@code episodeFileId}); a monitored episode without a file is missing.
     */
    public SeriesFiles seriesFiles(JsonNode series, JsonNode episodes, JsonNode episodeFiles) {
        Map<Long, List<JsonNode>> episodesByFile = new java.util.HashMap<>();
        long missing = 0;
        for (JsonNode e : episodes) {
            long fileId = e.path("episodeFileId").asLong(0);
            if (fileId > 0) {
                episodesByFile.computeIfAbsent(fileId, k -> new ArrayList<>()).add(e);
            } else if (e.path("monitored").asBoolean(false)) {
                missing++;
            }
        }
        List<ArrFile> files = new ArrayList<>();
        for (JsonNode f : episodeFiles) {
            files.add(episodeFile(series, f, episodesByFile.getOrDefault(f.path("id").asLong(), List.of())));
        }
        return new SeriesFiles(files, missing);
    }

    private record Scoring(List<FormatScore> formats, int total, Integer profileId, String profileName, Integer cutoff, Integer min,
                           Boolean meetsCutoff, Boolean upgradeAllowed) {
    }

    private Scoring score(JsonNode f, Integer profileId) {
        QualityProfile p = profileId == null ? null : profiles.get(profileId);
        if (p == null) {
            problems.add("unknown_profiles");
        }
        List<FormatScore> formats = new ArrayList<>();
        int sum = 0;
        for (JsonNode cf : f.path("customFormats")) {
            String raw = cf.path("name").asText("");
            if (raw.isBlank()) {
                problems.add("formats_without_name");
            }
            String name = formatName(p != null && raw.isBlank() ? p.formatNames().getOrDefault(cf.path("id").asInt(), raw) : raw, cf.path("id").asInt());
            int score = p == null ? 0 : p.scoreOf(name);
            formats.add(new FormatScore(d(name), score));
            sum += score;
        }
        int reported = f.path("customFormatScore").asInt(0);
        int total = totalScore(reported, sum);
        if (Math.abs(total) >= ABSURD_SCORE) {
            problems.add("absurd_scores");
        }
        String profileName = d(p != null ? p.name() : profileId == null ? "Unknown profile" : "Unknown profile " + profileId);
        return new Scoring(formats.isEmpty() ? List.of() : List.copyOf(formats), total, profileId, profileName, p == null ? null : p.cutoffFormatScore(),
                p == null ? null : p.minFormatScore(), p == null ? null : total >= p.cutoffFormatScore(), p == null ? null : p.upgradeAllowed());
    }

    /** The service's own {@code customFormatScore}, or, when that is 0, the sum of the profile's scores of the file's formats. */
    public static int totalScore(int customFormatScore, int sumOfFormatScores) {
        return customFormatScore != 0 ? customFormatScore : sumOfFormatScores;
    }

    static Boolean qualityCutoffMet(JsonNode f) {
        JsonNode n = f.path("qualityCutoffNotMet");
        return n.isBoolean() ? !n.asBoolean() : null;
    }

    static String quality(JsonNode f) {
        return f.path("quality").path("quality").path("name").asText("Unknown");
    }

    /** From media info ({@code 1920x1080} → 1080p, cinema crops by width), else the quality's resolution, else Unknown. */
    static String resolution(JsonNode f) {
        String mi = f.path("mediaInfo").path("resolution").asText("");
        String fromMediaInfo = resolutionLabel(mi);
        if (fromMediaInfo != null) {
            return fromMediaInfo;
        }
        int q = f.path("quality").path("quality").path("resolution").asInt(0);
        return q > 0 ? q + "p" : "Unknown";
    }

    public static String resolutionLabel(String widthByHeight) {
        if (widthByHeight == null) {
            return null;
        }
        String[] wh = widthByHeight.trim().toLowerCase(Locale.ROOT).split("x");
        if (wh.length != 2) {
            return null;
        }
        int w;
        int h;
        try {
            w = Integer.parseInt(wh[0].trim());
            h = Integer.parseInt(wh[1].trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (w <= 0 || h <= 0) {
            return null;
        }
        if (h >= 2160 || w >= 3800) {
            return "2160p";
        }
        if (h >= 1440 || w >= 2500) {
            return "1440p";
        }
        if (h >= 1080 || w >= 1900) {
            return "1080p";
        }
        if (h >= 720 || w >= 1260) {
            return "720p";
        }
        if (h >= 480) {
            return "480p";
        }
        return w + "x" + h;
    }

    static String codec(JsonNode f) {
        String v = f.path("mediaInfo").path("videoCodec").asText("");
        return v.isBlank() ? "Unknown" : v;
    }

    static String audio(JsonNode f) {
        JsonNode mi = f.path("mediaInfo");
        String codec = mi.path("audioCodec").asText("");
        if (codec.isBlank()) {
            return null;
        }
        return mi.path("audioChannels").isNumber() ? codec + " " + mi.path("audioChannels").asText() : codec;
    }

    static String hdr(JsonNode f) {
        JsonNode mi = f.path("mediaInfo");
        String t = mi.path("videoDynamicRangeType").asText("");
        return !t.isBlank() ? t : mi.path("videoDynamicRange").asText("").isBlank() ? null : mi.path("videoDynamicRange").asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String firstText(JsonNode n, String a, String b) {
        String v = text(n, a);
        return v != null ? v : text(n, b);
    }
}
