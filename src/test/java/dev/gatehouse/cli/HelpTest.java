package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help pages name every flag and every environment variable the settings read. */
class HelpTest {
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute(args);
        assertThat(code).as(String.join(" ", args)).isZero();
        return out.toString();
    }

    /** Every environment variable in README's settings table. */
    private static List<String> documentedVariables() throws IOException {
        Matcher m = Pattern.compile("`(GATEHOUSE_[A-Z_]+)`").matcher(Files.readString(Path.of("README.md")));
        List<String> names = m.results().map(r -> r.group(1)).distinct().toList();
        assertThat(names).contains("GATEHOUSE_ADMIN_TOKEN", "GATEHOUSE_WEBHOOK_ALLOW", "GATEHOUSE_SECRET_KEY",
                "GATEHOUSE_WRITE_TIMEOUT", "GATEHOUSE_RATE_READS");
        return names;
    }

    @Test
    void helpListsEveryFlagOfEveryCommandAndEveryVariable() throws IOException {
        String help = run("help");
        CommandLine root = new CommandLine(new Main());
        for (String command : List.of("serve", "generate", "migrate")) {
            for (CommandLine.Model.OptionSpec o : root.getSubcommands().get(command).getCommandSpec().options()) {
                assertThat(help).as(command).contains(o.longestName());
            }
        }
        for (String variable : documentedVariables()) {
            assertThat(help).contains(variable);
        }
        assertThat(help).contains("0 means any free port");
    }

    @Test
    void serveHelpNamesEachFlagsVariable() throws IOException {
        String help = run("serve", "--help");
        for (String variable : documentedVariables()) {
            assertThat(help).contains(variable);
        }
        assertThat(run("help", "serve")).isEqualTo(help);
        assertThat(run("generate", "--help")).contains("--dataset", "--data", "--seed", "--scale");
    }
}
