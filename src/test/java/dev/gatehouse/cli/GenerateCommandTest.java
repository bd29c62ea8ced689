package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A generate that fails, however far it got, leaves the data directory as it found it. */
class GenerateCommandTest {
    @TempDir
    Path dir;

    /** What the command printed, on its output and its error output, since the last {@link #generate}. */
    private final StringWriter printed = new StringWriter();

    private int generate(GenerateCommand command, String... args) {
        printed.getBuffer().setLength(0);
        PrintWriter to = new PrintWriter(printed, true);
        return new CommandLine(command).setOut(to).setErr(to).execute(args);
    }

    @Test
    void aFailureHalfwayLeavesNothingBehind() throws Exception {
        Path data = dir.resolve("a/b");
        GenerateCommand failing = new GenerateCommand();
        failing.fill = store -> {
            dev.gatehouse.datasets.Datasets.many(store, 1, 3);
            throw new IllegalStateException("the disk is full");
        };
        assertThat(generate(failing, "--dataset", "many", "--data", data.toString())).isEqualTo(1);
        assertThat(printed.toString()).isEqualTo("gatehouse: generate failed: the disk is full; nothing was left behind\n");
        assertThat(dir.resolve("a")).doesNotExist();

        // Into a directory that exists and holds something else: only what generate made goes.
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine");
        assertThat(generate(failing, "--dataset", "many", "--data", existing.toString())).isEqualTo(1);
        try (var files = Files.list(existing)) {
            assertThat(files).containsExactly(existing.resolve("notes.txt"));
        }
    }

    @Test
    void aRefusedGenerateWritesNothing() {
        Path data = dir.resolve("new");
        assertThat(generate(new GenerateCommand(), "--dataset", "huge", "--data", data.toString())).isEqualTo(2);
        assertThat(printed.toString()).isEqualTo("gatehouse: --dataset must be large or many\n");
        assertThat(generate(new GenerateCommand(), "--dataset", "many", "--scale", "2", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(printed.toString()).isEqualTo("gatehouse: --scale must be above 0 and at most 1\n");
        assertThat(data).doesNotExist();
    }

    @Test
    void aGenerateThatWorksLeavesTheDatabase() {
        Path data = dir.resolve("ok");
        assertThat(generate(new GenerateCommand(), "--dataset", "many", "--scale", "0.0005", "--data", data.toString()))
                .isZero();
        assertThat(printed.toString()).startsWith("wrote many (seed 42, scale 5.0E-4) to " + data.resolve(ServeCommand.DATABASE_FILE));
        assertThat(data.resolve(ServeCommand.DATABASE_FILE)).exists();
    }
}
