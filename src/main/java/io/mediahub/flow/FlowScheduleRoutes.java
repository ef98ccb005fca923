package io.mediahub.flow;

import io.mediahub.store.QuartzConnections;
import io.mediahub.store.Store;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.CronTrigger;

/**
 * One Quartz trigger route per enabled, scheduled flow ({@code schedule-trigger-<flow>}). The trigger only asks the
 * runner to run the flow; the runner skips (and logs) a run whose previous one is still going, and never lets one
 * flow's failure reach another's trigger.
 *
 * <p>On SQLite the schedules live in memory (Quartz's RAM job store): one instance owns the store. On MySQL/MariaDB
 * they live in the store's {@code QRTZ_*} tables, clustered ({@link #clusteredQuartz}), so with several instances on
 * one store each fire time runs on one of them.
 */
public class FlowScheduleRoutes extends RouteBuilder {
    private final FlowCatalog catalog;
    private final String timeZone;
    private final boolean clustered;

    /**
     * @param timeZone MEDIAHUB_SCHEDULE_TIMEZONE: an IANA name, {@code UTC} or an offset; blank for the machine's zone
     * @throws io.mediahub.config.SettingException when it is not a time zone (Quartz would read an unknown one as GMT)
     */
    public FlowScheduleRoutes(FlowCatalog catalog, String timeZone) {
        this(catalog, timeZone, false);
    }

    /** {@code clustered}: the quartz component is the one {@link #clusteredQuartz} made. */
    public FlowScheduleRoutes(FlowCatalog catalog, String timeZone, boolean clustered) {
        this.catalog = catalog;
        this.timeZone = quartzTimeZone(timeZone);
        this.clustered = clustered;
    }

    /**
     * The quartz component for a MySQL/MariaDB store: Quartz's JDBC job store (JobStoreTX with the standard delegate)
     * on the store's pool, clustered, this instance known by {@code instanceId}. Every instance checks in every
     * {@code checkin}; one that stops checking in is found dead by another after about two intervals plus 7.5 s,
     * which then takes its schedules over. A fire time missed by less than a minute (the dead instance's, taken over)
     * still runs, late; one missed by more (every instance was down) is skipped, as a restart on SQLite does.
     */
    public static QuartzComponent clusteredQuartz(Store store, String instanceId, Duration checkin) {
        String dataSource = "mediahub-store-" + Integer.toHexString(System.identityHashCode(store));
        QuartzConnections.register(dataSource, store);
        Map<String, Object> p = new HashMap<>();
        p.put("org.quartz.scheduler.instanceName", "Mediahub");
        p.put("org.quartz.scheduler.instanceId", instanceId);
        p.put("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.put("org.quartz.threadPool.threadCount", "3");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", dataSource);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.useProperties", "true");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(Math.max(500, checkin.toMillis())));
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(p);
        return quartz;
    }

    /**
     * The zone as the id Quartz's {@link java.util.TimeZone} knows ({@code +02:00} becomes {@code GMT+02:00}: TimeZone
     * reads an id it does not know as GMT without a word), or "" for the machine's zone.
     */
    static String quartzTimeZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return "";
        }
        try {
            return java.util.TimeZone.getTimeZone(java.time.ZoneId.of(zone.trim())).getID();
        } catch (java.time.DateTimeException e) {
            throw new io.mediahub.config.SettingException("MEDIAHUB_SCHEDULE_TIMEZONE must be a time zone such as Europe/Paris, UTC or +02:00");
        }
    }

    /** The trigger URI of one flow: cron and zone encoded, so neither can add an option of its own. */
    static String triggerUri(String flowId, String quartzCron, String quartzTimeZone) {
        return "quartz:mediahub/" + flowId + "?cron=" + encode(quartzCron)
                + (quartzTimeZone.isBlank() ? "" : "&trigger.timeZone=" + encode(quartzTimeZone));
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void configure() {
        for (FlowDefinition d : catalog.all()) {
            if (!catalog.enabled(d) || catalog.schedule(d).isEmpty()) {
                continue;
            }
            String cron;
            try {
                cron = io.mediahub.config.CronSchedules.toQuartz(io.mediahub.config.Settings.envName(d.cronSetting()), catalog.schedule(d).get());
            } catch (IllegalArgumentException e) {
                // One flow's bad schedule keeps that flow off the schedule; the others run.
                org.slf4j.LoggerFactory.getLogger(FlowScheduleRoutes.class).error("{}: not scheduled: {}", d.id(), e.getMessage());
                continue;
            }
            // Clustered: one run at a time per schedule across the instances (a fire time due while the previous run is
            // going waits for it), and fire times missed by more than the misfire threshold are skipped.
            from(triggerUri(d.id(), cron, timeZone)
                    + (clustered ? "&stateful=true&trigger.misfireInstruction=" + CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING : ""))
                    .routeId("schedule-trigger-" + d.id())
                    .setHeader("flowId", constant(d.id()))
                    .bean("flowRunner", "trigger(${header.flowId}, ${header.scheduledFireTime})");
        }
    }
}
