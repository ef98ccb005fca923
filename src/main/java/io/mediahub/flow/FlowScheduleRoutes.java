package io.mediahub.flow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.builder.RouteBuilder;

/**
 * One Quartz trigger route per enabled, scheduled flow ({@code schedule-trigger-<flow>}). The trigger only asks the
 * runner to run the flow; the runner skips (and logs) a run whose previous one is still going, and never lets one
 * flow's failure reach another's trigger.
 */
public class FlowScheduleRoutes extends RouteBuilder {
    private final FlowCatalog catalog;
    private final String timeZone;

    /**
     * @param timeZone MEDIAHUB_SCHEDULE_TIMEZONE: an IANA name, {@code UTC} or an offset; blank for the machine's zone
     * @throws io.mediahub.config.SettingException when it is not a time zone (Quartz would read an unknown one as GMT)
     */
    public FlowScheduleRoutes(FlowCatalog catalog, String timeZone) {
        this.catalog = catalog;
        this.timeZone = quartzTimeZone(timeZone);
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
            from(triggerUri(d.id(), cron, timeZone))
                    .routeId("schedule-trigger-" + d.id())
                    .setHeader("flowId", constant(d.id()))
                    .bean("flowRunner", "trigger(${header.flowId})");
        }
    }
}
