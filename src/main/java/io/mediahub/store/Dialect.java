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

    /**
     * An INSERT that does nothing (and affects no row) when the row's key is taken, in one statement: the atomic
     * "take it if nobody has it" of the flow locks.
     */
    public String insertIgnore() {
        return this == SQLITE ? "INSERT OR IGNORE" : "INSERT IGNORE";
    }

    /**
     * The fetch size that streams a large result on a connection that does nothing else meanwhile: SQLite reads
     * rows as they are asked for; MySQL Connector/J streams only when told {@code Integer.MIN_VALUE} (any other
     * size reads the whole result into memory first).
     */
    public int streamingFetchSize() {
        return this == SQLITE ? 2_000 : Integer.MIN_VALUE;
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
