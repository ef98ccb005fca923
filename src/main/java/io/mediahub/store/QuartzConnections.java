package io.mediahub.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The store's pool as a Quartz data source: Quartz's JDBC job store (the clustered schedules on MySQL/MariaDB) takes
 * its connections from the same Hikari pool as every flow, so there is one pool and one set of credentials.
 */
public final class QuartzConnections implements ConnectionProvider {
    private final Store store;

    private QuartzConnections(Store store) {
        this.store = store;
    }

    /** Registers the store under {@code name} for {@code org.quartz.jobStore.dataSource}. */
    public static void register(String name, Store store) {
        DBConnectionManager.getInstance().addConnectionProvider(name, new QuartzConnections(store));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return store.connection();
    }

    @Override
    public void shutdown() {
        // The pool belongs to the store, which closes it.
    }

    @Override
    public void initialize() {
        // Nothing to do: the pool is open.
    }
}
