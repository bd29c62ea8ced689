package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse serve} as a child process, stopped with SIGTERM while writers keep writing. It used to
 * close every connection at once, answering nothing. Now it drains: every request sent gets a whole
 * answer (its 2xx, or a 503 in the error format once draining), a request whose body is still arriving is
 * waited for and made, /readyz says 503, new connections are refused, the process exits 0, and every write
 * it acknowledged is there when it starts again; SIGINT stops it with 0 too.
 */
class GracefulShutdownTest {
    private static final Pattern SERVING = Pattern.compile("serving on http://localhost:(\\d+)");
    private static final int WRITERS = 8;

    @TempDir
    Path dir;

    /** One child process, the port it printed, and the file its output goes to. */
    private record Child(Process process, int port, Path log) {
        /** Waits for the process to exit. */
        boolean exited() throws Exception {
            return process.waitFor(60, TimeUnit.SECONDS);
        }

        /** What it printed, for a failed assertion to show. */
        String output() {
            try {
                return "the server printed:\n" + Files.readString(log);
            } catch (IOException e) {
                return "the server's output cannot be read: " + e;
            }
        }
    }

    /**
     * Starts the server on {@code dir}. Its output goes to a file, not a pipe: Process.destroy() closes the
     * pipes, and a server that then writes a line would fail for want of a reader, not for what is tested.
     */
    private Child start() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile(dir, "serve", ".log");
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "dev.gatehouse.cli.Main", "serve", "--port", "0", "--data", dir.toString(), "--drain-seconds", "15",
                "--body-timeout", "30")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("GATEHOUSE_ADMIN_TOKEN", TestApp.SYSTEM);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) {
                return new Child(p, Integer.parseInt(m.group(1)), log);
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("the server did not start: " + Files.readString(log));
    }

    private static String createUser(String id) {
        String body = "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"email\":\"" + id + "@example.com\"}";
        return "POST /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestApp.SYSTEM + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    @Timeout(120)
    void sigtermLetsInFlightWritesFinishRefusesNewOnesAndExitsZero() throws Exception {
        Child server = start();
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger drained = new AtomicInteger();
        CountDownLatch writersDone = new CountDownLatch(WRITERS);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                try {
                    write(server.port(), writer, acknowledged, failures, drained);
                } finally {
                    writersDone.countDown();
                }
            }, "writer-" + w);
            t.start();
            writers.add(t);
        }
        RawHttp probe = new RawHttp(server.port(), 20_000);
        probe.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(probe.read(false).status()).isEqualTo(200);
        // In flight when the drain begins: a write whose body is still arriving. The drain must wait for it,
        // and it is made and answered once the rest of its body arrives.
        RawHttp slow = new RawHttp(server.port(), 30_000);
        String slowBody = "{\"id\":\"slow\",\"displayName\":\"slow\",\"email\":\"slow@example.com\"}";
        slow.send("POST /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestApp.SYSTEM
                + "\r\nContent-Type: application/json\r\nContent-Length: " + slowBody.length() + "\r\n\r\n"
                + slowBody.substring(0, 10));
        Thread.sleep(1_500);
        assertThat(acknowledged).as("writes before the stop").isNotEmpty();

        server.process().destroy();
        // Ready until the signal is handled, a moment later; then 503 on a connection already open.
        RawHttp.Answer ready;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            Thread.sleep(50);
            probe.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n");
            ready = probe.read(false);
        } while (ready.status() == 200 && System.nanoTime() < deadline);
        assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
        assertThat(ready.isErrorFormat()).as(ready.toString()).isTrue();
        assertThat(ready.closes()).isTrue();
        boolean refused;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            refused = !s.isConnected();
        } catch (ConnectException e) {
            refused = true;
        }
        assertThat(refused).as("a new connection while draining").isTrue();
        Thread.sleep(500);
        assertThat(server.process().isAlive()).as("draining waits for the body still arriving").isTrue();
        slow.send(slowBody.substring(10));
        RawHttp.Answer made = slow.read(false);
        assertThat(made.status()).as(made + "; " + server.output()).isEqualTo(201);
        assertThat(made.closes()).as("answered while draining: " + made).isTrue();
        acknowledged.add("slow");

        assertThat(writersDone.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exited()).as(server::output).isTrue();
        probe.close();
        slow.close();
        System.out.println(acknowledged.size() + " writes acknowledged, " + drained.get() + " answered 503 while draining");
        assertThat(failures).as("requests without a whole answer").isEmpty();
        assertThat(server.process().exitValue()).as(server::output).isZero();

        Child again = start();
        try {
            for (String id : acknowledged) {
                RawHttp.Answer a = RawHttp.exchange(again.port(), "GET /v1/users/" + id + " HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer " + TestApp.SYSTEM + "\r\nConnection: close\r\n\r\n");
                assertThat(a.status()).as("acknowledged " + id + ": " + a).isEqualTo(200);
            }
        } finally {
            // SIGINT (Ctrl-C) stops it as SIGTERM does.
            new ProcessBuilder("kill", "-INT", Long.toString(again.process().pid())).inheritIO().start().waitFor();
            assertThat(again.exited()).as(again::output).isTrue();
            assertThat(again.process().exitValue()).as(again::output).isZero();
        }
    }

    /** Writes users over keep-alive connections until the server refuses to connect. */
    private static void write(int port, int writer, Queue<String> acknowledged, Queue<String> failures,
                              AtomicInteger drained) {
        RawHttp c = null;
        for (int n = 0; n < 100_000; n++) {
            String id = "w" + writer + "n" + n;
            try {
                if (c == null) {
                    c = new RawHttp(port, 30_000);
                }
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                failures.add(id + ": connect failed: " + e);
                return;
            }
            try {
                c.send(createUser(id));
                RawHttp.Answer a = c.read(false);
                if (a.status() == 201) {
                    acknowledged.add(id);
                } else if (a.status() == 503 && a.isErrorFormat()) {
                    drained.incrementAndGet();
                } else {
                    failures.add(id + ": " + a);
                }
                if (a.closes()) {
                    c.close();
                    c = null;
                }
            } catch (IOException e) {
                failures.add(id + ": no whole answer: " + e);
                c.close();
                return;
            }
        }
    }
}
