package io.mediahub.intake.download;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one yt-dlp run came to, from its exit value, why Mediahub stopped it (if it did), its last error lines and the
 * file it reported; pure. Success needs all of: exit 0, no stop, a reported file that exists and is not empty. A stall,
 * a time-out, a cut transfer, a 429 or a 5xx is a retryable failure (the next attempt resumes the partial file); a 404,
 * a 403, an unsupported URL or anything else is a failure with yt-dlp's own reason.
 */
public record YtDlpOutcome(Kind kind, String reason) {
    public enum Kind { SUCCESS, RETRYABLE, FAILED, CANCELLED }

    private static final Pattern HTTP_ERROR = Pattern.compile("HTTP Error (\\d{3})");
    private static final List<String> CUT = List.of("content too short", "Downloaded ", "IncompleteRead", "Connection reset", "timed out",
            "Read timed out", "Connection refused", "Temporary failure in name resolution", "EOF occurred", "Did not get any data blocks");

    public static YtDlpOutcome of(int exitValue, String stopReason, List<String> errorLines, boolean fileOk) {
        if ("cancelled".equals(stopReason)) {
            return new YtDlpOutcome(Kind.CANCELLED, "cancelled");
        }
        if (stopReason != null) {
            return new YtDlpOutcome(Kind.RETRYABLE, stopReason);
        }
        String error = lastError(errorLines);
        if (exitValue == 0 && fileOk) {
            return new YtDlpOutcome(Kind.SUCCESS, null);
        }
        if (error == null) {
            error = exitValue == 0 ? "yt-dlp reported no finished file" : "yt-dlp exited with " + exitValue;
        }
        Matcher m = HTTP_ERROR.matcher(error);
        if (m.find()) {
            int status = Integer.parseInt(m.group(1));
            boolean retry = status == 429 || status == 408 || status >= 500;
            return new YtDlpOutcome(retry ? Kind.RETRYABLE : Kind.FAILED, error);
        }
        for (String c : CUT) {
            if (error.contains(c)) {
                return new YtDlpOutcome(Kind.RETRYABLE, error);
            }
        }
        return new YtDlpOutcome(Kind.FAILED, error);
    }

    /** The last {@code ERROR:} line (lines split at {@code \r} too) without yt-dlp's "please report this issue" advice, or null. */
    static String lastError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).trim();
            if (l.startsWith("ERROR:")) {
                l = l.substring("ERROR:".length()).trim();
                if (l.isEmpty() && i + 1 < lines.size()) {
                    // yt-dlp writes "ERROR: \r[download] Got error: …": the reason comes after a carriage return
                    l = lines.get(i + 1).trim();
                }
                int advice = l.indexOf("; please report this issue");
                if (advice > 0) {
                    l = l.substring(0, advice);
                }
                return "yt-dlp: " + l;
            }
        }
        return null;
    }
}
