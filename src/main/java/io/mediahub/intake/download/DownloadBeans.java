package io.mediahub.intake.download;

import io.mediahub.common.LineStreamingExecutor;
import io.mediahub.flow.MediahubModule;
import io.mediahub.jobs.JobNotifier;
import io.mediahub.jobs.JobRepository;
import io.mediahub.jobs.JobWorkerRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;

/**
 * How downloads plug into the intake module: the beans its routes call by name, the routes, and (in the container)
 * the {@code download} workers and the {@code inbox/urls/} watcher.
 */
public final class DownloadBeans {
    private DownloadBeans() {
    }

    public static Map<String, Object> of(MediahubModule.Context c, DownloadSettings s) {
        JobRepository jobs = new JobRepository(c.store(), c.clock());
        LineStreamingExecutor executor = new LineStreamingExecutor();
        return Map.of("downloadExecutor", executor,
                "ytdlpRunner", new YtDlpRunner(s, jobs, executor, c.json()),
                "downloadQueue", new DownloadQueue(jobs, c.json()),
                "downloadFiler", new DownloadFiler(s, jobs, new DownloadMediaRows(c.store()), c.json(), c.clock()),
                "downloadJobs", jobs);
    }

    public static List<RoutesBuilder> routes(MediahubModule.Context c, DownloadSettings s) {
        List<RoutesBuilder> routes = new ArrayList<>();
        routes.add(new DownloadRoutes(s, c.container()));
        if (c.container()) {
            routes.add(new JobWorkerRoutes(DownloadQueue.KIND, s.workers(), DownloadRoutes.RUN_JOB, new JobRepository(c.store(), c.clock()),
                    new JobNotifier(c.settings(), c.json()), s.maxAttempts(), s.pollInterval()));
        }
        return routes;
    }
}
