package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hundred clients with a valid token each send a 100 KB body at one byte a second. They used to
 * hold a thread each until the pool was gone and nothing, not even /healthz, answered. Now their bodies
 * wait without threads, those beyond the cap on bodies in flight are shed with 503 at once, and the
 * probes and reads of everyone else still answer within a second.
 */
class SlowClientsTest {
    private static final int CLIENTS = 300;

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void slowBodiesHoldNoThreadsAndTheExcessIsShed() throws Exception {
        List<RawHttp> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (TestApp app = TestApp.start(dir)) {
            String alice = app.user("alice");
            String org = app.org("Acme", "alice");
            int port = app.javalin().port();
            for (int i = 0; i < CLIENTS; i++) {
                RawHttp c = new RawHttp(port, 2_000);
                c.send("POST /v1/orgs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestApp.SYSTEM + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 102400\r\n\r\n{");
                slow.add(c);
            }
            trickle.scheduleAtFixedRate(() -> {
                for (RawHttp c : slow) {
                    try {
                        c.send(" ".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException shedOrClosed) {
                        // The server answered this one and closed it.
                    }
                }
            }, 1, 1, TimeUnit.SECONDS);
            Thread.sleep(1_500);

            long start = System.nanoTime();
            RawHttp.Answer health = RawHttp.exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            long healthMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            RawHttp.Answer read = RawHttp.exchange(port, "GET /v1/orgs/" + org + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + alice + "\r\nConnection: close\r\n\r\n");
            long readMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("behind " + CLIENTS + " slow clients: /healthz in " + healthMs + " ms, a read in " + readMs + " ms");
            assertThat(health.status()).isEqualTo(200);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(healthMs).isLessThan(1_000);
            assertThat(readMs).isLessThan(1_000);

            // Those beyond the cap were answered as soon as their headers were read; on a busy machine that
            // may take a moment for the last of them.
            int shed = 0;
            List<RawHttp> unanswered = new ArrayList<>(slow);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (shed < CLIENTS - HttpLimits.DEFAULT_MAX_UPLOADS && System.nanoTime() < deadline) {
                for (var it = unanswered.iterator(); it.hasNext(); ) {
                    RawHttp c = it.next();
                    if (c.socket().getInputStream().available() > 0) {
                        RawHttp.Answer a = c.read(false);
                        assertThat(a.status()).as(a.toString()).isEqualTo(503);
                        assertThat(a.isErrorFormat()).as(a.toString()).isTrue();
                        assertThat(a.header("Retry-After")).isNotNull();
                        assertThat(a.header(Http.REVISION_HEADER)).isNotNull();
                        shed++;
                        it.remove();
                    }
                }
                Thread.sleep(20);
            }
            System.out.println(shed + " of " + CLIENTS + " slow clients were shed with 503");
            assertThat(shed).isEqualTo(CLIENTS - HttpLimits.DEFAULT_MAX_UPLOADS);
        } finally {
            trickle.shutdownNow();
            slow.forEach(RawHttp::close);
        }
    }
}
