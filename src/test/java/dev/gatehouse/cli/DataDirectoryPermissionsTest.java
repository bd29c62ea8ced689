package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The data directory is its owner's alone (0700), and so are the database's files (0600), whoever made them. */
class DataDirectoryPermissionsTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void assertPrivate(Path data) throws Exception {
        assertThat(mode(data)).as(data.toString()).isEqualTo("rwx------");
        for (String f : new String[] {"gatehouse.db", "gatehouse.db-wal", "gatehouse.db-shm", "admin-token", "secret-key"}) {
            Path file = data.resolve(f);
            if (Files.exists(file)) {
                assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void serveCreatesAPrivateDataDirectoryAndDatabase() throws Exception {
        Path data = dir.resolve("new/data");
        Settings s = Settings.resolve(0, data, null, Map.of());
        try (Node running = ServeCommand.start(s, false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(running.port()).isPositive();
            assertThat(data.resolve("gatehouse.db-wal")).exists();
            assertThat(data.resolve("gatehouse.db-shm")).exists();
            assertPrivate(data);
        }
        assertPrivate(data);
    }

    @Test
    void serveMakesAnExistingWorldReadableDataDirectoryPrivate() throws Exception {
        Path data = dir.resolve("old");
        Settings s = Settings.resolve(0, data, null, Map.of());
        try (Node running = ServeCommand.start(s, false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(running.port()).isPositive();
        }
        // As an earlier Gatehouse left them, or an operator's umask did.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("gatehouse.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (Node running = ServeCommand.start(s, false,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(running.port()).isPositive();
            assertPrivate(data);
        }
    }

    @Test
    void generateCreatesAPrivateDataDirectoryAndDatabase() throws Exception {
        Path data = dir.resolve("generated");
        StringWriter out = new StringWriter();
        int code = new CommandLine(new GenerateCommand()).setOut(new PrintWriter(out)).execute("--dataset", "many",
                "--scale", "0.001", "--data", data.toString());
        assertThat(code).isZero();
        assertPrivate(data);
    }
}
