package io.mediahub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mediahub.config.JdbcUrls;
import io.mediahub.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one store: SQLite at {@code $MEDIAHUB_DATA_DIR/mediahub.db} by default (WAL, busy timeout, foreign keys), or
 * MySQL/MariaDB when {@code MEDIAHUB_DB_URL} says so. The schema is created and evolved only by the versioned
 * migrations under {@code db/sqlite} and {@code db/mysql}.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String displayUrl;
    private final Path sqliteFile;

    private Store(HikariDataSource dataSource, Dialect dialect, String displayUrl, Path sqliteFile) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.displayUrl = displayUrl;
        this.sqliteFile = sqliteFile;
    }

    /** Opens the store the settings describe and brings its schema up to date. */
    public static Store open(Settings settings) {
        Store store = connect(settings);
        try {
            store.migrate();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    static Store connect(Settings settings) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("mediahub-store");
        hc.setConnectionTimeout(settings.getDuration("store.connect-timeout").toMillis());
        String url = settings.find("mediahub.db-url").orElse(null);
        Dialect dialect;
        Path file = null;
        if (url == null) {
            Path dataDir = settings.dataDir();
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data folder " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
            }
            file = dataDir.resolve("mediahub.db").toAbsolutePath().normalize();
            url = "jdbc:sqlite:" + file;
            dialect = Dialect.SQLITE;
        } else {
            dialect = Dialect.of(url);
            url = mysqlDriverUrl(url);
        }
        hc.setJdbcUrl(url);
        if (dialect == Dialect.SQLITE) {
            // One writer at a time is SQLite's rule; a small pool lets readers (health, flows) run beside it.
            hc.setMaximumPoolSize(settings.getInt("store.pool-size"));
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("busy_timeout", String.valueOf(settings.getDuration("store.busy-timeout").toMillis()));
            hc.addDataSourceProperty("foreign_keys", "true");
            hc.addDataSourceProperty("synchronous", "NORMAL");
            hc.setConnectionInitSql("PRAGMA foreign_keys = ON");
        } else {
            hc.setMaximumPoolSize(settings.getInt("store.pool-size"));
            // user:password@ in the URL (MySQL Connector/J's form, which MariaDB Connector/J does not read) is used when
            // MEDIAHUB_DB_USER / MEDIAHUB_DB_PASSWORD are not set.
            JdbcUrls.UserInfo inUrl = JdbcUrls.userInfo(url).orElse(null);
            if (inUrl != null) {
                hc.setUsername(inUrl.user());
                hc.setPassword(inUrl.password());
                hc.setJdbcUrl(inUrl.urlWithout());
            }
            settings.find("mediahub.db-user").ifPresent(hc::setUsername);
            settings.find("mediahub.db-password").ifPresent(hc::setPassword);
            // Connector/J: batches sent as multi-row statements; text in utf8mb4 whatever the server's default;
            // LOAD DATA LOCAL never allowed unless a URL asks for it.
            hc.addDataSourceProperty("rewriteBatchedStatements", "true");
            hc.addDataSourceProperty("characterEncoding", "UTF-8");
            if (!url.contains("allowLoadLocalInfile")) {
                hc.addDataSourceProperty("allowLoadLocalInfile", "false");
            }
        }
        String display = displayUrl(url);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            // The driver's message may quote the URL, or the password it was given: neither is shown. The cause (with
            // its own messages) is left out for the same reason.
            String why = JdbcUrls.scrub(rootMessage(e), url);
            String password = settings.find("mediahub.db-password").orElse(null);
            if (password != null) {
                why = why.replace(password, JdbcUrls.MASK);
            }
            throw new IllegalStateException("Cannot open the store at " + display + ": " + why
                    + (dialect == Dialect.MYSQL ? " — check MEDIAHUB_DB_URL, MEDIAHUB_DB_USER and MEDIAHUB_DB_PASSWORD" : ""));
        }
        return new Store(ds, dialect, display, file);
    }

    /**
     * The URL MySQL Connector/J takes: {@code jdbc:mysql:} as it is; {@code jdbc:mariadb:} (the scheme of the MariaDB
     * driver Mediahub used before, which users' settings still carry) read as {@code jdbc:mysql:}, which reaches a
     * MariaDB server just as well; the MariaDB driver's {@code permitMysqlScheme} flag dropped, Connector/J has no use
     * for it.
     */
    static String mysqlDriverUrl(String url) {
        String u = url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
        u = u.replaceAll("([?&])permitMysqlScheme(=[^&]*)?(&|$)", "$1").replaceAll("[?&]$", "");
        return u;
    }

    /** The URL with its credentials hidden ({@link JdbcUrls#redact}) and without query parameters, fit for a log line. */
    static String displayUrl(String url) {
        String u = JdbcUrls.redact(url);
        int q = u.indexOf('?');
        return q >= 0 ? u.substring(0, q) : u;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    void migrate() {
        // A store already at the classpath's schema needs no Flyway (checked exactly, see SchemaCheck): short commands
        // such as `flows` then start without loading it.
        if (SchemaCheck.isCurrent(dataSource, dialect.migrationLocation().substring("classpath:".length()))) {
            return;
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .table("schema_history")
                .validateMigrationNaming(true)
                .load();
        MigrateResult r = flyway.migrate();
        if (r.migrationsExecuted > 0) {
            LOG.info("Store {}: applied {} migration(s), schema now at version {}", displayUrl, r.migrationsExecuted, r.targetSchemaVersion);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public Dialect dialect() {
        return dialect;
    }

    public String displayUrl() {
        return displayUrl;
    }

    /** The SQLite file, or null on MySQL. */
    public Path sqliteFile() {
        return sqliteFile;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * <p>On SQLite the transaction takes the store's write lock when it begins ({@code BEGIN IMMEDIATE}), waiting up to
     * {@code STORE_BUSY_TIMEOUT} for another writer. A deferred transaction that reads first and writes later fails at
     * once with {@code SQLITE_BUSY_SNAPSHOT} when another connection (a flow lock's heartbeat, say) committed in between,
     * whatever the busy timeout; the transactions here are the store's writes, so they queue for the lock instead.
     */
    public <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Connection c = connection()) {
            boolean auto = c.getAutoCommit();
            SQLiteConnectionConfig sqlite = dialect == Dialect.SQLITE ? c.unwrap(SQLiteConnection.class).getConnectionConfig() : null;
            if (sqlite != null) {
                sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            }
            try {
                c.setAutoCommit(false);
            } finally {
                // sqlite-jdbc begins the next transaction right after a commit or rollback: that one must not take the lock.
                if (sqlite != null) {
                    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
                }
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
