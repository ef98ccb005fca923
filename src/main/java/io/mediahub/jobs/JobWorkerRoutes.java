package io.mediahub.jobs;

import io.mediahub.flow.RunNotifier;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one job kind, {@code jobs-work-<kind>-<n>}: {@code workers} timer routes, each of which claims the
 * oldest queued job of its kind ({@link JobRepository#claim}, a conditional update only one worker or process can win),
 * hands it to the kind's route ({@code endpoint}, body and variable {@code job}: the {@link Job}; it answers with the
 * filed path) and records the outcome: completed, queued again (a retryable {@link JobFailure} with attempts left) or
 * failed with the reason. Completed and failed jobs are posted to the webhook. A worker claims its next job as soon as
 * one ends; when the queue is empty it looks again after {@code pollInterval}.
 *
 * <p>Before the routes start, jobs of this kind left {@code running} by a process that ended go back to the queue
 * ({@link JobRepository#recoverAbandoned}): with one store per container this is right; instances sharing a MySQL
 * store must each run their own kinds.
 */
public class JobWorkerRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkerRoutes.class);
    public static final String JOB_VARIABLE = "job";
    /** The bean the application binds to post to the webhook ({@code direct:notify-webhook}). */
    public static final String TRANSPORT_BEAN = "notifyTransport";

    private final String kind;
    private final int workers;
    private final String endpoint;
    private final JobRepository jobs;
    private final JobNotifier notifier;
    private final int maxAttempts;
    private final long pollMillis;

    public JobWorkerRoutes(String kind, int workers, String endpoint, JobRepository jobs, JobNotifier notifier, int maxAttempts,
                           Duration pollInterval) {
        this.kind = kind;
        this.workers = workers;
        this.endpoint = endpoint;
        this.jobs = jobs;
        this.notifier = notifier;
        this.maxAttempts = maxAttempts;
        this.pollMillis = Math.max(50, pollInterval.toMillis());
    }

    @Override
    public void configure() throws Exception {
        int recovered = jobs.recoverAbandoned(List.of(kind), maxAttempts);
        if (recovered > 0) {
            LOG.warn("{} {} job(s) left 'running' by a process that ended are queued again (or failed, when out of attempts)", recovered, kind);
        }
        for (int n = 1; n <= workers; n++) {
            from("timer:jobs-" + kind + "-" + n + "?delay=" + pollMillis + "&period=" + pollMillis)
                    .routeId("jobs-work-" + kind + "-" + n)
                    .description("Worker " + n + " of " + workers + " for " + kind + " jobs: claims one queued job, runs " + endpoint)
                    .bean(this, "claim")
                    .filter(body().isNotNull())
                        .setVariable(JOB_VARIABLE, body())
                        .doTry()
                            .to(endpoint)
                            .bean(this, "completed")
                        .doCatch(Exception.class)
                            .bean(this, "failed")
                        .end()
                    .end();
        }
    }

    /** The job this worker takes, or null. */
    public Job claim() throws Exception {
        return jobs.claim(kind).orElse(null);
    }

    /** The application's webhook transport, bound as {@value #TRANSPORT_BEAN}. */
    private static RunNotifier.Transport transport(Exchange x) {
        return x.getContext().getRegistry().lookupByNameAndType(TRANSPORT_BEAN, RunNotifier.Transport.class);
    }

    /** The kind's route answered with the filed path. */
    public void completed(Exchange x) throws Exception {
        Job job = x.getVariable(JOB_VARIABLE, Job.class);
        String target = x.getMessage().getBody(String.class);
        if (jobs.complete(job.jobId(), target)) {
            LOG.info("{} job {} completed: {}", kind, job.jobId(), target);
            jobs.byId(job.jobId()).ifPresent(j -> notifier.notify(j, transport(x)));
        }
    }

    /** The kind's route failed: queued again, failed, or (cancelled meanwhile) left as it is. */
    public void failed(Exchange x) throws Exception {
        Job job = x.getVariable(JOB_VARIABLE, Job.class);
        Exception e = x.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        x.setException(null);
        if (e instanceof JobFailure.Cancelled) {
            LOG.info("{} job {} was cancelled; its tool was stopped and its partial output removed", kind, job.jobId());
            return;
        }
        boolean retryable = e instanceof JobFailure f && f.retryable();
        String reason = e instanceof JobFailure ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        Job now = jobs.failed(job.jobId(), reason, retryable, maxAttempts).orElse(null);
        if (now != null && Job.FAILED.equals(now.status())) {
            LOG.warn("{} job {} failed: {}", kind, job.jobId(), now.errorText());
            notifier.notify(now, transport(x));
        } else if (now != null && Job.QUEUED.equals(now.status())) {
            LOG.warn("{} job {} will be tried again (attempt {} of {} failed: {})", kind, job.jobId(), now.attempts(), maxAttempts, reason);
        }
    }
}
