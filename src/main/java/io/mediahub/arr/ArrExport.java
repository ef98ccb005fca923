package io.mediahub.arr;

import io.mediahub.flow.FlowRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One export run while it travels the route template: begun by {@link ArrScoreExport#begin}, filled by the service's
 * {@link ArrLister}, recorded by {@link ArrScoreExport#record}.
 */
public final class ArrExport {
    final FlowRequest request;
    final ArrInstance instance;
    final ArrService service;
    final ArrClient client;
    final long runId;
    final String startedAt;
    final String version;
    final Map<Integer, QualityProfile> profiles;
    final ArrFileMapper mapper;
    final ArrFileMapper.Problems problems = new ArrFileMapper.Problems();
    /** Files by item key (a retried listing or a file listed twice overwrites, never duplicates). */
    final Map<String, ArrFile> files = new ConcurrentHashMap<>();
    /** Items (series) whose files could not be listed: the run is partial and their previous rows are carried over. */
    final Set<Long> failedItems = new ConcurrentSkipListSet<>();
    /** The titles of {@link #failedItems}, for the run's reason. */
    final Map<Long, String> failedTitles = new ConcurrentHashMap<>();
    final AtomicLong itemsWithoutFile = new AtomicLong();
    final AtomicLong itemsListed = new AtomicLong();

    ArrExport(FlowRequest request, ArrInstance instance, ArrClient client, long runId, String startedAt, String version,
              Map<Integer, QualityProfile> profiles) {
        this.request = request;
        this.instance = instance;
        this.service = instance.service();
        this.client = client;
        this.runId = runId;
        this.startedAt = startedAt;
        this.version = version;
        this.profiles = profiles;
        this.mapper = new ArrFileMapper(service, profiles, problems, startedAt.replace('T', ' ').replace("Z", ""));
    }

    void add(ArrFile f) {
        files.put(f.itemKey(), f);
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
