package io.mediahub.intake.download;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code mediahub-progress} line of yt-dlp ({@link YtDlpArgs}): downloaded bytes, total (exact or estimated,
 * {@code NA} when unknown), speed in bytes per second and ETA in seconds. Pure.
 */
public record YtDlpProgress(long downloadedBytes, Long totalBytes, Double bytesPerSecond, Long etaSeconds) {

    public static Optional<YtDlpProgress> parse(String line) {
        if (line == null || !line.startsWith(YtDlpArgs.PROGRESS)) {
            return Optional.empty();
        }
        String[] f = line.substring(YtDlpArgs.PROGRESS.length()).trim().split("\\s+");
        if (f.length < 5) {
            return Optional.empty();
        }
        Double done = number(f[0]);
        if (done == null) {
            return Optional.empty();
        }
        Double total = number(f[1]);
        if (total == null) {
            total = number(f[2]);
        }
        Double eta = number(f[4]);
        return Optional.of(new YtDlpProgress(done.longValue(), total == null ? null : total.longValue(), number(f[3]),
                eta == null ? null : Math.round(eta)));
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) && d >= 0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 0-100, or null when the total is unknown. */
    public Double percent() {
        if (totalBytes == null || totalBytes <= 0) {
            return null;
        }
        return Math.min(100.0, Math.round(downloadedBytes * 1000.0 / totalBytes) / 10.0);
    }

    /** The speed as people read it: {@code 1.2 MiB/s}; null when unknown. */
    public String speedText() {
        if (bytesPerSecond == null) {
            return null;
        }
        double v = bytesPerSecond;
        String[] units = {"B/s", "KiB/s", "MiB/s", "GiB/s"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
