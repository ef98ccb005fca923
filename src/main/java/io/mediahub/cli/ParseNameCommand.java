package io.mediahub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.intake.parse.FilenameParser;
import io.mediahub.intake.parse.ParsedName;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parse-name}: what a file name says, in guessit's vocabulary. Needs no settings, store or Camel. */
@Command(name = "parse-name", mixinStandardHelpOptions = true,
        description = {"Print what a file name (or path) says: title, year, type, season, episode, screen_size, source, video_codec, "
                + "release_group, … in guessit's property names and values.",
                "With --stdin it reads one name per line and writes one JSON object per line."})
public class ParseNameCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "File names or paths.")
    List<String> names = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per name.")
    boolean json;

    @Option(names = "--stdin", description = "Read names from standard input, one per line; write one JSON line each.")
    boolean stdin;

    @Spec
    CommandSpec spec;

    /** Jackson is set up only when JSON is written, not for every command line the CLI parses. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public Integer call() throws IOException {
        if (stdin) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
            stream(in, out);
            return 0;
        }
        if (names.isEmpty()) {
            spec.commandLine().getErr().println("parse-name: give one or more names, or --stdin");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String name : names) {
            ParsedName parsed = FilenameParser.parse(name);
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(parsed.properties()));
            } else {
                out.println(name);
                for (Map.Entry<String, Object> e : parsed.properties().entrySet()) {
                    out.println("  " + e.getKey() + ": " + e.getValue());
                }
            }
        }
        out.flush();
        return 0;
    }

    /**
     * One JSON line per input line, in order. Lines are read in batches and parsed on every core (the parser is
     * thread-safe); the output is flushed whenever the input has nothing more ready, so pipes stay interactive.
     */
    public static long stream(BufferedReader in, Writer out) throws IOException {
        long n = 0;
        List<String> batch = new ArrayList<>(BATCH);
        String line;
        while ((line = in.readLine()) != null) {
            batch.add(line);
            if (batch.size() >= BATCH || !in.ready()) {
                n += writeBatch(batch, out);
                batch.clear();
                if (!in.ready()) {
                    out.flush();
                }
            }
        }
        n += writeBatch(batch, out);
        out.flush();
        return n;
    }

    private static final int BATCH = 2048;

    private static int writeBatch(List<String> batch, Writer out) throws IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        String[] json = new String[batch.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, batch.size());
        (batch.size() > 64 ? range.parallel() : range).forEach(i -> json[i] = toJson(batch.get(i)));
        for (String j : json) {
            out.write(j);
            out.write('\n');
        }
        return json.length;
    }

    private static String toJson(String name) {
        try {
            return Json.MAPPER.writeValueAsString(FilenameParser.parse(name).properties());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
