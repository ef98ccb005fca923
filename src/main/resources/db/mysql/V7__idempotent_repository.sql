-- Camel's JDBC idempotent repository (JdbcMessageIdRepository, store/StoreIdempotentRepository): the keys a poller has
-- already taken (a feed entry's guid, a file's name and size), one row per poller (processorName) and key, so a
-- restart, or another instance on the same store, never takes the same item twice. The table and column names are
-- Camel's own (its statements name them so: the table in capitals, which MySQL on Linux tells apart); Camel never
-- creates it (createTableIfNotExists=false) and never removes a row (see docs/operations.md). createdAt is DATETIME(3),
-- not TIMESTAMP: no time-zone conversion, no 2038 limit, and no automatic ON UPDATE default on older servers.
-- Keys are compared as written (utf8mb4_bin), as Camel compares them.

CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(255) NOT NULL,
    createdAt     DATETIME(3)  NULL,
    PRIMARY KEY (processorName, messageId)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
