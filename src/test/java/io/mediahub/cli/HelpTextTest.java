package io.mediahub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.CliRunner;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every verb's {@code --help}: descriptions are whole sentences that picocli wraps to the terminal, never lines cut by
 * hand in the middle of a phrase (each element of a description is printed on a line of its own).
 */
class HelpTextTest {
    @TempDir
    Path dir;

    private static void collect(CommandLine cmd, List<CommandLine> out) {
        out.add(cmd);
        cmd.getSubcommands().values().stream().distinct().forEach(c -> collect(c, out));
    }

    private static List<CommandLine> verbs() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new MediahubCommand()), all);
        return all;
    }

    @Test
    void everyDescriptionIsWholeSentences() {
        List<String> cut = new ArrayList<>();
        for (CommandLine cmd : verbs()) {
            CommandSpec spec = cmd.getCommandSpec();
            if (spec.name().equals("help")) {
                continue; // picocli's own
            }
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (ArgSpec a : spec.args()) {
                texts.addAll(List.of(a.description()));
            }
            for (String t : texts) {
                String s = t.strip();
                if (!s.matches("(?s)[\\p{Lu}\\d'\"`$(-].*[.!?][)\"']?")) {
                    cut.add(spec.qualifiedName() + ": " + s);
                }
            }
        }
        assertThat(cut).as("descriptions that are not whole sentences (start with a capital, end with a full stop)").isEmpty();
    }

    @Test
    void helpWorksForEveryVerbAndWrapsBetweenWords() {
        CliRunner runner = new CliRunner();
        for (CommandLine cmd : verbs()) {
            String name = cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^mediahub ?", "");
            if (name.equals("help")) {
                continue;
            }
            List<String> args = new ArrayList<>(name.isEmpty() ? List.of() : List.of(name.split(" ")));
            args.add("--help");
            assertThat(runner.run(() -> TestApp.settings(dir, Map.of()), args.toArray(String[]::new))).as(name).isZero();
            String help = runner.stdout();
            assertThat(help).as(name).startsWith("Usage: mediahub");
            for (String line : help.lines().toList()) {
                assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(80);
            }
            // Each description is printed whole, wrapped between words only.
            String flat = help.replaceAll("\\s+", " ");
            CommandSpec spec = cmd.getCommandSpec();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp()).forEach(o -> texts.addAll(List.of(o.description())));
            for (String t : texts) {
                assertThat(flat).as(name).contains(t.replace("${DEFAULT-VALUE}", "").replaceAll("\\s+", " ").split(" \\(default ")[0]);
            }
        }
    }
}
