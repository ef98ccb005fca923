-- Camel's JDBC idempotent repository (JdbcMessageIdRepository, store/StoreIdempotentRepository): the keys a poller has
-- already taken (a feed entry's guid, a file's name and size), one row per poller (processorName) and key, so a
-- restart, or another instance on the same store, never takes the same item twice. The table and column names are
-- Camel's own; Camel never creates it (createTableIfNotExists=false) and never removes a row (see docs/operations.md).
-- createdAt is when the key was taken (Camel's java.sql.Timestamp; the SQLite driver stores it as epoch milliseconds).

CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(255) NOT NULL,
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
