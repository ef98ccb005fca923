package io.mediahub.flow;

import io.mediahub.common.ServiceException;
import io.mediahub.config.MissingSettingException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs flows: records each run in {@code flow_runs} (with the instance that ran it), makes sure a flow never runs
 * twice at once (in this process, and across processes and instances on one store, through the flow's row in
 * {@code flow_locks}: see {@link FlowLocks}), turns every failure into one line naming the flow and the cause, and
 * tells the webhook.
 */
public class FlowRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);

    private final FlowCatalog catalog;
    private final FlowRunRepository runs;
    private final FlowRunRows rows;
    private final FlowInvoker invoker;
    private final RunNotifier notifier;
    private final FlowMetrics metrics;
    private final FlowLocks locks;
    private final Clock clock;
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public FlowRunner(FlowCatalog catalog, FlowRunRepository runs, FlowInvoker invoker, RunNotifier notifier,
                      FlowMetrics metrics, FlowLocks locks, Clock clock) {
        this(catalog, runs, runs, invoker, notifier, metrics, locks, clock);
    }

    /**
     * A runner that writes each run's {@code flow_runs} row through {@code rows} (the application: the flow-run routes)
     * and reads and tidies runs through {@code runs}.
     */
    public FlowRunner(FlowCatalog catalog, FlowRunRepository runs, FlowRunRows rows, FlowInvoker invoker, RunNotifier notifier,
                      FlowMetrics metrics, FlowLocks locks, Clock clock) {
        this.catalog = catalog;
        this.runs = runs;
        this.rows = rows;
        this.invoker = invoker;
        this.notifier = notifier;
        this.metrics = metrics;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * A runner whose locks live in the runs' store, with this process's default instance id and a 60 s TTL (for
     * tests and tools; the application passes {@code MEDIAHUB_INSTANCE_ID} and {@code MEDIAHUB_LOCK_TTL}).
     *
     * @deprecated the lock folder is no longer used: flow locks are rows of {@code flow_locks}
     */
    @Deprecated
    public FlowRunner(FlowCatalog catalog, FlowRunRepository runs, FlowInvoker invoker, RunNotifier notifier,
                      FlowMetrics metrics, Path unusedLockDir, Clock clock) {
        this(catalog, runs, invoker, notifier, metrics, new FlowLocks(runs.store(), FlowLocks.defaultInstanceId(), Duration.ofSeconds(60), clock),
                clock);
    }

    /** This instance's id ({@code MEDIAHUB_INSTANCE_ID}), recorded with each run and each lock it takes. */
    public String instanceId() {
        return locks.instanceId();
    }

    /** Called when the application starts to stop: flows stop at their next batch boundary. */
    public void requestStop() {
        stopping.set(true);
    }

    /**
     * Marks runs left 'running' by a process that died as 'interrupted' — only for flows whose lock nobody holds (a
     * dead holder's lock counts once it has expired), so a one-shot {@code run} next to a busy container, or one
     * instance next to another, leaves the other's run alone.
     */
    public int tidyAbandonedRuns() {
        int n = 0;
        for (String flowId : runs.flowsWithRunsLeftRunning()) {
            if (running.containsKey(flowId)) {
                continue;
            }
            Optional<FlowLocks.Held> lock = locks.tryTake(flowId);
            if (lock.isPresent()) {
                try (FlowLocks.Held held = lock.get()) {
                    n += runs.markAbandonedRuns(flowId, clock.instant());
                }
            }
        }
        return n;
    }

    /** The Quartz trigger's entry point: runs the flow unless it is already running, never throws. */
    public void trigger(String flowId) {
        trigger(flowId, null);
    }

    /** The Quartz trigger's entry point with the fire time it was due at, recorded in {@code flow_runs.scheduled_for}. */
    public void trigger(String flowId, java.util.Date scheduledFireTime) {
        FlowOutcome outcome = run(flowId, "schedule", scheduledFireTime == null ? Map.of()
                : Map.of(SCHEDULED_FOR, scheduledFireTime.toInstant().toString()));
        if (outcome.status() == FlowOutcome.Status.SKIPPED) {
            LOG.warn("{}: schedule fired while the previous run is still going; this run is skipped", flowId);
        } else if (outcome.status() == FlowOutcome.Status.PARTIAL) {
            LOG.warn("{} partial: {}", flowId, outcome.error());
        } else if (!outcome.ok()) {
            LOG.error(outcome.error());
        }
    }

    public FlowOutcome run(String flowId, String trigger, Map<String, String> options) {
        FlowDefinition def = catalog.find(flowId).orElseThrow(() -> new IllegalArgumentException(
                "No flow called '" + flowId + "'. Flows: " + String.join(", ", catalog.ids())));
        if (running.putIfAbsent(flowId, Boolean.TRUE) != null) {
            metrics.skipped(flowId);
            return FlowOutcome.skipped(flowId, flowId + " is already running in this process");
        }
        try {
            Optional<FlowLocks.Held> lock = locks.tryTake(flowId);
            if (lock.isEmpty()) {
                metrics.skipped(flowId);
                LOG.info("{}: its lock is held by instance {}", flowId, locks.holder(flowId).orElse("(just released)"));
                return FlowOutcome.skipped(flowId, flowId + " is already running in another Mediahub process");
            }
            try (FlowLocks.Held held = lock.get()) {
                // This instance holds the lock now: a run of this flow still marked 'running' belongs to a process that
                // died (its lock expired before this one could be taken).
                int abandoned = runs.markAbandonedRuns(flowId, clock.instant());
                if (abandoned > 0) {
                    LOG.warn("{}: {} run(s) left 'running' by an instance that stopped are now marked 'interrupted'", flowId, abandoned);
                }
                return runLocked(def, trigger, options);
            }
        } finally {
            running.remove(flowId);
        }
    }

    /** The option carrying a scheduled run's fire time (ISO-8601), recorded in {@code flow_runs.scheduled_for}. */
    static final String SCHEDULED_FOR = "scheduled-for";

    /** A flow's lock is held (by a run of it, or by other work that takes it), so the work was not started. */
    public static final class FlowBusyException extends RuntimeException {
        public FlowBusyException(String message) {
            super(message);
        }
    }

    /**
     * Runs work that must not overlap a run of {@code flowId} (such as the CLI's {@code identify}, which moves library
     * files and rows as {@code intake-scan-inbox} does), holding that flow's locks in this process and across processes.
     * The work runs outside any recorded run; if the flow is running, it is not started and {@link FlowBusyException}
     * says who holds the lock.
     */
    public <T> T exclusively(String flowId, java.util.concurrent.Callable<T> work) throws Exception {
        if (running.putIfAbsent(flowId, Boolean.TRUE) != null) {
            throw new FlowBusyException(flowId + " is running in this process; try again when it has finished");
        }
        try {
            Optional<FlowLocks.Held> lock = locks.tryTake(flowId);
            if (lock.isEmpty()) {
                throw new FlowBusyException(flowId + " is running in another Mediahub process; try again when it has finished");
            }
            try (FlowLocks.Held held = lock.get()) {
                return work.call();
            }
        } finally {
            running.remove(flowId);
        }
    }

    private FlowOutcome runLocked(FlowDefinition def, String trigger, Map<String, String> options) {
        String missing = catalog.missingSetting(def).orElse(null);
        Instant started = clock.instant();
        long runId = rows.start(def.id(), trigger, started, locks.instanceId(), options.get(SCHEDULED_FOR));
        FlowRequest request = new FlowRequest(runId, def.id(), Map.copyOf(options), stopping::get);
        FlowResult result = null;
        String status;
        String error = null;
        try {
            if (missing != null) {
                throw new MissingSettingException(missing);
            }
            LOG.info("{}: run {} started ({})", def.id(), runId, trigger);
            result = invoker.invoke(def.endpoint(), request);
            if (result == null) {
                result = new FlowResult();
            }
            status = result.partialReason().isPresent() ? "partial" : "ok";
            List<String> notes = new ArrayList<>();
            result.partialReason().ifPresent(notes::add);
            notes.addAll(result.problems());
            if (!notes.isEmpty()) {
                error = String.join("; ", notes);
            }
        } catch (RuntimeException e) {
            Throwable cause = unwrap(e);
            status = cause instanceof FlowStoppedException ? "interrupted" : "failed";
            error = def.id() + " failed: " + oneLine(cause);
            if (!(cause instanceof ServiceException || cause instanceof MissingSettingException || cause instanceof FlowStoppedException
                    || cause instanceof FlowFailedException || cause instanceof io.mediahub.config.SettingException)) {
                LOG.error("{}: unexpected failure (please report it with this trace)", def.id(), cause);
            }
            if (cause instanceof FlowFailedException ffe && ffe.partialResult() != null) {
                result = ffe.partialResult();
            }
        }
        Instant finished = clock.instant();
        long ms = Duration.between(started, finished).toMillis();
        rows.finish(runId, status, finished, ms, result, error);
        metrics.finished(def.id(), status, ms, finished);
        FlowOutcome outcome = new FlowOutcome(def.id(), runId, switch (status) {
            case "ok" -> FlowOutcome.Status.OK;
            case "partial" -> FlowOutcome.Status.PARTIAL;
            case "interrupted" -> FlowOutcome.Status.INTERRUPTED;
            default -> FlowOutcome.Status.FAILED;
        }, ms, result, error);
        if (outcome.status() == FlowOutcome.Status.OK) {
            LOG.info("{}: run {} ok in {} ms ({})", def.id(), runId, ms, result);
        } else if (outcome.status() == FlowOutcome.Status.PARTIAL) {
            LOG.warn("{}: run {} partial in {} ms: {} ({})", def.id(), runId, ms, error, result);
        }
        notifier.notify(outcome);
        return outcome;
    }

    /**
     * The failure's own cause: Camel's wrappers, and the Spring JDBC wrappers camel-sql puts around a driver's
     * {@code SQLException}, are taken off, so a failed {@code sql:} endpoint reads as the driver's message.
     */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t.getClass().getName().startsWith("org.apache.camel.") || t.getClass() == RuntimeException.class
                || t instanceof org.springframework.dao.DataAccessException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The cause as one line: the message, or the exception's kind when it has none. No stack trace, no newlines. */
    public static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        } else if (!(t instanceof ServiceException || t instanceof MissingSettingException || t instanceof FlowFailedException
                || t instanceof FlowStoppedException || t instanceof IllegalArgumentException || t instanceof IllegalStateException)) {
            m = t.getClass().getSimpleName() + ": " + m;
        }
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
