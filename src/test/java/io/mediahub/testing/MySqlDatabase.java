package io.mediahub.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh MySQL/MariaDB database per test, dropped afterwards ({@code @RegisterExtension}). The server is
 * 127.0.0.1:3306 as root without a password, or MEDIAHUB_IT_MYSQL_URL/USER/PASSWORD. Without a server the test is
 * skipped with a message naming it, unless MEDIAHUB_REQUIRE_ALL=1 (set by .ci/run), which makes it a failure.
 */
public final class MySqlDatabase implements BeforeEachCallback, AfterEachCallback {
    /** Reached with MySQL Connector/J, the store's driver (a jdbc:mariadb: URL given here is read as jdbc:mysql:, as the store does). */
    private final String serverUrl = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/")
            .replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
    private final String user = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_USER", "root");
    private final String password = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_PASSWORD", "");
    private String database;

    @Override
    public void beforeEach(ExtensionContext context) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            database = "mediahub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            s.executeUpdate("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            database = null;
            if ("1".equals(System.getenv("MEDIAHUB_REQUIRE_ALL"))) {
                throw new AssertionError("MySQL/MariaDB is required (MEDIAHUB_REQUIRE_ALL=1) but " + serverUrl + " is not reachable: "
                        + e.getMessage(), e);
            }
            assumeTrue(false, "Skipped: no MySQL/MariaDB server at " + serverUrl + " (" + e.getMessage() + "); set MEDIAHUB_IT_MYSQL_URL");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** The server URL (ending in a slash) with the given JDBC scheme, for example {@code jdbc:mysql:}. */
    public String serverUrl(String scheme) {
        return serverUrl.replace("jdbc:mysql:", scheme);
    }

    public String serverUrl() {
        return serverUrl;
    }

    public String database() {
        return database;
    }

    /** MEDIAHUB_DB_URL/USER/PASSWORD pointing the whole store at this database. */
    public Map<String, String> storeEnv() {
        return Map.of("MEDIAHUB_DB_URL", serverUrl + database, "MEDIAHUB_DB_USER", user, "MEDIAHUB_DB_PASSWORD", password);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
