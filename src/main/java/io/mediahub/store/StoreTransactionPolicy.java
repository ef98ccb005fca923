package io.mediahub.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One store transaction around the steps of a route ({@code policy: {ref: storeTransaction}}): every {@code sql:}
 * endpoint inside, and every repository bean that works through {@link #onTransactionConnection}, uses the same
 * connection of the store's pool; it commits when the steps succeed and rolls back when one fails, so a flow that fails
 * leaves the previous good state. camel-sql reaches the connection through Spring's JDBC support (which it is built
 * on); this policy is the few lines of camel-spring's {@code transacted} that Mediahub needs, without a Spring context.
 * The exchange is marked transacted inside, so camel-sql's batches do not commit on their own.
 */
public final class StoreTransactionPolicy implements Policy {
    private final TransactionTemplate transactions;

    public StoreTransactionPolicy(DataSource dataSource) {
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> transactions.executeWithoutResult(status -> {
            boolean transacted = exchange.isTransacted();
            exchange.getExchangeExtension().setTransacted(true);
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                exchange.getExchangeExtension().setTransacted(transacted);
            }
            if (exchange.getException() != null) {
                status.setRollbackOnly();
            }
        });
    }

    /** Work done by a repository bean inside the policy: on the transaction's connection (outside one: a connection of its own). */
    public static <T> T onTransactionConnection(DataSource dataSource, Store.SqlWork<T> work) throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(c);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** For logs: names no URL or user. */
    @Override
    public String toString() {
        return "StoreTransactionPolicy";
    }
}
