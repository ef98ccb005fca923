package io.mediahub.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.Mediahub;
import io.mediahub.cli.ParseNameCommand;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code parse-name}: plain, --json, and the --stdin loop (order kept across its parallel batches). */
class ParseNameCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(Mediahub.execute(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsProperties() {
        String out = run("parse-name", "Breaking.Bad.S01E01.720p.BluRay.x264-DEMAND.mkv");
        assertThat(out).contains("title: Breaking Bad", "season: 1", "episode: 1", "screen_size: 720p", "source: Blu-ray",
                "release_group: DEMAND", "type: episode");
    }

    @Test
    void jsonOneObjectPerName() throws Exception {
        String out = run("parse-name", "--json", "Dark.City.1998.720p.BluRay.x264-CHD.mkv", "--", "-weird name.mkv");
        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("title").asText()).isEqualTo("Dark City");
        assertThat(first.get("year").asInt()).isEqualTo(1998);
        assertThat(JSON.readTree(lines[1]).get("type").asText()).isEqualTo("movie");
    }

    @Test
    void stdinKeepsOrder() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            names.add("Show.Name.S01E" + i + ".720p.HDTV.x264-GRP.mkv");
        }
        StringWriter out = new StringWriter();
        long n = ParseNameCommand.stream(new BufferedReader(new StringReader(String.join("\n", names) + "\n")), out);
        assertThat(n).isEqualTo(5000);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(5000);
        for (int i = 0; i < lines.length; i++) {
            assertThat(JSON.readTree(lines[i]).get("episode").asInt()).isEqualTo(i + 1);
        }
    }
}
