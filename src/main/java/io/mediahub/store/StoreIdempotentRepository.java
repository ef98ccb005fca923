package io.mediahub.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The pollers' idempotent repositories, bound as {@code storeIdempotentRepository}: one Camel
 * {@link JdbcMessageIdRepository} per poller ({@code processorName}), on the store's pool, in the table
 * {@code CAMEL_MESSAGEPROCESSED} that migration V7 creates for both vendors (so {@code createTableIfNotExists=false}:
 * no table is created at run time). Camel's own statements suit SQLite and MySQL/MariaDB alike (no reserved words;
 * the table name in capitals, as V7 spells it). A key taken once stays taken across restarts and for every instance on
 * the store; rows are never expired.
 *
 * <p>A poller route names its repository through this bean, e.g. in Java
 * {@code idempotentConsumer(header("guid"), repositories.named("podcast-feed-entries"))}; a module binds
 * {@code named(...)} under its own name for a YAML route ({@code idempotentRepository: podcastFeedEntries}).
 */
public final class StoreIdempotentRepository {
    private final DataSource dataSource;
    private final Map<String, JdbcMessageIdRepository> byName = new ConcurrentHashMap<>();

    public StoreIdempotentRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The repository of one poller: the same instance for the same name. */
    public IdempotentRepository named(String processorName) {
        if (processorName == null || processorName.isBlank()) {
            throw new IllegalArgumentException("an idempotent repository needs a processor name");
        }
        return byName.computeIfAbsent(processorName, name -> {
            JdbcMessageIdRepository r = new JdbcMessageIdRepository(dataSource, name);
            r.setCreateTableIfNotExists(false);
            return r;
        });
    }

    /** For logs: names no URL or user. */
    @Override
    public String toString() {
        return "StoreIdempotentRepository" + byName.keySet();
    }
}
