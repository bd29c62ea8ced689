package dev.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar gatehouse.jar <command>}. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "Gatehouse 0.1.0",
        description = "Access-control server for documentation platforms, speaking GitBook's permission API.",
        subcommands = {ServeCommand.class, GenerateCommand.class, ExportCommand.class, ImportCommand.class,
                BackupCommand.class, MigrateCommand.class, HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as {@code main} runs it: a flag it cannot read is one line naming the flag, what was
     * wrong and where help is, exit code 2, as every other bad setting; picocli's default prints the whole usage
     * after it, 90 lines an operator must scroll back through to find the one that matters.
     */
    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new Main());
        root.setParameterExceptionHandler((failure, args) -> {
            CommandLine at = failure.getCommandLine();
            StringBuilder line = new StringBuilder("gatehouse: ").append(failure.getMessage());
            if (failure instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append("?)");
            }
            line.append("; see '").append(at.getCommandSpec().qualifiedName()).append(" --help'");
            at.getErr().println(line);
            return at.getCommandSpec().exitCodeOnInvalidInput();
        });
        return root;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
