package io.mediahub.backup;

import io.mediahub.flow.FlowDefinition;
import java.util.List;

/** The store's own flows. */
public final class BackupFlows {
    public static final FlowDefinition BACKUP = new FlowDefinition("store-backup-database",
            "An online, consistent copy of the SQLite store into $MEDIAHUB_DATA_DIR/backups/, oldest beyond the retention removed",
            List.of(), "store.backup-cron");

    public static final List<FlowDefinition> ALL = List.of(BACKUP);

    private BackupFlows() {
    }
}
