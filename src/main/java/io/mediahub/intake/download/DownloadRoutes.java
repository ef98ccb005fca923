package io.mediahub.intake.download;

import org.apache.camel.builder.RouteBuilder;

/**
 * The download routes. Java DSL, because they run a tool with camel-exec through a custom executor.
 *
 * <ul>
 *   <li>{@code download-run-job} (from a {@code jobs-work-download-N} worker; body and variable {@code job}): the
 *       argument list and staging folder ({@code ytdlpRunner.prepare}), the body nulled (camel-exec pipes the body to
 *       the tool's stdin), {@code exec:yt-dlp} with {@code downloadExecutor} (live progress, stall and cancel checks:
 *       see {@link io.mediahub.common.LineStreamingExecutor}) and the time-out {@code YTDLP_TIMEOUT}, the outcome
 *       ({@code ytdlpRunner.outcome}: a failure throws, retryable or not), then filing ({@code downloadFiler.file}:
 *       library, sidecar, .nfo, thumbnail, media row). Answers with the filed path. Errors: thrown to the worker, which
 *       records them in the job.</li>
 *   <li>{@code download-list-playlist} (from {@code download --playlist}; body: the URL): {@code exec:yt-dlp
 *       --flat-playlist --dump-single-json} (nothing downloaded), then the entries ({@code ytdlpRunner.entries}).</li>
 *   <li>{@code download-watch-urls} (container only): camel-file on {@code inbox/urls/}; each {@code .url}/{@code .txt}
 *       file, once it has stopped changing, queues its URLs ({@code downloadQueue.queueFile}) and moves to
 *       {@code .done/} (to {@code .failed/} when it cannot be read).</li>
 * </ul>
 */
public final class DownloadRoutes extends RouteBuilder {
    public static final String RUN_JOB = "direct:download-run-job";
    public static final String LIST_PLAYLIST = "direct:download-list-playlist";

    private final DownloadSettings settings;
    private final boolean watchUrls;

    public DownloadRoutes(DownloadSettings settings, boolean watchUrls) {
        this.settings = settings;
        this.watchUrls = watchUrls;
    }

    @Override
    public void configure() {
        String exec = "exec:" + settings.program();
        // No error handler of their own (mediahub-error-policy): a failure goes back to the caller as it is, to the
        // worker's doCatch or the download command, which say it once.
        from(RUN_JOB).routeId("download-run-job").routeConfigurationId("mediahub-error-policy")
                .description("Downloads one job's URL with yt-dlp and files it into the library")
                .removeHeaders("*")
                .bean("ytdlpRunner", "prepare")
                .setBody(constant((Object) null))
                .to(exec + "?commandExecutor=#downloadExecutor&timeout=" + settings.timeout().toMillis())
                .bean("ytdlpRunner", "outcome")
                .bean("downloadFiler", "file");

        from(LIST_PLAYLIST).routeId("download-list-playlist").routeConfigurationId("mediahub-error-policy")
                .description("Lists a playlist's entries with yt-dlp --flat-playlist (nothing is downloaded)")
                .removeHeaders("*")
                .bean("ytdlpRunner", "listArgs")
                .to(exec + "?timeout=" + Math.min(settings.timeout().toMillis(), 600_000L))
                .bean("ytdlpRunner", "entries");

        if (watchUrls) {
            // initialDelay=0: Camel's readiness check counts a polling consumer DOWN until its first poll, so the first
            // poll comes at start, not a second later (the container would report itself not ready meanwhile).
            from("file:" + settings.urlsInbox() + "?autoCreate=true&initialDelay=0&includeExt=url,txt&readLock=changed&readLockCheckInterval=1000"
                    + "&readLockTimeout=20000&move=.done/${file:name}&moveFailed=.failed/${file:name}&delay=" + Math.max(100, settings.pollInterval().toMillis()))
                    .routeId("download-watch-urls")
                    .description("Queues the URLs of each .url or .txt file dropped into inbox/urls/")
                    .convertBodyTo(String.class, "UTF-8")
                    .bean("downloadQueue", "queueFile(${header.CamelFileName}, ${body})");
        }
    }
}
