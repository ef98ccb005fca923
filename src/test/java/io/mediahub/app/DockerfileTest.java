package io.mediahub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the image and the compose file users deploy must hold, read from the files themselves (no Docker engine runs
 * in the tests; docs/docker-smoke.sh tries a built image for real): the tools the flows run, the library, inbox and
 * data folders as volumes, a user that is not root, the health port exposed and checked on the path the container
 * serves (ContainerTest asks the running application for {@code /observe/health/live}), and compose mounting the
 * library and the inbox and starting Mediahub after MariaDB is healthy. Also what git and the build context leave out.
 */
class DockerfileTest {
    /** One Dockerfile instruction: its keyword (upper case) and its arguments, continuation lines joined. */
    record Instruction(String keyword, String args) {
    }

    static List<Instruction> instructions(String dockerfile) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n", -1)) {
            String t = line.strip();
            if (current.isEmpty() && (t.isEmpty() || t.startsWith("#"))) {
                continue;
            }
            if (t.startsWith("#")) {
                continue; // a comment between continuation lines
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            current.append(t);
            String whole = current.toString().strip();
            current.setLength(0);
            int space = whole.indexOf(' ');
            out.add(new Instruction(whole.substring(0, space).toUpperCase(Locale.ROOT), whole.substring(space + 1).strip()));
        }
        return out;
    }

    /** The instructions of the last stage: the image that runs. */
    static List<Instruction> runtimeStage(List<Instruction> all) {
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return all.subList(from, all.size());
    }

    static Map<String, String> env(List<Instruction> stage) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : stage) {
            if (i.keyword().equals("ENV")) {
                for (String pair : i.args().trim().split("\\s+")) {
                    String[] kv = pair.split("=", 2);
                    env.put(kv[0], kv.length == 2 ? kv[1] : "");
                }
            }
        }
        return env;
    }

    static List<Instruction> runtime() throws IOException {
        return runtimeStage(instructions(Files.readString(Path.of("Dockerfile"))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Path.of("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void theParserReadsContinuedInstructionsAndTakesTheLastStage() {
        List<Instruction> all = instructions("""
                # comment
                FROM a AS build
                RUN x \\
                 # inner comment
                 && y
                FROM b
                ENV A=1 \\
                    B=2
                """);
        assertThat(all).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "FROM", "ENV");
        assertThat(all.get(1).args()).isEqualTo("x  && y");
        assertThat(runtimeStage(all)).first().isEqualTo(new Instruction("FROM", "b"));
        assertThat(env(runtimeStage(all))).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
    }

    @Test
    void theImageCarriesTheToolsTheFlowsRun() throws IOException {
        List<Instruction> stage = runtime();
        List<String> installed = new ArrayList<>();
        for (Instruction i : stage) {
            if (i.keyword().equals("RUN") && i.args().contains("apt-get install")) {
                installed.addAll(Arrays.asList(i.args().substring(i.args().indexOf("apt-get install")).split("[\\s&;|]+")));
            }
        }
        // ffprobe comes with ffmpeg, fpcalc with libchromaprint-tools, HandBrakeCLI with handbrake-cli.
        assertThat(installed).as("Debian packages installed in the image that runs")
                .contains("ffmpeg", "mediainfo", "libchromaprint-tools", "handbrake-cli", "yt-dlp", "curl")
                .anyMatch(p -> p.matches("openjdk-17-jre(-headless)?"));
        assertThat(stage.get(0).args()).as("the runtime base").doesNotStartWith("eclipse-temurin:17-jre");
    }

    @Test
    void theLibraryInboxAndDataAreVolumesAndTheSettingsPointAtThem() throws IOException {
        List<Instruction> stage = runtime();
        assertThat(env(stage)).containsEntry("MEDIAHUB_LIBRARY_DIR", "/library").containsEntry("MEDIAHUB_DATA_DIR", "/data")
                .containsEntry("INTAKE_INBOX_DIR", "/inbox").containsEntry("MEDIAHUB_HTTP_HOST", "0.0.0.0");
        List<String> volumes = new ArrayList<>();
        stage.stream().filter(i -> i.keyword().equals("VOLUME"))
                .forEach(i -> volumes.addAll(Arrays.asList(i.args().replaceAll("[\\[\\]\",]", " ").trim().split("\\s+"))));
        assertThat(volumes).contains("/data", "/library", "/inbox");
        // The folders exist in the image and belong to the user that runs.
        String runs = String.join("\n", stage.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::args).toList());
        assertThat(runs).contains("mkdir -p /app/target /data /library /inbox").contains("chown mediahub:mediahub /data /library /inbox");
    }

    @Test
    void itRunsAsAUserThatIsNotRoot() throws IOException {
        List<Instruction> stage = runtime();
        int lastUser = -1;
        int lastRun = -1;
        for (int i = 0; i < stage.size(); i++) {
            switch (stage.get(i).keyword()) {
                case "USER" -> lastUser = i;
                case "RUN" -> lastRun = i;
                default -> {
                }
            }
        }
        assertThat(lastUser).as("a USER instruction").isPositive().isGreaterThan(lastRun);
        String user = stage.get(lastUser).args().split(":")[0];
        assertThat(user).isNotIn("root", "0");
    }

    @Test
    void theHealthPortIsExposedAndCheckedOnTheLivenessPath() throws IOException {
        List<Instruction> stage = runtime();
        String port = env(stage).get("MEDIAHUB_HTTP_PORT");
        assertThat(port).isEqualTo("8080");
        assertThat(stage).filteredOn(i -> i.keyword().equals("EXPOSE")).extracting(Instruction::args).contains(port);
        assertThat(stage).filteredOn(i -> i.keyword().equals("HEALTHCHECK")).singleElement().satisfies(h -> assertThat(h.args())
                .contains("CMD").contains("curl -fsS").contains("http://127.0.0.1:${MEDIAHUB_HTTP_PORT:-" + port + "}/observe/health/live"));
        assertThat(stage).filteredOn(i -> i.keyword().equals("ENTRYPOINT")).singleElement()
                .extracting(Instruction::args).isEqualTo("[\"/app/bin/mediahub\"]");
        // The launcher runs target/mediahub.jar with the class-data-sharing archive this stage's own Java made.
        assertThat(stage).filteredOn(i -> i.keyword().equals("COPY")).extracting(Instruction::args).contains("bin/mediahub bin/mediahub");
        assertThat(stage).filteredOn(i -> i.keyword().equals("RUN")).extracting(Instruction::args)
                .anyMatch(r -> r.contains("-Xshare:dump") && r.contains("-XX:SharedArchiveFile=/app/target/mediahub.jsa"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeMountsTheLibraryAndInboxAndStartsAfterAHealthyMariaDb() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        Map<String, Object> mediahub = map(services.get("mediahub"));
        assertThat(map(mediahub.get("environment"))).containsEntry("MEDIAHUB_LIBRARY_DIR", "/library").containsEntry("INTAKE_INBOX_DIR", "/inbox")
                .containsEntry("MEDIAHUB_DATA_DIR", "/data");
        List<String> volumes = ((List<Object>) mediahub.get("volumes")).stream().map(String::valueOf).toList();
        assertThat(volumes).contains("mediahub-data:/data", "${MEDIAHUB_HOST_LIBRARY:-./library}:/library", "${MEDIAHUB_HOST_INBOX:-./inbox}:/inbox");
        assertThat((List<Object>) mediahub.get("ports")).extracting(String::valueOf).anyMatch(p -> p.endsWith(":8080"));

        Map<String, Object> dependsOnMysql = map(map(mediahub.get("depends_on")).get("mysql"));
        assertThat(dependsOnMysql).containsEntry("condition", "service_healthy")
                .as("without the mysql profile Mediahub starts alone").containsEntry("required", false);
        Map<String, Object> mysql = map(services.get("mysql"));
        assertThat((List<Object>) mysql.get("profiles")).containsExactly("mysql");
        assertThat(map(mysql.get("healthcheck"))).containsKey("test");
    }

    @Test
    void gitAndTheBuildContextLeaveOutTheStoreTheLibraryAndBuildOutput() throws IOException {
        List<String> gitignore = Files.readAllLines(Path.of(".gitignore"));
        assertThat(gitignore).contains("target/", "/data/", "/library/", "/inbox/", ".env");
        List<String> dockerignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(dockerignore).contains(".git", "target", "data", "library", "inbox", ".env");
    }
}
