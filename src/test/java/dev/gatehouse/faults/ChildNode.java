package dev.gatehouse.faults;

import dev.gatehouse.http.TestApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gatehouse serve --port 0} in a child JVM on this test's class path, so that it can be killed with
 * SIGKILL ({@link Process#destroyForcibly}) like a crashed server. Its port is read from the line it prints
 * when serving; its output goes to {@code DATA/node.log}.
 */
final class ChildNode implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://localhost:(\\d+)");
    private final Process process;
    private final int port;

    private ChildNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a node on {@code data}; {@code dbUrl} null for SQLite in the data directory. */
    static ChildNode start(Path data, String dbUrl) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.gatehouse.cli.Main", "serve", "--port", "0",
                "--data", data.toString()));
        if (dbUrl != null) {
            cmd.addAll(List.of("--db-url", dbUrl, "--db-user", "postgres"));
        }
        Files.createDirectories(data);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GATEHOUSE_ADMIN_TOKEN", TestApp.SYSTEM);
        // Every node on one PostgreSQL database seals secrets with the same key.
        if (dbUrl != null) {
            pb.environment().put("GATEHOUSE_SECRET_KEY", dev.gatehouse.store.postgres.TestPostgres.SECRET_KEY);
        }
        Process p = pb.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(data.resolve("node.log")), true)) {
                for (String line; (line = in.readLine()) != null; ) {
                    log.println(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // The node died; its exit shows below.
            }
            port.completeExceptionally(new IOException("the node exited; see " + data.resolve("node.log")));
        }, "child-node-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new ChildNode(p, port.get(90, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly().waitFor();
            throw new IOException("the node did not start: " + e.getMessage(), e);
        }
    }

    String origin() {
        return "http://localhost:" + port;
    }

    /** SIGKILL: no shutdown hook, no closing of the store, as when the machine loses the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
