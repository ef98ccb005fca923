package io.mediahub.intake.download;

import com.fasterxml.jackson.databind.JsonNode;

/** What Mediahub keeps of yt-dlp's info JSON; pure. {@code uploadDate} is {@code YYYYMMDD} as yt-dlp gives it. */
public record VideoInfo(String id, String title, String uploader, String uploadDate, Double durationSeconds, String extractor,
                        String webpageUrl, String description) {

    public static VideoInfo of(JsonNode n) {
        String uploader = text(n, "uploader");
        if (uploader == null) {
            uploader = text(n, "channel");
        }
        if (uploader == null) {
            uploader = text(n, "uploader_id");
        }
        Double duration = n.path("duration").isNumber() ? n.get("duration").asDouble() : null;
        String extractor = text(n, "extractor_key");
        return new VideoInfo(text(n, "id"), text(n, "title"), uploader, text(n, "upload_date"), duration,
                extractor == null ? text(n, "extractor") : extractor, text(n, "webpage_url"), text(n, "description"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText().trim() : null;
    }

    /** {@code YYYY-MM-DD} of the upload, or null when yt-dlp gave none (or something else). */
    public String uploadDay() {
        return uploadDate != null && uploadDate.matches("\\d{8}")
                ? uploadDate.substring(0, 4) + "-" + uploadDate.substring(4, 6) + "-" + uploadDate.substring(6) : null;
    }

    /** Whether the video came from YouTube (its id is a YouTube id). */
    public boolean youtube() {
        return extractor != null && extractor.toLowerCase(java.util.Locale.ROOT).startsWith("youtube");
    }
}
