package io.mediahub.intake;

import io.mediahub.flow.FlowDefinition;
import java.util.List;

/** The media intake's flows. The container's watcher, {@code intake-watch-inbox}, runs {@link #SCAN_INBOX} when drops settle. */
public final class IntakeFlows {
    public static final FlowDefinition SCAN_INBOX = new FlowDefinition("intake-scan-inbox",
            "Files what is in the inbox now into the library (probe, TMDb, artwork, sidecar, media row); failures to inbox/.failed/",
            List.of(), "intake.scan-inbox-cron");

    /** A short id users' scripts call: one of the few ids outside the <domain>-<verb>-<object> pattern. */
    public static final FlowDefinition SCAN_LIBRARY = new FlowDefinition("library-scan",
            "Adds library files that arrived by other means (with their sidecars); flags rows whose files are gone as missing",
            List.of(), "intake.scan-library-cron");

    /** The watcher's route id (container only; not a flow of its own). */
    public static final String WATCH_ROUTE = "intake-watch-inbox";

    public static final List<FlowDefinition> ALL = List.of(SCAN_INBOX, SCAN_LIBRARY);

    private IntakeFlows() {
    }
}
