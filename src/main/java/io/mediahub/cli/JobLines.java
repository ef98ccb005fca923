package io.mediahub.cli;

import io.mediahub.jobs.Job;
import java.util.Locale;

/** How {@code jobs} shows a job: progress bar, speed, ETA, and the one-line form of {@code jobs --watch}; pure. */
final class JobLines {
    static final int BAR = 20;

    private JobLines() {
    }

    /** {@code [#########-----------] 45.0% 1.2 MiB/s ETA 0:35} for a running job; the phase when there is no percentage yet. */
    static String progress(Job j) {
        if (!Job.RUNNING.equals(j.status())) {
            return Job.COMPLETED.equals(j.status()) ? "100%" : "";
        }
        StringBuilder sb = new StringBuilder();
        if (j.progress() != null) {
            int filled = (int) Math.round(Math.max(0, Math.min(100, j.progress())) * BAR / 100.0);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%.1f%%", j.progress()));
        }
        if (j.speed() != null) {
            sb.append(sb.length() == 0 ? "" : " ").append(j.speed());
        }
        if (j.etaSeconds() != null) {
            sb.append(sb.length() == 0 ? "" : " ").append("ETA ").append(duration(j.etaSeconds()));
        }
        return sb.toString();
    }

    /** {@code 0:35}, {@code 12:03}, {@code 1:02:03}. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** The status with the phase of a running job: {@code running (downloading)}. */
    static String status(Job j) {
        return Job.RUNNING.equals(j.status()) && j.phase() != null ? j.status() + " (" + j.phase() + ")" : j.status();
    }

    /** What the job is about: its title, else its source. */
    static String what(Job j) {
        return j.title() != null ? j.title() : j.source() == null ? "" : j.source();
    }

    /** The filed path of a completed job, the reason of a failed or cancelled one, the last failure of one queued again. */
    static String detail(Job j) {
        if (Job.COMPLETED.equals(j.status())) {
            return j.target() == null ? "" : j.target();
        }
        if (j.errorText() == null) {
            return "";
        }
        return Job.QUEUED.equals(j.status()) ? "attempt " + j.attempts() + " failed: " + j.errorText() : j.errorText();
    }

    /** One line of {@code jobs --watch} when the output is not a terminal. */
    static String line(Job j) {
        String p = progress(j);
        String d = detail(j);
        return "job " + j.jobId() + " " + j.kind() + " " + status(j) + (p.isEmpty() ? "" : " " + p) + " — " + what(j)
                + (d.isEmpty() ? "" : " — " + d);
    }
}
