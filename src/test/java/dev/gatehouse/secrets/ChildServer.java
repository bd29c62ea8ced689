package dev.gatehouse.secrets;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gatehouse serve} as a child process, as an operator runs it, with its stdout and stderr captured
 * in files outside the data directory: what it logs is what the test reads back.
 */
final class ChildServer implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on (http://localhost:\\d+)");

    private final Process process;
    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ChildServer(Process process, String origin) {
        this.process = process;
        this.origin = origin;
    }

    /** Starts a server on {@code data}; its output is appended to {@code stdout} and {@code stderr}. */
    static ChildServer start(Path data, Path stdout, Path stderr, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.gatehouse.cli.Main", "serve", "--port", "0",
                "--data", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("GATEHOUSE_"));
        pb.environment().putAll(env);
        long already = Files.exists(stdout) ? Files.size(stdout) : 0;
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            Matcher m = SERVING.matcher(out.substring((int) Math.min(already, out.length())));
            if (m.find()) {
                return new ChildServer(p, m.group(1));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("gatehouse exited with " + p.exitValue() + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("gatehouse did not start within 60 s");
    }

    /** One call; {@code headers} are name, value pairs. */
    HttpResponse<String> call(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops it as an operator does (SIGTERM: the shutdown hook closes the store) and waits for the exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            // Asked to stop: the child is killed, and the interrupt kept for the caller.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
