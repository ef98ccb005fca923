package io.mediahub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code export}: exports that ask a service now and write files (today: {@code export arr}). */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export data from a service now and write files.",
        subcommands = {ExportArrCommand.class})
public class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("Say what to export: export arr (see export --help)");
        return 2;
    }
}
