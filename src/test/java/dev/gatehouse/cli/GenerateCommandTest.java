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

    private static int generate(GenerateCommand command, String... args) {
        return new CommandLine(command).setErr(new PrintWriter(new StringWriter())).execute(args);
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
        assertThat(generate(new GenerateCommand(), "--dataset", "many", "--scale", "2", "--data", data.toString()))
                .isEqualTo(2);
        assertThat(data).doesNotExist();
    }

    @Test
    void aGenerateThatWorksLeavesTheDatabase() {
        Path data = dir.resolve("ok");
        assertThat(generate(new GenerateCommand(), "--dataset", "many", "--scale", "0.0005", "--data", data.toString()))
                .isZero();
        assertThat(data.resolve(ServeCommand.DATABASE_FILE)).exists();
    }
}
