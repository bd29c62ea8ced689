package dev.gatehouse.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar gatehouse.jar serve} as a child process: started, timed to ready, inspected, stopped. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final Process process;
    private final int port;
    private final double readySeconds;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerProcess(Process process, int port, double readySeconds) {
        this.process = process;
        this.port = port;
        this.readySeconds = readySeconds;
    }

    /** Starts the server on {@code data} and returns once {@code /healthz} answers 200 (it answers only once loaded). */
    static ServerProcess start(Path jar, Path data, String adminToken) throws IOException, InterruptedException {
        return start(jar, data, adminToken, java.util.Map.of());
    }

    /** The same, with more environment: {@code GATEHOUSE_DB_URL} to serve from PostgreSQL, say. */
    static ServerProcess start(Path jar, Path data, String adminToken, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(Processes.jdkTool("java"), "-jar", jar.toString(), "serve",
                "--data", data.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        pb.environment().put("GATEHOUSE_ADMIN_TOKEN", adminToken);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build();
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("the server exited with " + p.exitValue() + "; see " + data.resolve("server.log"));
            }
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                p.destroyForcibly();
                throw new IOException("the server was not ready within 5 minutes");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(10);
        }
        return new ServerProcess(p, port, (System.nanoTime() - start) / 1e9);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    double readySeconds() {
        return readySeconds;
    }

    /** The CPU time the server's process has used so far, all its threads together. */
    Duration cpu() throws IOException {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IOException("this system does not tell a process's CPU time"));
    }

    /** The revision the server is at, from {@code X-Gatehouse-Revision}. */
    long revision() throws IOException, InterruptedException {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/healthz")).build(),
                HttpResponse.BodyHandlers.discarding());
        return Long.parseLong(r.headers().firstValue("X-Gatehouse-Revision").orElseThrow());
    }

    /** The heap in use after a full collection, in bytes, from {@code jcmd GC.run} and {@code GC.heap_info}. */
    long heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IOException("no heap use in jcmd GC.heap_info:\n" + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Processes.jdkTool("jcmd"), String.valueOf(process.pid()), command))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("jcmd " + command + " failed:\n" + out);
        }
        return out;
    }

    /** Stops the server; an interrupt while waiting for it kills it at once, and is kept for the caller. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
