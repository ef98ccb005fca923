package io.mediahub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.config.Settings;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobRepository;
import io.mediahub.store.Store;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs [--json] [--all] [--watch]}, {@code jobs cancel ID}, {@code jobs retry ID}: the queue of long work. */
@Command(name = "jobs", mixinStandardHelpOptions = true, subcommands = {JobsCommand.Cancel.class, JobsCommand.Retry.class},
        description = {"List jobs (downloads and other long work), newest first: queued and running ones, and those that ended in the "
                + "last 24 hours (--all: every job). A running job shows a progress bar, its speed and its ETA.",
                "--watch keeps the list up to date: redrawn every second in a terminal; otherwise one line per change, until no job "
                        + "is queued or running."})
public class JobsCommand implements Callable<Integer> {
    static final Duration RECENT = Duration.ofHours(24);

    @Option(names = "--json", description = "Print the jobs as a JSON array (every column; hints as an object).")
    boolean json;

    @Option(names = "--all", description = "Every job, not only the active and recent ones.")
    boolean all;

    @Option(names = "--watch", description = "Keep watching (Ctrl-C to stop).")
    boolean watch;

    @Override
    public Integer call() throws Exception {
        Settings settings = MediahubCommand.settingsSource.get();
        try (Store store = Store.open(settings)) {
            JobRepository jobs = new JobRepository(store, Clock.systemUTC());
            if (watch) {
                return watch(jobs, System.out, System.console() != null);
            }
            List<Job> list = jobs.list(all, RECENT);
            if (json) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(list)));
            } else {
                print(list, System.out);
            }
        }
        return 0;
    }

    static void print(List<Job> list, PrintStream out) {
        if (list.isEmpty()) {
            out.println("No jobs.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "KIND", "STATUS", "PROGRESS", "CREATED", "TITLE", "DETAIL"});
        for (Job j : list) {
            rows.add(new String[] {String.valueOf(j.jobId()), j.kind(), JobLines.status(j), JobLines.progress(j), j.createdAt(), JobLines.what(j),
                    JobLines.detail(j)});
        }
        TextTable.print(rows, 60, out);
    }

    static ArrayNode toJson(List<Job> list) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode a = m.createArrayNode();
        for (Job j : list) {
            ObjectNode n = a.addObject();
            n.put("job_id", j.jobId());
            n.put("kind", j.kind());
            n.put("status", j.status());
            n.put("phase", j.phase());
            n.put("progress", j.progress());
            n.put("speed", j.speed());
            n.put("eta_seconds", j.etaSeconds());
            n.put("title", j.title());
            n.put("source", j.source());
            n.put("target", j.target());
            n.put("disc_type", j.discType());
            try {
                n.set("hints", j.hints() == null ? null : m.readTree(j.hints()));
            } catch (Exception e) {
                n.put("hints", j.hints());
            }
            n.put("attempts", j.attempts());
            n.put("error_text", j.errorText());
            n.put("created_at", j.createdAt());
            n.put("started_at", j.startedAt());
            n.put("finished_at", j.finishedAt());
            n.put("retry_of", j.retryOf());
        }
        return a;
    }

    /** In a terminal: the table redrawn every second until interrupted. Otherwise: a line per change, until nothing is active. */
    static int watch(JobRepository jobs, PrintStream out, boolean terminal) throws Exception {
        Map<Long, String> shown = new HashMap<>();
        while (true) {
            List<Job> list = jobs.list(false, RECENT);
            if (terminal) {
                out.print("\033[H\033[2J");
                print(list, out);
                out.flush();
            } else {
                List<Job> oldestFirst = new ArrayList<>(list);
                java.util.Collections.reverse(oldestFirst);
                for (Job j : oldestFirst) {
                    String line = JobLines.line(j);
                    if (!line.equals(shown.put(j.jobId(), line))) {
                        out.println(line);
                    }
                }
                if (list.stream().noneMatch(Job::active)) {
                    return 0;
                }
            }
            Thread.sleep(1000);
        }
    }

    /** What {@code jobs cancel}/{@code jobs retry} do with the job they name; returns the exit code. */
    interface JobAction {
        int on(JobRepository jobs, Job job) throws Exception;
    }

    /** Opens the store, finds job {@code id} (none: a line and exit 1) and acts on it. */
    static int onJob(long id, JobAction action) throws Exception {
        try (Store store = Store.open(MediahubCommand.settingsSource.get())) {
            JobRepository jobs = new JobRepository(store, Clock.systemUTC());
            Optional<Job> j = jobs.byId(id);
            if (j.isEmpty()) {
                System.err.println("jobs: there is no job " + id);
                return 1;
            }
            return action.on(jobs, j.get());
        }
    }

    /** {@code jobs cancel ID}. */
    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancel a queued or running job. A running job's tool is stopped and its partial output removed (within a second or two).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:cancelled", "1:no such job, or it has already ended", "2:wrong usage or configuration"})
    static class Cancel implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The job's id (jobs lists them).")
        long id;

        @Override
        public Integer call() throws Exception {
            return onJob(id, (jobs, before) -> {
                if (!before.active()) {
                    System.err.println("jobs: job " + id + " is " + before.status() + "; only a queued or running job can be cancelled");
                    return 1;
                }
                Job now = jobs.cancel(id).orElseThrow();
                if (!Job.CANCELLED.equals(now.status())) {
                    System.err.println("jobs: job " + id + " ended (" + now.status() + ") before it could be cancelled");
                    return 1;
                }
                System.out.println("job " + id + " cancelled" + (Job.RUNNING.equals(before.status())
                        ? "; its worker stops the tool and removes the partial output" : ""));
                return 0;
            });
        }
    }

    /** {@code jobs retry ID}. */
    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Queue a failed or cancelled job again: a new job with everything the first one had (kind, source, title, "
                    + "disc type, hints and options), retry_of set to the first. A download resumes its partial file.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:queued", "1:no such job, or it is not failed or cancelled",
                    "2:wrong usage or configuration"})
    static class Retry implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The job's id (jobs lists them).")
        long id;

        @Override
        public Integer call() throws Exception {
            return onJob(id, (jobs, old) -> {
                if (!Job.FAILED.equals(old.status()) && !Job.CANCELLED.equals(old.status())) {
                    System.err.println("jobs: job " + id + " is " + old.status() + "; only a failed or cancelled job can be retried");
                    return 1;
                }
                long fresh = jobs.retry(old);
                System.out.println("job " + fresh + " queued (retry of job " + id + ")");
                return 0;
            });
        }
    }
}
