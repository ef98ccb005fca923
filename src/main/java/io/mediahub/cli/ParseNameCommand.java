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
                "--stdin reads one name per line and writes one JSON object per line."})
public class ParseNameCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "File names or paths.")
    List<String> names = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per name.")
    boolean json;

    @Option(names = "--stdin", description = "Read names from standard input, one per line; write one JSON line each.")
    boolean stdin;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

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
                out.println(JSON.writeValueAsString(parsed.properties()));
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

    /** One JSON line per input line; flushes whenever the input has nothing more ready (so pipes stay interactive). */
    public static long stream(BufferedReader in, Writer out) throws IOException {
        long n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            out.write(JSON.writeValueAsString(FilenameParser.parse(line).properties()));
            out.write('\n');
            n++;
            if (!in.ready()) {
                out.flush();
            }
        }
        out.flush();
        return n;
    }
}
