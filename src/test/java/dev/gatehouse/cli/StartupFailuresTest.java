package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each start-up failure: one line with the cause and the fix, its exit code, and nothing left behind. */
class StartupFailuresTest {
    @TempDir
    Path dir;

    private record Ran(int exit, String out, String err) { }

    /** The real process: what an operator sees, exit code included. */
    private static Ran gatehouse(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.gatehouse.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("GATEHOUSE_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Ran(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void oneLine(Ran r, int exit, String... parts) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
        assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
        assertThat(r.err()).startsWith("gatehouse: ").contains(parts).doesNotContain("\tat ", "Exception");
    }

    @Test
    void aPortInUseSaysWhichFlagToUseAndLeavesNothing() throws Exception {
        Path data = dir.resolve("new");
        try (ServerSocket taken = new ServerSocket()) {
            taken.setReuseAddress(true);
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            oneLine(gatehouse(Map.of(), "serve", "--port", Integer.toString(port), "--data", data.toString()), 1,
                    "port " + port + " is in use", "use --port N or --port 0");
            assertThat(data).doesNotExist();
            // In-process too, on a data directory that exists: nothing is written into it.
            Files.createDirectory(data);
            Settings s = Settings.resolve(port, data, null, Map.of());
            assertThatThrownBy(() -> ServeCommand.start(s, false, new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(StartupFailure.class).hasMessageContaining("--port 0");
            try (var files = Files.list(data)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void aDataPathThatIsAFileIsABadSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        oneLine(gatehouse(Map.of(), "serve", "--port", "0", "--data", file.toString()), 2,
                file + " is not a directory", "--data");
        oneLine(gatehouse(Map.of(), "serve", "--port", "0", "--data", file.resolve("below").toString()), 2,
                "is not a directory");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aDataDirectoryThatCannotBeMadeNamesItAndTheFix() throws Exception {
        // Not even root may make a directory in /proc: the one place every Linux refuses, whoever runs the test.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        oneLine(gatehouse(Map.of(), "serve", "--port", "0", "--data", "/proc/gatehouse-data"), 1,
                "cannot write /proc/gatehouse-data", "give --data (or GATEHOUSE_DATA) a directory this user may write");
    }

    @Test
    void aFlagThatCannotBeReadIsOneLineWithWhereHelpIs() throws Exception {
        Path data = dir.resolve("flags");
        oneLine(gatehouse(Map.of(), "serve", "--port", "abc", "--data", data.toString()), 2,
                "Invalid value for option '--port': 'abc' is not an int", "see 'gatehouse serve --help'");
        oneLine(gatehouse(Map.of(), "serve", "--porrt", "8080", "--data", data.toString()), 2,
                "Unknown option", "did you mean --port?");
        assertThat(data).doesNotExist();
    }

    @Test
    void anUnreachableDatabaseSaysSoAndLeavesNothing() throws Exception {
        Path data = dir.resolve("pg");
        Ran r = gatehouse(Map.of("GATEHOUSE_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="), "serve",
                "--port", "0", "--data", data.toString(), "--db-url", "jdbc:postgresql://127.0.0.1:1/x", "--db-wait", "0");
        oneLine(r, 1, "cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/x", "start PostgreSQL or correct --db-url");
        assertThat(data).doesNotExist();
    }

    @Test
    void aBadSettingIsExitCode2AndWritesNothing() throws Exception {
        Path data = dir.resolve("bad");
        oneLine(gatehouse(Map.of(), "serve", "--port", "0", "--data", data.toString(), "--max-requests", "0"), 2,
                "--max-requests / GATEHOUSE_MAX_REQUESTS");
        oneLine(gatehouse(Map.of("GATEHOUSE_RATE_READS", "lots"), "serve", "--port", "0", "--data", data.toString()), 2,
                "--rate-reads / GATEHOUSE_RATE_READS");
        assertThat(data).doesNotExist();
    }
}
