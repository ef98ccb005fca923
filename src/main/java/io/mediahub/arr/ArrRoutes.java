package io.mediahub.arr;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code radarr-export-scores}, {@code sonarr-export-scores} and one {@code <service>-<name>-export-scores} per named
 * instance ({@code RADARR_4K_URL}: {@code radarr-4k-export-scores}): one route template, the export workflow written
 * once, instantiated per instance with the bean that lists that service's files.
 * <pre>
 * direct:&lt;flow&gt; → arrScoreExport.begin (status, run row, profiles) → &lt;lister&gt;.list (the service's files)
 *   → arrScoreExport.record (files, changes, summary: one transaction) → arrReports.refreshDashboard
 *   on failure: arrScoreExport.failed (run row marked failed), then the failure goes back to the flow runner
 * </pre>
 */
public class ArrRoutes extends RouteBuilder {
    public static final String TEMPLATE = "arr-export-scores";
    private final java.util.List<ArrInstance> instances;

    public ArrRoutes(java.util.List<ArrInstance> instances) {
        this.instances = java.util.List.copyOf(instances);
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("flowId").templateParameter("service").templateParameter("lister")
                .from("direct:{{flowId}}")
                .routeConfigurationId("mediahub-error-policy")
                .description("{{service}}: files, custom formats and scores into arr_* tables; what changed since the last run")
                .bean("arrScoreExport", "begin(${body}, '{{service}}')")
                .setProperty("arrExport", body())
                .doTry()
                    .bean("{{lister}}", "list")
                    .bean("arrScoreExport", "record")
                .doCatch(Exception.class)
                    .bean("arrScoreExport", "failed(${exchangeProperty.arrExport}, ${exception})")
                    .process(e -> {
                        throw e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    })
                .end()
                .removeProperty("arrExport")
                .bean("arrReports", "refreshDashboard");

        for (ArrInstance i : instances) {
            templatedRoute(TEMPLATE).routeId(i.flowId()).parameter("flowId", i.flowId()).parameter("service", i.id())
                    .parameter("lister", i.service().id() + "Lister");
        }
    }
}
