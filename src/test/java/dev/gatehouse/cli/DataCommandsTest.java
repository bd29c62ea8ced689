package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** gatehouse export and import: a generated organization out of one data directory and into a new one. */
class DataCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private static ExportCommand export() {
        ExportCommand c = new ExportCommand();
        c.env = Map.of();
        return c;
    }

    private static ImportCommand importing() {
        ImportCommand c = new ImportCommand();
        c.env = Map.of();
        return c;
    }

    @Test
    void anOrganizationGoesOutAndIntoAnEmptyDataDirectoryUnchanged() throws Exception {
        Path source = dir.resolve("source");
        assertThat(run(new GenerateCommand(), "--dataset", "large", "--scale", "0.002", "--data", source.toString()))
                .isZero();
        Path file = dir.resolve("large.ndjson");
        assertThat(run(export(), "--data", source.toString(), "--org", "large", "--to", file.toString()))
                .as(err.toString()).isZero();
        assertThat(err.toString()).startsWith("exported ");

        Path target = dir.resolve("target");
        assertThat(run(importing(), "--data", target.toString(), file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("imported large: ");
        Path again = dir.resolve("again.ndjson");
        assertThat(run(export(), "--data", target.toString(), "--org", "large", "--to", again.toString())).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));

        // A second import changes nothing.
        assertThat(run(importing(), "--data", target.toString(), file.toString())).isZero();
        assertThat(out.toString()).contains(", 0 changed, in 0 writes");
    }

    @Test
    void refusalsSayWhyAndWriteNothing() throws Exception {
        Path empty = dir.resolve("empty");
        assertThat(run(export(), "--data", empty.toString(), "--org", "x", "--to", dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no database in " + empty);
        assertThat(empty).doesNotExist();

        Path bad = Files.writeString(dir.resolve("bad.ndjson"), "{\"format\":\"gatehouse-export\",\"version\":9,"
                + "\"organizationId\":\"x\"}\n");
        Path target = dir.resolve("target");
        assertThat(run(importing(), "--data", target.toString(), bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1: version 9 is newer").contains("nothing was imported");
    }
}
