package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.backup.BackupFlows;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowOutcome;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code backup}: an online, consistent copy of the store now. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the SQLite store, online and consistent, to $MEDIAHUB_DATA_DIR/backups/mediahub-YYYYMMDD-HHMMSSZ.db "
                + "and remove the oldest backups beyond STORE_BACKUP_RETENTION. Also scheduled as the flow store-backup-database."})
public class BackupCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Settings settings = MediahubCommand.settingsSource.get();
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
            app.routesOnFirstUse().start();
            FlowOutcome outcome = app.runner().run(BackupFlows.BACKUP.id(), "cli", Map.of());
            if (outcome.ok()) {
                System.out.println(app.bean("storeBackup", io.mediahub.backup.StoreBackup.class).newest());
                return 0;
            }
            System.err.println(outcome.error());
            return outcome.status() == FlowOutcome.Status.SKIPPED ? 3 : 1;
        }
    }
}
