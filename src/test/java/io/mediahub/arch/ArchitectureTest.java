package io.mediahub.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mediahub.app.MediahubApplication;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module rules of STYLE.md, as tests. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mediahub");
    /** Every module's package is a domain: io.mediahub.<domain>. */
    private static final List<String> DOMAINS = MediahubApplication.modules().stream()
            .map(m -> m.getClass().getPackageName().substring("io.mediahub.".length())).toList();
    private static final String ROUTE_ID = "[a-z0-9]+(-[a-z0-9]+){2,}";
    /** Flow ids an issue named outside the pattern; users' scripts call them, so they keep that name. */
    private static final java.util.Set<String> NAMED_BY_ISSUES = java.util.Set.of("library-scan");

    @TempDir
    Path dir;

    @Test
    void domainsDoNotImportEachOther() {
        for (String a : DOMAINS) {
            for (String b : DOMAINS) {
                if (!a.equals(b)) {
                    noClasses().that().resideInAPackage("io.mediahub." + a + "..").should().dependOnClassesThat()
                            .resideInAPackage("io.mediahub." + b + "..").check(CLASSES);
                }
            }
        }
    }

    @Test
    void sharedPackagesDoNotImportDomainsOrTheApplication() {
        List<String> forbidden = new java.util.ArrayList<>(DOMAINS.stream().map(d -> "io.mediahub." + d + "..").toList());
        forbidden.add("io.mediahub.app..");
        forbidden.add("io.mediahub.cli..");
        noClasses().that().resideInAnyPackage("io.mediahub.common..", "io.mediahub.config..", "io.mediahub.store..", "io.mediahub.flow..",
                        "io.mediahub.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void mappersAndCalculatorsDoNotImportCamel() {
        noClasses().that().haveSimpleNameEndingWith("Mapper").or().haveSimpleName("GenreIds").or().haveSimpleName("GenreResolver")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..").check(CLASSES);
    }

    @Test
    void everyRouteHasAnExplicitKebabCaseIdAndEveryFlowHasItsRoute() throws Exception {
        var settings = TestApp.settings(dir, Map.of("EMBY_URL", "http://127.0.0.1:9", "EMBY_API_KEY", "k", "TMDB_READ_ACCESS_TOKEN", "t",
                "MEDIAHUB_HTTP_PORT", "0"));
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
            app.start();
            List<Route> routes = app.camelContext().getRoutes();
            assertThat(routes).isNotEmpty();
            for (Route r : routes) {
                if (!NAMED_BY_ISSUES.contains(r.getRouteId())) {
                    assertThat(r.getRouteId()).as("route id of " + r.getEndpoint().getEndpointUri()).matches(ROUTE_ID);
                }
                assertThat(r.isCustomId()).as(r.getRouteId() + " has an explicit id").isTrue();
            }
            for (FlowDefinition d : MediahubApplication.flowDefinitions()) {
                assertThat(app.camelContext().getRoute(d.id())).as("route for flow " + d.id()).isNotNull();
                assertThat(app.camelContext().getRoute(d.id()).getEndpoint().getEndpointUri()).isEqualTo(d.endpoint().replace("direct:", "direct://"));
            }
        }
    }

    @Test
    void everyYamlRouteFileIsNamedForItsRouteId() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                String id = f.getFileName().toString().replace(".camel.yaml", "");
                if (NAMED_BY_ISSUES.contains(id)) {
                    assertThat(Files.readString(f)).contains("id: " + id);
                    continue;
                }
                assertThat(id).matches(ROUTE_ID);
                assertThat(Files.readString(f)).contains("id: " + id);
                assertThat(id).startsWith(f.getParent().getFileName().toString().equals("backup") ? "store-" : f.getParent().getFileName() + "-");
            }
        }
    }
}
