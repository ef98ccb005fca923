package io.mediahub.intake.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.LineStreamingExecutor;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobFailure;
import io.mediahub.jobs.JobRepository;
import io.mediahub.jobs.JobWorkerRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.component.exec.ExecBinding;

/**
 * The steps around {@code exec:yt-dlp} in {@code download-run-job} and {@code download-list-playlist}: the argument
 * list and staging folder before the call ({@link #prepare}), the outcome after it ({@link #outcome}), the playlist's
 * entries ({@link #listArgs}, {@link #entries}). The staging folder is {@code downloads/job-<first job>} in the data
 * folder: a retry of a job and a job queued again after a crash use the same folder, so yt-dlp resumes its partial file.
 */
public class YtDlpRunner {
    /** Exchange variable: the {@link DownloadRun} of the job. */
    static final String RUN = "downloadRun";
    static final String STAGING = "downloadStaging";

    private final DownloadSettings settings;
    private final JobRepository jobs;
    private final LineStreamingExecutor executor;
    private final ObjectMapper json;

    public YtDlpRunner(DownloadSettings settings, JobRepository jobs, LineStreamingExecutor executor, ObjectMapper json) {
        this.settings = settings;
        this.jobs = jobs;
        this.executor = executor;
        this.json = json;
    }

    /** Before yt-dlp: the staging folder, the argument list and the live listener. */
    public void prepare(Exchange x) throws Exception {
        Job job = x.getVariable(JobWorkerRoutes.JOB_VARIABLE, Job.class);
        String problem = UrlList.problem(job.source());
        if (problem != null) {
            throw new JobFailure(problem, false);
        }
        JsonNode hints = hints(job);
        Path staging = stagingOf(job);
        Files.createDirectories(staging);
        jobs.progress(job.jobId(), "downloading", null, null, null);
        Integer item = hints.path("playlist_item").canConvertToInt() && hints.path("playlist_item").asInt() > 0 ? hints.get("playlist_item").asInt() : null;
        List<String> args = YtDlpArgs.download(job.source(), hints.path("audio_only").asBoolean(false), item, settings.format(), settings.extraArgs());
        DownloadRun run = new DownloadRun(job, jobs, settings.stallTimeout());
        executor.listen(staging.toString(), run);
        x.setVariable(RUN, run);
        x.setVariable(STAGING, staging);
        x.getMessage().setHeader(ExecBinding.EXEC_COMMAND_ARGS, args);
        x.getMessage().setHeader(ExecBinding.EXEC_COMMAND_WORKING_DIR, staging.toString());
    }

    /** After yt-dlp: success leaves the staging folder for filing; anything else throws the job's failure. */
    public void outcome(Exchange x) throws Exception {
        Path staging = x.getVariable(STAGING, Path.class);
        DownloadRun run = x.getVariable(RUN, DownloadRun.class);
        executor.forget(staging.toString());
        int exit = x.getMessage().getHeader(ExecBinding.EXEC_EXIT_VALUE, -1, Integer.class);
        Path file = run.file() == null ? null : Path.of(run.file()).toAbsolutePath().normalize();
        boolean fileOk = file != null && file.startsWith(staging) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > 0;
        YtDlpOutcome o = YtDlpOutcome.of(exit, run.stopReasonGiven(), run.errors(), fileOk);
        Job job = x.getVariable(JobWorkerRoutes.JOB_VARIABLE, Job.class);
        switch (o.kind()) {
            case SUCCESS -> x.getMessage().setBody(null);
            case CANCELLED -> {
                removeTree(staging);
                throw new JobFailure.Cancelled();
            }
            case RETRYABLE -> throw new JobFailure(o.reason(), true);
            default -> throw new JobFailure(o.reason(), false);
        }
        if (jobs.status(job.jobId()).map(Job.CANCELLED::equals).orElse(true)) {
            removeTree(staging);
            throw new JobFailure.Cancelled();
        }
    }

    /** Before listing a playlist: the body is its URL. */
    public void listArgs(Exchange x) {
        String url = x.getMessage().getBody(String.class);
        String problem = UrlList.problem(url);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        x.setVariable("playlistUrl", url);
        x.getMessage().setHeader(ExecBinding.EXEC_COMMAND_ARGS, YtDlpArgs.listPlaylist(url, settings.extraArgs()));
        x.getMessage().setBody(null);
    }

    /** After listing: the entries, one download each. */
    public List<PlaylistEntries.Entry> entries(Exchange x) throws IOException {
        int exit = x.getMessage().getHeader(ExecBinding.EXEC_EXIT_VALUE, -1, Integer.class);
        String url = x.getVariable("playlistUrl", String.class);
        if (exit != 0) {
            String err = x.getMessage().getHeader(ExecBinding.EXEC_STDERR, "", String.class);
            String why = YtDlpOutcome.lastError(List.of(err.split("\\R")));
            throw new IllegalStateException("cannot list " + UrlList.printable(url) + ": " + (why == null ? "yt-dlp exited with " + exit : why));
        }
        try (InputStream in = x.getMessage().getBody(InputStream.class)) {
            return PlaylistEntries.of(url, json.readTree(in));
        }
    }

    JsonNode hints(Job job) throws IOException {
        return job.hints() == null ? json.createObjectNode() : json.readTree(job.hints());
    }

    /** The job's staging folder: named after the first job of its retry chain, so every attempt resumes the same files. */
    Path stagingOf(Job job) throws Exception {
        Job first = job;
        for (int i = 0; i < 100 && first.retryOf() != null; i++) {
            Job earlier = jobs.byId(first.retryOf()).orElse(null);
            if (earlier == null) {
                break;
            }
            first = earlier;
        }
        return settings.staging().resolve("job-" + first.jobId());
    }

    static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
