package dev.gatehouse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse help [COMMAND]}: without a command, the usage of every command, so that one page lists
 * every flag and every environment variable; with one, that command's usage.
 */
@Command(name = "help", description = "Show every command's flags and environment variables, or one command's.")
final class HelpCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "serve or generate")
    String command;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.parent().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        if (command != null) {
            CommandLine sub = root.getSubcommands().get(command);
            if (sub == null) {
                spec.commandLine().getErr().println("gatehouse: no command '" + command + "'; the commands are "
                        + String.join(", ", root.getSubcommands().keySet()));
                return 2;
            }
            sub.usage(out);
            return 0;
        }
        root.usage(out);
        root.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                out.println();
                sub.usage(out);
            }
        });
        out.flush();
        return 0;
    }
}
