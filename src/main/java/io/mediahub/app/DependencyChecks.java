package io.mediahub.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness per external service a configured flow depends on: the service answers at its configured URL (an
 * unauthenticated request, so a probe never spends a key's quota or shows it). A service that is down makes
 * readiness DOWN with its name, while the other flows keep their schedules.
 */
final class DependencyChecks {
    private DependencyChecks() {
    }

    /** UP when the URL answers at all (any HTTP status below 500: 401 from TMDb without a key still proves it is there). */
    static final class ReachableCheck extends AbstractHealthCheck {
        private final URI uri;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

        ReachableCheck(String service, String url) {
            super("mediahub", service);
            this.uri = URI.create(url.replaceAll("(?<!:)//+", "/"));
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                builder.detail("status", r.statusCode());
                if (r.statusCode() < 500) {
                    builder.up();
                } else {
                    builder.message(getId() + " answered " + r.statusCode()).down();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                builder.down();
            } catch (Exception e) {
                builder.message(getId() + " is unreachable: " + e.getClass().getSimpleName()).down();
            }
        }
    }
}
