package io.mediahub.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.config.Settings;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a run's failure or partial run (and, if {@code mediahub.notify-on-success}, its success) to {@code MEDIAHUB_NOTIFY_URL}:
 * Discord-compatible {@code {"content": …}} cut at 2,000 characters, or a generic JSON object. The URL is a secret
 * (webhook URLs carry a token) and never appears in a log line. A webhook that fails is logged, never fatal. The post
 * itself goes through the application's camel-http route {@code direct:notify-webhook} ({@link Transport}).
 */
public class RunNotifier {
    static final int DISCORD_LIMIT = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(RunNotifier.class);

    private final String url;
    private final String format;
    private final boolean onSuccess;
    private final ObjectMapper json;
    private final Transport transport;

    /** Posts a JSON body to the webhook and returns the HTTP status; the URL is a secret it must not log. */
    @FunctionalInterface
    public interface Transport {
        int post(String url, byte[] json) throws Exception;
    }

    /** A notifier without a way to post (for runners that never notify): a configured webhook gets a warning per run. */
    public RunNotifier(Settings settings, ObjectMapper json) {
        this(settings, json, (url, body) -> {
            throw new IllegalStateException("no webhook transport");
        });
    }

    public RunNotifier(Settings settings, ObjectMapper json, Transport transport) {
        this.url = settings.find("mediahub.notify-url").orElse(null);
        this.onSuccess = settings.getBoolean("mediahub.notify-on-success");
        String f = settings.get("mediahub.notify-format").toLowerCase(Locale.ROOT);
        if (!f.equals("auto") && !f.equals("discord") && !f.equals("json")) {
            throw new IllegalArgumentException("MEDIAHUB_NOTIFY_FORMAT must be auto, discord or json, not '" + f + "'");
        }
        this.format = f.equals("auto") ? (url != null && url.contains("discord") ? "discord" : "json") : f;
        this.json = json;
        this.transport = transport;
    }

    public void notify(FlowOutcome outcome) {
        if (url == null || outcome.status() == FlowOutcome.Status.SKIPPED || outcome.ok() && !onSuccess) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(payload(outcome));
            int status = transport.post(url, body);
            if (status >= 300) {
                LOG.warn("The notification webhook answered {} for {}'s run {}", status, outcome.flowId(), outcome.runId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Could not post {}'s run {} to the notification webhook: {}", outcome.flowId(), outcome.runId(),
                    e.getClass().getSimpleName());
        }
    }

    ObjectNode payload(FlowOutcome o) {
        ObjectNode n = json.createObjectNode();
        if (format.equals("discord")) {
            n.put("content", discordText(o));
            return n;
        }
        n.put("flow", o.flowId());
        n.put("run_id", o.runId());
        n.put("status", o.status().name().toLowerCase(Locale.ROOT));
        n.put("duration_ms", o.durationMs());
        if (o.result() != null) {
            n.put("read", o.result().read());
            n.put("written", o.result().written());
            n.put("deleted", o.result().deleted());
            n.put("skipped", o.result().skipped());
        }
        if (o.error() != null) {
            n.put("error", o.error());
        }
        return n;
    }

    static String discordText(FlowOutcome o) {
        String text = o.ok()
                ? "Mediahub: " + o.flowId() + " ok in " + o.durationMs() / 1000.0 + " s (" + o.result() + ")"
                : o.status() == FlowOutcome.Status.PARTIAL
                ? "Mediahub: " + o.flowId() + " partial in " + o.durationMs() / 1000.0 + " s: " + o.error()
                : "Mediahub: " + o.error();
        return text.length() <= DISCORD_LIMIT ? text : text.substring(0, DISCORD_LIMIT - 1) + "…";
    }
}
