package io.mediahub.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.config.Settings;
import io.mediahub.flow.RunNotifier;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each job that completed or failed to {@code MEDIAHUB_NOTIFY_URL}, through the same webhook route as the flows'
 * notifications ({@link RunNotifier.Transport}): Discord-compatible {@code {"content": …}} or a JSON object with the job's
 * id, kind, status, title, filed path and error. The URL is a secret and never logged; a webhook that fails is logged,
 * never fatal. The source URL is left out (a URL may carry a token).
 */
public class JobNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(JobNotifier.class);

    private final String url;
    private final boolean discord;
    private final ObjectMapper json;

    public JobNotifier(Settings settings, ObjectMapper json) {
        this.url = settings.find("mediahub.notify-url").orElse(null);
        String f = settings.get("mediahub.notify-format").toLowerCase(Locale.ROOT);
        this.discord = f.equals("discord") || f.equals("auto") && url != null && url.contains("discord");
        this.json = json;
    }

    /** Posts the job through {@code transport} (the application's webhook route); nothing when no webhook is set. */
    public void notify(Job job, RunNotifier.Transport transport) {
        if (url == null || transport == null) {
            return;
        }
        try {
            int status = transport.post(url, json.writeValueAsBytes(payload(job)));
            if (status >= 300) {
                LOG.warn("The notification webhook answered {} for job {}", status, job.jobId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not post job {} to the notification webhook: {}", job.jobId(), e.getClass().getSimpleName());
        }
    }

    ObjectNode payload(Job j) {
        ObjectNode n = json.createObjectNode();
        if (discord) {
            String text = "Mediahub: " + j.kind() + " job " + j.jobId() + " " + j.status()
                    + (Job.COMPLETED.equals(j.status()) ? ": filed as " + j.target() : ": " + j.errorText())
                    + (j.title() == null ? "" : " (" + j.title() + ")");
            n.put("content", text.length() <= 2000 ? text : text.substring(0, 1999) + "…");
            return n;
        }
        n.put("job_id", j.jobId());
        n.put("kind", j.kind());
        n.put("status", j.status());
        n.put("title", j.title());
        n.put("target", j.target());
        n.put("attempts", j.attempts());
        if (j.errorText() != null && !Job.COMPLETED.equals(j.status())) {
            n.put("error", j.errorText());
        }
        return n;
    }
}
