package io.mediahub.backup;

import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.MediahubModule;
import io.mediahub.store.Dialect;
import io.mediahub.store.Store;
import java.util.List;
import java.util.Map;

/** Backups of the embedded store. */
public final class BackupModule implements MediahubModule {
    @Override
    public String routesFolder() {
        return "backup";
    }

    @Override
    public List<FlowDefinition> flows() {
        return BackupFlows.ALL;
    }

    @Override
    public Map<String, Object> beans(Context c) {
        return Map.of("storeBackup", new StoreBackup(c.settings(), c.store(), c.clock()));
    }

    @Override
    public void adjust(FlowCatalog catalog, Store store) {
        if (store.dialect() == Dialect.MYSQL) {
            catalog.markUnavailable(BackupFlows.BACKUP.id(), "the store is MySQL/MariaDB: back it up with mysqldump or mariadb-backup");
        }
    }
}
