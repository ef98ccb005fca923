package io.mediahub.intake.download;

import io.mediahub.common.LineStreamingExecutor;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobRepository;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running yt-dlp, as {@link LineStreamingExecutor} reports it: each {@code mediahub-progress} line goes into the
 * job row (at most once a second), the info JSON and the final path are kept for filing, error lines for the reason.
 * It asks the executor to stop the tool when nothing has been downloaded for the stall time once the transfer has begun
 * (before the first progress line yt-dlp is still reading the page, which {@code YTDLP_TIMEOUT} bounds; and not while it
 * merges or converts after a complete download) or when the job was cancelled (looked up once a second).
 */
final class DownloadRun implements LineStreamingExecutor.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadRun.class);
    private static final long WRITE_EVERY = Duration.ofSeconds(1).toNanos();

    private final Job job;
    private final JobRepository jobs;
    private final long stallNanos;
    private final Deque<String> errors = new ArrayDeque<>();
    private volatile long lastProgress = System.nanoTime();
    private volatile long lastWrite;
    private volatile long lastCancelCheck = System.nanoTime();
    private volatile long downloaded = -1;
    private volatile boolean complete;
    private volatile String info;
    private volatile String file;
    private volatile String stopped;

    DownloadRun(Job job, JobRepository jobs, Duration stallTimeout) {
        this.job = job;
        this.jobs = jobs;
        this.stallNanos = stallTimeout.toNanos();
    }

    @Override
    public void line(String line, boolean stderr) {
        if (line.startsWith(YtDlpArgs.PROGRESS)) {
            YtDlpProgress.parse(line).ifPresent(this::progress);
        } else if (line.startsWith(YtDlpArgs.INFO)) {
            info = line.substring(YtDlpArgs.INFO.length());
        } else if (line.startsWith(YtDlpArgs.FILE)) {
            file = line.substring(YtDlpArgs.FILE.length()).strip();
        } else if (stderr || line.startsWith("ERROR:")) {
            synchronized (errors) {
                errors.addLast(line);
                if (errors.size() > 50) {
                    errors.removeFirst();
                }
            }
        }
    }

    private void progress(YtDlpProgress p) {
        long now = System.nanoTime();
        if (p.downloadedBytes() != downloaded) {
            lastProgress = now;
            downloaded = p.downloadedBytes();
        }
        Double percent = p.percent();
        boolean done = percent != null && percent >= 100.0;
        complete = done;
        if (done || now - lastWrite >= WRITE_EVERY) {
            lastWrite = now;
            try {
                jobs.progress(job.jobId(), done ? "processing" : "downloading", percent, p.speedText(), done ? null : p.etaSeconds());
            } catch (Exception e) {
                LOG.warn("download job {}: cannot record its progress: {}", job.jobId(), e.getMessage());
            }
        }
    }

    @Override
    public String stopReason() {
        long now = System.nanoTime();
        if (now - lastCancelCheck >= WRITE_EVERY) {
            lastCancelCheck = now;
            try {
                if (jobs.status(job.jobId()).map(Job.CANCELLED::equals).orElse(true)) {
                    return "cancelled";
                }
            } catch (Exception e) {
                LOG.warn("download job {}: cannot read its status: {}", job.jobId(), e.getMessage());
            }
        }
        if (downloaded >= 0 && !complete && now - lastProgress > stallNanos) {
            return "stalled: nothing downloaded for " + Duration.ofNanos(stallNanos).toSeconds() + " s";
        }
        return null;
    }

    @Override
    public void stopped(String reason) {
        stopped = reason;
    }

    String info() {
        return info;
    }

    String file() {
        return file;
    }

    String stopReasonGiven() {
        return stopped;
    }

    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }
}
