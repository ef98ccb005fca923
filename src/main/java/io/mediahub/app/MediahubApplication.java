package io.mediahub.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.backup.BackupModule;
import io.mediahub.common.HttpSettings;
import io.mediahub.config.Settings;
import io.mediahub.arr.ArrModule;
import io.mediahub.emby.EmbyModule;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.FlowLocks;
import io.mediahub.flow.FlowMetrics;
import io.mediahub.flow.FlowResult;
import io.mediahub.flow.FlowRunRepository;
import io.mediahub.flow.FlowRunner;
import io.mediahub.flow.FlowScheduleRoutes;
import io.mediahub.flow.MediahubModule;
import io.mediahub.flow.RunNotifier;
import io.mediahub.intake.IntakeModule;
import io.mediahub.store.Dialect;
import io.mediahub.store.Store;
import io.mediahub.tmdb.TmdbModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles Mediahub: settings, the store, every flow's bean, the YAML routes from {@code routes/} and the Java
 * route builders, on camel-main. Production and tests build it the same way; tests hand in their own settings.
 */
public final class MediahubApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediahubApplication.class);

    /** CONTAINER: schedules, health and metrics on HTTP. ONE_SHOT: routes only, for {@code run FLOW} and the like. */
    public enum Mode { CONTAINER, ONE_SHOT }

    /** Every module, in the order {@code flows} lists their flows. Add a domain here. */
    public static List<MediahubModule> modules() {
        return List.of(new EmbyModule(), new TmdbModule(), new BackupModule(), new io.mediahub.history.HistoryModule(), new ArrModule(),
                new IntakeModule());
    }

    /** Every flow, in the order {@code flows} lists them. */
    public static List<FlowDefinition> flowDefinitions() {
        List<FlowDefinition> all = new ArrayList<>();
        modules().forEach(m -> all.addAll(m.flows()));
        return all;
    }

    /** Every flow with these settings (named instances add flows), in the order {@code flows} lists them. */
    public static List<FlowDefinition> flowDefinitions(Settings settings) {
        List<FlowDefinition> all = new ArrayList<>();
        modules().forEach(m -> all.addAll(m.flows(settings)));
        return all;
    }

    /** The catalog of every flow, with each module's adjustments for this store. */
    public static FlowCatalog catalog(Settings settings, Store store) {
        FlowCatalog catalog = new FlowCatalog(settings, flowDefinitions(settings));
        modules().forEach(m -> m.adjust(catalog, store));
        return catalog;
    }

    private final Settings settings;
    private final Mode mode;
    private final Store store;
    private final FlowCatalog catalog;
    private final FlowRunRepository runs;
    private final FlowRunner runner;
    private final FlowLocks locks;
    private final Main main;
    private final AtomicReference<ProducerTemplate> template = new AtomicReference<>();
    private volatile boolean started;

    private MediahubApplication(Settings settings, Mode mode, Store store, Clock clock) {
        this.settings = settings;
        this.mode = mode;
        this.store = store;
        ObjectMapper json = new ObjectMapper();
        List<MediahubModule> modules = modules();
        this.catalog = catalog(settings, store);
        this.runs = new FlowRunRepository(store, json);
        FlowMetrics metrics = mode == Mode.CONTAINER ? new MicrometerFlowMetrics(this::camelContext) : FlowMetrics.NONE;
        String instanceId = settings.find("mediahub.instance-id").orElseGet(FlowLocks::defaultInstanceId);
        this.locks = new FlowLocks(store, instanceId, settings.getDuration("mediahub.lock-ttl"), clock);
        this.runner = new FlowRunner(catalog, runs, new FlowRunRowSender(this::producer),
                (endpoint, request) -> producer().requestBody(endpoint, request, FlowResult.class),
                new RunNotifier(settings, json, (url, body) -> NotifyWebhookRoute.post(producer(), url, body)), metrics, locks, clock);
        MediahubModule.Context context = new MediahubModule.Context(settings, store, json, clock, mode == Mode.CONTAINER);

        main = new Main();
        Properties p = new Properties();
        p.putAll(settings.nonSecretValues());
        p.put("camel.main.name", "mediahub");
        // routes/flow/: the flow runner's own routes (each run's flow_runs row), then every module's.
        p.put("camel.main.routes-include-pattern", java.util.stream.Stream.concat(java.util.stream.Stream.of("flow"), modules.stream().map(MediahubModule::routesFolder))
                .map(folder -> "classpath:routes/" + folder + "/*.camel.yaml").collect(java.util.stream.Collectors.joining(",")));
        p.put("camel.main.jmx-enabled", "false");
        p.put("camel.main.shutdown-timeout", String.valueOf(Math.max(1, settings.getDuration("mediahub.shutdown-timeout").toSeconds())));
        p.put("camel.main.autoConfigurationEnvironmentVariablesEnabled", "false");
        p.put("camel.main.autoConfigurationSystemPropertiesEnabled", "false");
        p.put("camel.component.properties.environment-variable-mode", "0");
        p.put("camel.component.properties.system-properties-mode", "0");
        if (mode == Mode.CONTAINER) {
            p.put("camel.management.enabled", "true");
            p.put("camel.management.host", settings.get("mediahub.http-host"));
            p.put("camel.management.port", settings.get("mediahub.http-port"));
            p.put("camel.management.health-check-enabled", "true");
            p.put("camel.management.metrics-enabled", "true");
            p.put("camel.management.info-enabled", "true");
            p.put("camel.metrics.enabled", "true");
            p.put("camel.metrics.enable-route-policy", "true");
            p.put("camel.health.enabled", "true");
            p.put("camel.health.exposure-level", "full");
        }
        main.setInitialProperties(p);
        main.bind("flowRunner", runner);
        main.bind(io.mediahub.jobs.JobWorkerRoutes.TRANSPORT_BEAN, (RunNotifier.Transport) (url, body) -> NotifyWebhookRoute.post(producer(), url, body));
        // Camel at the edges: one configured camel-http component, the store's pool for camel-sql, the error policies.
        HttpSettings http = HttpSettings.from(settings);
        main.bind("http", OutgoingHttp.component(http, settings.getInt("http.pool-size")));
        main.bind("https", OutgoingHttp.component(http, settings.getInt("http.pool-size")));
        main.bind("dataSource", store.dataSource());
        main.bind("flowRunRowParams", new io.mediahub.flow.FlowRunRowParams(json));
        main.bind("storeIdempotentRepository", new io.mediahub.store.StoreIdempotentRepository(store.dataSource()));
        main.bind("storeTransaction", new io.mediahub.store.StoreTransactionPolicy(store.dataSource()));
        main.configure().addRoutesBuilder(new ErrorPolicy(http, clock));
        main.configure().addRoutesBuilder(new NotifyWebhookRoute());
        for (MediahubModule m : modules) {
            m.beans(context).forEach(main::bind);
            m.routes(context).forEach(main.configure()::addRoutesBuilder);
        }
        if (mode == Mode.CONTAINER) {
            // On MySQL/MariaDB the schedules are kept in the store and shared by every instance on it (clustered).
            boolean clustered = store.dialect() == Dialect.MYSQL;
            if (clustered) {
                main.bind("quartz", FlowScheduleRoutes.clusteredQuartz(store, instanceId, locks.heartbeatInterval()));
            }
            main.configure().addRoutesBuilder(new FlowScheduleRoutes(catalog, settings.get("mediahub.schedule-timezone", ""), clustered));
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                if (mode == Mode.CONTAINER) {
                    HealthCheckRegistry registry = m.getCamelContext().getCamelContextExtension().getContextPlugin(HealthCheckRegistry.class);
                    if (registry != null) {
                        registry.register(new StoreReadinessCheck(store));
                        for (MediahubModule module : modules) {
                            module.dependencies(settings, catalog).forEach(d -> registry.register(new DependencyChecks.ReachableCheck(d.name(), d.url())));
                        }
                    }
                }
            }

            @Override
            public void beforeStop(BaseMainSupport m) {
                runner.requestStop();
            }
        });
    }

    /**
     * Checks every setting, opens the store (running migrations) and assembles the application; nothing is started yet.
     *
     * @throws io.mediahub.config.SettingException naming each variable whose value cannot be used
     */
    public static MediahubApplication create(Settings settings, Mode mode) {
        return create(settings, mode, Clock.systemUTC());
    }

    /** As {@link #create(Settings, Mode)}, on another clock (tests: backups taken within one second). */
    public static MediahubApplication create(Settings settings, Mode mode, Clock clock) {
        // Every setting is checked before anything starts: a value a flow cannot use stops the process here (exit 2),
        // not at 3 a.m. when the flow first reads it.
        settings.validate();
        Store store = Store.open(settings);
        try {
            return new MediahubApplication(settings, mode, store, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * For a command that runs one flow: the {@code direct:} routes are created when first used instead of when Camel
     * starts ({@link RoutesOnFirstUse}), so the command pays only for its flow's routes. Call before {@link #start()}.
     */
    public MediahubApplication routesOnFirstUse() {
        RoutesOnFirstUse direct = new RoutesOnFirstUse();
        main.bind("direct", direct);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                direct.defer(m.getCamelContext());
            }
        });
        return this;
    }

    /** Starts Camel and returns. */
    public void start() throws Exception {
        checkHttpPortFree();
        int tidied = runner.tidyAbandonedRuns();
        if (tidied > 0) {
            LOG.warn("{} run(s) left 'running' by a process that ended early are now marked 'interrupted'", tidied);
        }
        main.start();
        started = true;
    }

    /** The long-running container: starts and blocks until SIGTERM/SIGINT, then stops cleanly. */
    public void runUntilStopped() throws Exception {
        checkHttpPortFree();
        int tidied = runner.tidyAbandonedRuns();
        if (tidied > 0) {
            LOG.warn("{} run(s) left 'running' by a process that ended early are now marked 'interrupted'", tidied);
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport m) {
                started = true;
                logEnabledFlows();
                LOG.info("Mediahub instance {} is running{}", locks.instanceId(),
                        store.dialect() == Dialect.MYSQL ? "; schedules shared with every instance on this store" : "");
                LOG.info("Mediahub is running; health and metrics on http://{}:{}/observe/health and /observe/metrics",
                        settings.get("mediahub.http-host"), settings.get("mediahub.http-port"));
            }
        });
        main.run();
    }

    /**
     * The container's health and metrics port must be free: Camel's HTTP server only logs a failed bind and runs on,
     * which would leave a second container (or one beside another program) running with no health endpoint.
     */
    private void checkHttpPortFree() {
        if (mode != Mode.CONTAINER) {
            return;
        }
        String host = settings.get("mediahub.http-host");
        int port = settings.getInt("mediahub.http-port");
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new io.mediahub.config.SettingException(host + ":" + port + " cannot be used for health and metrics (" + e.getMessage()
                    + "): is another Mediahub running? Stop it, or set MEDIAHUB_HTTP_PORT (or MEDIAHUB_HTTP_HOST)");
        }
    }

    private void logEnabledFlows() {
        for (FlowDefinition d : catalog.all()) {
            if (catalog.enabled(d)) {
                LOG.info("flow {}: enabled, schedule {}", d.id(), catalog.schedule(d).orElse("(none: run it with 'run " + d.id() + "')"));
            } else {
                LOG.info("flow {}: disabled ({})", d.id(), catalog.missingSetting(d).map(k -> Settings.envName(k) + " is not set")
                        .or(() -> catalog.unavailableReason(d))
                        .orElse(Settings.envName(FlowCatalog.enabledKey(d)) + "=false"));
            }
        }
    }

    private ProducerTemplate producer() {
        return template.updateAndGet(t -> t != null ? t : camelContext().createProducerTemplate());
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public FlowRunner runner() {
        return runner;
    }

    public FlowCatalog catalog() {
        return catalog;
    }

    public FlowRunRepository runs() {
        return runs;
    }

    public Store store() {
        return store;
    }

    /** A bean a module bound for its routes. */
    public <T> T bean(String name, Class<T> type) {
        return main.lookup(name, type);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        try {
            if (started) {
                runner.requestStop();
                main.stop();
            }
        } catch (Exception e) {
            LOG.warn("Stopping Camel: {}", e.getMessage());
        } finally {
            locks.close();
            store.close();
        }
    }
}
