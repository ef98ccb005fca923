package io.mediahub.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a flow did, in counts: rows it read from the source, wrote, deleted and skipped (each skip is also logged
 * with its reason), plus counters of its own ({@code items_unchanged}, {@code genres_repointed}, …).
 */
public final class FlowResult {
    private long read;
    private long written;
    private long deleted;
    private long skipped;
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private final java.util.List<String> problems = new java.util.ArrayList<>();
    private final java.util.List<String> partialReasons = new java.util.ArrayList<>();

    public FlowResult read(long n) {
        read += n;
        return this;
    }

    public FlowResult written(long n) {
        written += n;
        return this;
    }

    public FlowResult deleted(long n) {
        deleted += n;
        return this;
    }

    public FlowResult skipped(long n) {
        skipped += n;
        return this;
    }

    public FlowResult count(String name, long n) {
        counters.merge(name, n, Long::sum);
        return this;
    }

    /** A problem a run that still succeeded must report (rejected rows, say): recorded as the run's error text. */
    public FlowResult problem(String text) {
        problems.add(text);
        return this;
    }

    /**
     * The run did only part of its work (a Sonarr series could not be listed): it ends {@code partial} instead of
     * {@code ok}, with {@code reason} as its error text, exit 4 from {@code run}, and a notification as for a failure.
     */
    public FlowResult partial(String reason) {
        partialReasons.add(reason);
        return this;
    }

    /** Why the run was partial ({@code "; "} between reasons), or empty when it did all its work. */
    public java.util.Optional<String> partialReason() {
        return partialReasons.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", partialReasons));
    }

    public java.util.List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    public long read() {
        return read;
    }

    public long written() {
        return written;
    }

    public long deleted() {
        return deleted;
    }

    public long skipped() {
        return skipped;
    }

    public Map<String, Long> counters() {
        return Collections.unmodifiableMap(counters);
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append("read ").append(read).append(", written ").append(written)
                .append(", deleted ").append(deleted).append(", skipped ").append(skipped);
        counters.forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
