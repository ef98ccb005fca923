package io.mediahub.intake.download;

import io.mediahub.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The download settings, read once (names in docs/configuration.md, "Jobs and downloads"). */
public record DownloadSettings(String program, String format, Duration timeout, List<String> extraArgs, Duration stallTimeout, int workers,
                               int maxAttempts, Duration pollInterval, Path staging, Path library, Path urlsInbox) {

    public static DownloadSettings from(Settings s, Path library, Path inbox) {
        return new DownloadSettings(s.get("ytdlp.program"), s.get("ytdlp.format"), s.getDuration("ytdlp.timeout"), s.getList("ytdlp.extra-args"),
                s.getDuration("download.stall-timeout"), s.getInt("download.workers"), s.getInt("jobs.max-attempts"),
                s.getDuration("jobs.poll-interval"), s.dataDir().resolve("downloads").toAbsolutePath().normalize(),
                library.toAbsolutePath().normalize(), inbox.resolve("urls").toAbsolutePath().normalize());
    }
}
