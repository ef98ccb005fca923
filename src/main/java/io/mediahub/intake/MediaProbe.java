package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a media file holds, from ffprobe (duration, container, codecs, resolution, HDR, audio tracks and their
 * languages, subtitle languages, tags); mediainfo gives the duration when ffprobe cannot read the file. The path is
 * handed to the tools absolute, so a name starting with a dash can never be an option.
 */
public final class MediaProbe {
    private final String ffprobe;
    private final String mediainfo;
    private final Duration timeout;
    private final ObjectMapper json;

    public MediaProbe(String ffprobe, String mediainfo, Duration timeout, ObjectMapper json) {
        this.ffprobe = ffprobe;
        this.mediainfo = mediainfo;
        this.timeout = timeout;
        this.json = json;
    }

    /** One audio track. */
    public record AudioTrack(String codec, Integer channels, String language) {
    }

    /** The probe's findings; {@code null} fields are unknown. */
    public record Result(String tool, Double durationSeconds, String container, String videoCodec, Integer width, Integer height,
                         String hdr, List<AudioTrack> audio, List<String> subtitleLanguages, Map<String, String> tags) {

        public boolean hasVideo() {
            return videoCodec != null;
        }

        public String audioCodec() {
            return audio.isEmpty() ? null : audio.get(0).codec();
        }

        public String tag(String name) {
            return tags.get(name);
        }
    }

    /** Probes a file; throws with a one-line reason when neither tool can read it. */
    public Result probe(Path file) throws ToolRunner.ToolException {
        String abs = file.toAbsolutePath().normalize().toString();
        ToolRunner.ToolException ffprobeFailure;
        try {
            ToolRunner.Output out = ToolRunner.run(List.of(ffprobe, "-v", "error", "-hide_banner", "-print_format", "json",
                    "-show_format", "-show_streams", "file:" + abs), timeout, Set.of(0));
            return parseFfprobe(json.readTree(out.stdout()));
        } catch (ToolRunner.ToolException e) {
            ffprobeFailure = e;
        } catch (java.io.IOException e) {
            ffprobeFailure = new ToolRunner.ToolException("ffprobe printed something that is not JSON", false);
        }
        if (!ffprobeFailure.missing()) {
            throw ffprobeFailure;
        }
        // No ffprobe: mediainfo for the duration at least (it exits 0 even for a missing file, so its output is checked).
        try {
            ToolRunner.Output out = ToolRunner.run(List.of(mediainfo, "--Output=JSON", abs), timeout, Set.of(0));
            JsonNode tracks = json.readTree(out.stdout()).path("media").path("track");
            if (!tracks.isArray() || tracks.isEmpty()) {
                throw new ToolRunner.ToolException("mediainfo found no media in the file", false);
            }
            return parseMediainfo(tracks);
        } catch (java.io.IOException e) {
            throw new ToolRunner.ToolException("mediainfo printed something that is not JSON", false);
        } catch (ToolRunner.ToolException e) {
            if (e.missing()) {
                throw new ToolRunner.ToolException("neither ffprobe (" + ffprobe + ") nor mediainfo (" + mediainfo
                        + ") is installed; install ffmpeg or set INTAKE_FFPROBE", true);
            }
            throw e;
        }
    }

    static Result parseFfprobe(JsonNode root) throws ToolRunner.ToolException {
        JsonNode format = root.path("format");
        JsonNode streams = root.path("streams");
        if (!streams.isArray() || streams.isEmpty()) {
            throw new ToolRunner.ToolException("ffprobe found no audio or video stream", false);
        }
        String videoCodec = null;
        Integer width = null;
        Integer height = null;
        String hdr = null;
        List<AudioTrack> audio = new ArrayList<>();
        List<String> subs = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        format.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        for (JsonNode s : streams) {
            String type = s.path("codec_type").asText();
            String lang = s.path("tags").path("language").asText(null);
            if ("video".equals(type) && videoCodec == null && s.path("disposition").path("attached_pic").asInt(0) == 0) {
                videoCodec = s.path("codec_name").asText(null);
                width = s.hasNonNull("width") ? s.get("width").asInt() : null;
                height = s.hasNonNull("height") ? s.get("height").asInt() : null;
                hdr = hdrOf(s);
            } else if ("audio".equals(type)) {
                audio.add(new AudioTrack(s.path("codec_name").asText(null), s.hasNonNull("channels") ? s.get("channels").asInt() : null,
                        "und".equals(lang) ? null : lang));
                if (tags.isEmpty() || !tags.containsKey("title")) {
                    // Some containers (ogg, opus) keep tags on the stream.
                    s.path("tags").fields().forEachRemaining(e -> tags.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
                }
            } else if ("subtitle".equals(type) && lang != null) {
                subs.add(lang);
            }
        }
        Double duration = format.hasNonNull("duration") ? format.get("duration").asDouble() : null;
        if (duration != null && duration <= 0) {
            duration = null;
        }
        return new Result("ffprobe", duration, format.path("format_name").asText(null), videoCodec, width, height, hdr, List.copyOf(audio),
                List.copyOf(subs), Map.copyOf(tags));
    }

    private static String hdrOf(JsonNode video) {
        for (JsonNode sd : video.path("side_data_list")) {
            if (sd.path("side_data_type").asText("").toLowerCase(Locale.ROOT).contains("dovi")) {
                return "Dolby Vision";
            }
        }
        return switch (video.path("color_transfer").asText("")) {
            case "smpte2084" -> "HDR10";
            case "arib-std-b67" -> "HLG";
            default -> null;
        };
    }

    static Result parseMediainfo(JsonNode tracks) {
        Double duration = null;
        String container = null;
        String video = null;
        Integer width = null;
        Integer height = null;
        List<AudioTrack> audio = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : tracks) {
            switch (t.path("@type").asText()) {
                case "General" -> {
                    duration = t.hasNonNull("Duration") ? t.get("Duration").asDouble() : null;
                    container = t.path("Format").asText(null);
                    for (String k : List.of("Title", "Album", "Performer", "Track", "Recorded_Date")) {
                        if (t.hasNonNull(k)) {
                            tags.put(switch (k) {
                                case "Performer" -> "artist";
                                case "Track" -> "title";
                                case "Recorded_Date" -> "date";
                                default -> k.toLowerCase(Locale.ROOT);
                            }, t.get(k).asText());
                        }
                    }
                }
                case "Video" -> {
                    if (video == null) {
                        video = t.path("Format").asText(null);
                        width = t.hasNonNull("Width") ? t.get("Width").asInt() : null;
                        height = t.hasNonNull("Height") ? t.get("Height").asInt() : null;
                    }
                }
                case "Audio" -> audio.add(new AudioTrack(t.path("Format").asText(null),
                        t.hasNonNull("Channels") ? t.get("Channels").asInt() : null, t.path("Language").asText(null)));
                default -> {
                }
            }
        }
        return new Result("mediainfo", duration != null && duration > 0 ? duration : null, container, video, width, height, null,
                List.copyOf(audio), List.of(), Map.copyOf(tags));
    }
}
