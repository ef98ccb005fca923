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

    public FlowScheduleRoutes(FlowCatalog catalog, String timeZone) {
        this.catalog = catalog;
        this.timeZone = timeZone;
    }

    @Override
    public void configure() {
        for (FlowDefinition d : catalog.all()) {
            if (!catalog.enabled(d) || catalog.schedule(d).isEmpty()) {
                continue;
            }
            String cron;
            try {
                cron = CronSchedules.toQuartz(io.mediahub.config.Settings.envName(d.cronSetting()), catalog.schedule(d).get());
            } catch (IllegalArgumentException e) {
                // One flow's bad schedule keeps that flow off the schedule; the others run.
                org.slf4j.LoggerFactory.getLogger(FlowScheduleRoutes.class).error("{}: not scheduled: {}", d.id(), e.getMessage());
                continue;
            }
            from("quartz:mediahub/" + d.id() + "?cron=" + URLEncoder.encode(cron, StandardCharsets.UTF_8).replace("+", "%20")
                    + (timeZone.isBlank() ? "" : "&trigger.timeZone=" + timeZone))
                    .routeId("schedule-trigger-" + d.id())
                    .setHeader("flowId", constant(d.id()))
                    .bean("flowRunner", "trigger(${header.flowId})");
        }
    }
}
