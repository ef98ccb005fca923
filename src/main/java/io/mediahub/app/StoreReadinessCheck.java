package io.mediahub.app;

import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the store answers a query. */
final class StoreReadinessCheck extends AbstractHealthCheck {
    private final Store store;

    StoreReadinessCheck(Store store) {
        super("mediahub", "store");
        this.store = store;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("store", store.displayUrl());
        try (Connection c = store.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            builder.up();
        } catch (Exception e) {
            builder.message("the store does not answer: " + e.getMessage()).down();
        }
    }
}
