package io.mediahub.intake.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobRepository;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Queues {@code download} jobs: from {@code download URL…} and from the URL files of {@code inbox/urls/}. */
public class DownloadQueue {
    public static final String KIND = "download";
    private static final Logger LOG = LoggerFactory.getLogger(DownloadQueue.class);

    private final JobRepository jobs;
    private final ObjectMapper json;

    public DownloadQueue(JobRepository jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    /** Queues one download; its options go into {@code hints}, so that a retry has them all. */
    public long queue(String url, boolean audioOnly, Integer playlistItem, String title) throws SQLException {
        String problem = UrlList.problem(url);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ObjectNode hints = json.createObjectNode();
        hints.put("audio_only", audioOnly);
        if (playlistItem != null) {
            hints.put("playlist_item", playlistItem);
        }
        return jobs.queue(new Job.NewJob(KIND, title, url, null, hints.toString(), null));
    }

    /** The lines of a {@code .url} or {@code .txt} file dropped into {@code inbox/urls/}: one job per URL; returns the job ids. */
    public List<Long> queueFile(String name, String text) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String url : UrlList.parse(text)) {
            String problem = UrlList.problem(url);
            if (problem != null) {
                LOG.warn("download-watch-urls: {}: {} (skipped)", UrlList.printable(name), problem);
                continue;
            }
            ids.add(queue(url, false, null, null));
        }
        LOG.info("download-watch-urls: {} queued {} download job(s)", UrlList.printable(name), ids.size());
        return ids;
    }
}
