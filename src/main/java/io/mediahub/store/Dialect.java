package io.mediahub.store;

/** The two stores Mediahub runs on. Where their SQL differs, the difference lives here or in the migrations. */
public enum Dialect {
    SQLITE("db/sqlite"),
    MYSQL("db/mysql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    public String migrationLocation() {
        return "classpath:" + migrations;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("MEDIAHUB_DB_URL must be a jdbc:sqlite:, jdbc:mysql: or jdbc:mariadb: URL");
    }
}
