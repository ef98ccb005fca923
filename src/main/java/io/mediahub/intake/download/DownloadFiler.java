package io.mediahub.intake.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.intake.FileMover;
import io.mediahub.intake.LibraryNames;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobFailure;
import io.mediahub.jobs.JobRepository;
import io.mediahub.jobs.JobWorkerRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files a finished download into the library the way the intake files a drop: {@code videos/<Uploader>/<YYYY-MM-DD> -
 * <Title> [<id>].<ext>} ({@code audio/…} for audio only; no uploader: the site's host without its port; no upload date:
 * the download's date) by the intake's naming rules ({@link LibraryNames}), moved without ever overwriting
 * ({@link FileMover}; a clash becomes {@code Name (2).ext}), never outside the library and never through a symbolic
 * link. Beside it: the {@code .mediahub.json} sidecar, the Kodi-style {@code .nfo} ({@link DownloadNfo}) and the
 * thumbnail as {@code <name>-thumb.jpg}. The body becomes the filed path, relative to the library.
 */
public class DownloadFiler {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadFiler.class);

    private final DownloadSettings settings;
    private final JobRepository jobs;
    private final DownloadMediaRows media;
    private final ObjectMapper json;
    private final Clock clock;
    private final FileMover mover = new FileMover();

    public DownloadFiler(DownloadSettings settings, JobRepository jobs, DownloadMediaRows media, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.jobs = jobs;
        this.media = media;
        this.json = json;
        this.clock = clock;
    }

    public void file(Exchange x) throws Exception {
        Job job = x.getVariable(JobWorkerRoutes.JOB_VARIABLE, Job.class);
        Path staging = x.getVariable(YtDlpRunner.STAGING, Path.class);
        DownloadRun run = x.getVariable(YtDlpRunner.RUN, DownloadRun.class);
        jobs.progress(job.jobId(), "filing", 100.0, null, null);
        Path source = Path.of(run.file()).toAbsolutePath().normalize();
        JsonNode infoJson = run.info() == null ? json.createObjectNode() : json.readTree(run.info());
        VideoInfo info = VideoInfo.of(infoJson);
        boolean audio = job.hints() != null && json.readTree(job.hints()).path("audio_only").asBoolean(false);
        String uploader = info.uploader() != null ? info.uploader() : UrlList.host(job.source());
        String day = info.uploadDay() != null ? info.uploadDay() : LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        String title = info.title() != null ? info.title() : LibraryNames.stem(source.getFileName().toString());
        if (info.title() != null) {
            jobs.title(job.jobId(), info.title());
        }
        String ext = LibraryNames.extension(source.getFileName().toString());
        Path rel = LibraryNames.download(audio ? "audio" : "videos", uploader == null ? "Unknown" : uploader, day, title, info.id(), ext);
        Path library = settings.library();
        Path target = library.resolve(rel).normalize();
        if (!target.startsWith(library) || target.equals(library)) {
            throw new JobFailure("the name " + rel + " would leave the library", false);
        }
        Files.createDirectories(library);
        checkNoLinks(library, target.getParent());
        String hash = FileMover.sha256(source);
        Path filed = moveWithoutOverwrite(source, target, hash);
        String stem = LibraryNames.stem(filed.getFileName().toString());
        String relPath = library.relativize(filed).toString().replace('\\', '/');
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        writeNew(filed.resolveSibling(stem + ".mediahub.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                sidecar(job, info, audio, title, uploader, day, hash, now)));
        writeNew(filed.resolveSibling(stem + ".nfo"), DownloadNfo.of(info, title, day, uploader).getBytes(StandardCharsets.UTF_8));
        Path thumb = staging.resolve(YtDlpArgs.OUTPUT_STEM + ".jpg");
        if (Files.isRegularFile(thumb, LinkOption.NOFOLLOW_LINKS)) {
            try {
                mover.move(thumb, filed.resolveSibling(stem + "-thumb.jpg"), null);
            } catch (FileAlreadyExistsException e) {
                LOG.warn("download job {}: {}-thumb.jpg exists already; kept", job.jobId(), stem);
            }
        }
        media.insert(new DownloadMediaRows.Row(relPath, audio ? "audio" : "video", title, uploader, info.durationSeconds(), ext.isEmpty() ? null : ext.substring(1),
                Files.size(filed), hash, info.webpageUrl() != null ? info.webpageUrl() : job.source(), job.source(), now));
        YtDlpRunner.removeTree(staging);
        x.getMessage().setBody(relPath);
    }

    private ObjectNode sidecar(Job job, VideoInfo info, boolean audio, String title, String uploader, String day, String hash, String now) {
        ObjectNode n = json.createObjectNode();
        n.put("kind", audio ? "audio" : "video");
        n.put("title", title);
        n.put("artist", uploader);
        n.put("source_url", job.source());
        n.put("job_id", job.jobId());
        n.put("downloaded_at", now);
        n.put("content_hash", hash);
        ObjectNode i = n.putObject("info");
        i.put("id", info.id());
        i.put("title", info.title());
        i.put("uploader", info.uploader());
        i.put("upload_date", day);
        if (info.durationSeconds() != null) {
            i.put("duration", info.durationSeconds());
        }
        i.put("extractor", info.extractor());
        i.put("webpage_url", info.webpageUrl());
        i.put("description", info.description());
        return n;
    }

    /** Every folder from the library down to {@code dir} that exists must be a real folder, never a link. */
    static void checkNoLinks(Path library, Path dir) {
        Path p = library;
        if (Files.isSymbolicLink(p)) {
            return; // the library root itself may be a link the user made; what is below it may not
        }
        for (Path part : library.relativize(dir)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                throw new JobFailure(library.relativize(p) + " in the library is a symbolic link; a download is never filed through one", false);
            }
        }
    }

    private Path moveWithoutOverwrite(Path source, Path target, String hash) throws IOException {
        String name = target.getFileName().toString();
        for (int n = 1; n < 10000; n++) {
            Path candidate = target.resolveSibling(LibraryNames.withSuffix(name, n));
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                mover.move(source, candidate, hash);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: the next suffix
            }
        }
        throw new JobFailure("no free name for " + name, false);
    }

    private static void writeNew(Path file, byte[] content) throws IOException {
        try {
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            LOG.warn("{} exists already; kept", file.getFileName());
        }
    }
}
