package io.mediahub.intake;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.flow.FlowRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's {@code intake-watch-inbox}: looks at the inbox every {@code intake.watch-interval} and remembers each
 * entry's size, file count and newest time stamp. An entry is taken once these have not changed for
 * {@code intake.settle-time} and it holds no partial download; then {@code intake-scan-inbox} runs for the settled
 * entries (through the flow runner, so it is recorded and never runs twice at once).
 */
public class InboxWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    private record Signature(long bytes, long files, long newest, boolean partial) {
    }

    private record Seen(Signature signature, Instant since) {
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Seen> seen = new HashMap<>();

    public InboxWatcher(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** One look at the inbox; runs the intake when something has settled. Never throws (the next look tries again). */
    public synchronized void poll(FlowRunner runner) {
        try {
            List<String> ready = settledEntries();
            if (!ready.isEmpty()) {
                FlowOutcome o = runner.run(IntakeFlows.SCAN_INBOX.id(), "watch", Map.of(InboxIntake.ENTRIES_OPTION, String.join("/", ready)));
                if (!o.ok() && o.status() != FlowOutcome.Status.SKIPPED) {
                    LOG.error(o.error());
                }
                ready.forEach(seen::remove);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("intake-watch-inbox: cannot read the inbox: {}", e.getMessage());
        }
    }

    /** The entries whose signature has held still for the settle time. */
    List<String> settledEntries() throws IOException {
        IntakeSettings s = IntakeSettings.from(settings);
        Files.createDirectories(s.inbox());
        Instant now = clock.instant();
        Duration settle = s.settleTime();
        List<String> ready = new ArrayList<>();
        Map<String, Seen> next = new HashMap<>();
        try (Stream<Path> st = Files.list(s.inbox())) {
            for (Path p : (Iterable<Path>) st::iterator) {
                String name = p.getFileName().toString();
                if (MediaKinds.leaveAlone(name) || MediaKinds.notForIntake(name)) {
                    continue;
                }
                Signature sig = signature(p);
                Seen before = seen.get(name);
                Seen now2 = before != null && before.signature().equals(sig) ? before : new Seen(sig, now);
                next.put(name, now2);
                if (!sig.partial() && before != null && before.signature().equals(sig)
                        && !Duration.between(now2.since(), now).minus(settle).isNegative()) {
                    ready.add(name);
                }
            }
        }
        seen.clear();
        seen.putAll(next);
        return ready;
    }

    private static Signature signature(Path entry) throws IOException {
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            // A link's own size and time, never its target's.
            BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Signature(a.size(), 1, a.lastModifiedTime().toMillis(), false);
        }
        long bytes = 0;
        long files = 0;
        long newest = 0;
        boolean partial = false;
        try (Stream<Path> w = Files.walk(entry)) {
            for (Path p : (Iterable<Path>) w::iterator) {
                newest = Math.max(newest, Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files++;
                    bytes += Files.size(p);
                    String n = p.getFileName().toString();
                    partial |= MediaKinds.leaveAlone(n) && !n.startsWith(".");
                }
            }
        }
        return new Signature(bytes, files, newest, partial);
    }
}
