package io.mediahub.arr;

import io.mediahub.flow.FlowRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One export run while it travels the routes (the exchange property {@code arrExport}): begun by
 * {@link ArrScoreExport#begin}, given the service's version and profiles by the first stage, filled by the listing,
 * recorded by {@link ArrScoreExport#record}.
 */
public final class ArrExport {
    final FlowRequest request;
    final ArrInstance instance;
    final ArrService service;
    /** Where the service was reached (no trailing slash, no secret). */
    final String baseUrl;
    /** The answers kept on disk for a while (profiles, custom formats); null when this export always asks. */
    final ResponseCache cache;
    final long runId;
    final String startedAt;
    volatile String version;
    volatile Map<Integer, QualityProfile> profiles = Map.of();
    volatile ArrFileMapper mapper;
    final ArrFileMapper.Problems problems = new ArrFileMapper.Problems();
    /** Files by item key (a retried listing or a file listed twice overwrites, never duplicates). */
    final Map<String, ArrFile> files = new ConcurrentHashMap<>();
    /** Items (series) whose files could not be listed: the run is partial and their previous rows are carried over. */
    final Set<Long> failedItems = new ConcurrentSkipListSet<>();
    /** The titles of {@link #failedItems}, for the run's reason. */
    final Map<Long, String> failedTitles = new ConcurrentHashMap<>();
    final AtomicLong itemsWithoutFile = new AtomicLong();
    final AtomicLong itemsListed = new AtomicLong();
    /** Requests sent to the service (every attempt, retries included), counted by the call route. */
    final AtomicLong requests = new AtomicLong();
    /** Sonarr: series done (listed or failed), for the progress line. */
    final AtomicInteger seriesDone = new AtomicInteger();
    volatile int seriesTotal;

    ArrExport(FlowRequest request, ArrInstance instance, String baseUrl, ResponseCache cache, long runId, String startedAt) {
        this.request = request;
        this.instance = instance;
        this.service = instance.service();
        this.baseUrl = baseUrl;
        this.cache = cache;
        this.runId = runId;
        this.startedAt = startedAt;
        profiles(Map.of());
    }

    /** The service's quality profiles, which the mapping scores files by. */
    void profiles(Map<Integer, QualityProfile> byId) {
        this.profiles = byId;
        this.mapper = new ArrFileMapper(service, byId, problems, startedAt.replace('T', ' ').replace("Z", ""));
    }

    void add(ArrFile f) {
        files.put(f.itemKey(), f);
    }

    /** Counts one request about to be sent. */
    public void sent() {
        requests.incrementAndGet();
    }

    public ArrService service() {
        return service;
    }

    public ArrInstance instance() {
        return instance;
    }

    public long runId() {
        return runId;
    }
}
