package io.mediahub.arr;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.flow.FlowStoppedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sonarr: {@code /api/v3/series}, then per series its episode files and episodes, on a bounded pool of workers
 * ({@code arr.workers}). A series whose files fail to load is logged and counted; the others continue.
 */
public class SonarrLister implements ArrLister {
    private static final Logger LOG = LoggerFactory.getLogger(SonarrLister.class);
    private final int workers;

    public SonarrLister(int workers) {
        this.workers = Math.max(1, workers);
    }

    @Override
    public ArrExport list(ArrExport export) {
        List<JsonNode> series = new ArrayList<>();
        export.client.forEach("/api/v3/series", Map.of(), series::add);
        int total = series.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, total)), r -> {
            Thread t = new Thread(r, "sonarr-export-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (JsonNode s : series) {
                futures.add(pool.submit(() -> {
                    if (export.request.stopRequested().getAsBoolean()) {
                        return;
                    }
                    try {
                        listSeries(export, s);
                    } catch (FlowStoppedException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        export.failedItems.add(s.path("id").asLong());
                        export.failedTitles.put(s.path("id").asLong(), s.path("title").asText());
                        LOG.warn("{}: the files of series {} '{}' could not be listed: {}", export.instance.flowId(), s.path("id").asLong(),
                                s.path("title").asText(), e.getMessage());
                    }
                    int n = done.incrementAndGet();
                    if (n % 50 == 0 || n == total) {
                        LOG.info("{}: series {} / {} done", export.instance.flowId(), n, total);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof FlowStoppedException stopped) {
                        throw stopped;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FlowStoppedException(export.instance.flowId() + " was interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        export.request.checkNotStopping();
        export.itemsListed.addAndGet(total);
        return export;
    }

    private void listSeries(ArrExport export, JsonNode s) {
        long id = s.path("id").asLong();
        Map<Long, List<JsonNode>> episodesByFile = new HashMap<>();
        long[] missing = {0};
        export.client.forEach("/api/v3/episode", Map.of("seriesId", id), e -> {
            long fileId = e.path("episodeFileId").asLong(0);
            if (fileId > 0) {
                episodesByFile.computeIfAbsent(fileId, k -> new ArrayList<>()).add(e);
            } else if (e.path("monitored").asBoolean(false)) {
                missing[0]++;
            }
        });
        List<ArrFile> files = new ArrayList<>();
        export.client.forEach("/api/v3/episodefile", Map.of("seriesId", id),
                f -> files.add(export.mapper.episodeFile(s, f, episodesByFile.getOrDefault(f.path("id").asLong(), List.of()))));
        files.forEach(export::add);
        export.itemsWithoutFile.addAndGet(missing[0]);
    }
}
