package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.store.FaultyStore;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each bound of {@link HttpLimits}, set short here: what a client that exceeds it is answered. */
@Timeout(30)
class ClientBoundsTest {
    private static final HttpLimits LIMITS = new HttpLimits(2, 100, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(1));

    @TempDir
    Path dir;
    private FaultyStore store;
    private TestApp app;
    private int port;

    @BeforeEach
    void setUp() {
        app = TestApp.start(() -> store = new FaultyStore(SqliteStore.open(dir.resolve("gatehouse.db"))), LIMITS);
        port = app.javalin().port();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private static void assertTimedOut(RawHttp.Answer a, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        assertThat(a.status()).as(a.toString()).isEqualTo(408);
        assertThat(a.isErrorFormat()).as(a.toString()).isTrue();
        assertThat(a.header(Http.REVISION_HEADER)).isNotNull();
        assertThat(a.closes()).isTrue();
        assertThat(ms).isBetween(900L, 3_000L);
    }

    @Test
    void aBodyThatDoesNotArriveWholeInTimeIs408() throws Exception {
        try (RawHttp c = new RawHttp(port, 5_000)) {
            long start = System.nanoTime();
            c.send("POST /v1/orgs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestApp.SYSTEM
                    + "\r\nContent-Length: 100\r\n\r\n{\"title\"");
            assertTimedOut(c.read(false), start);
        }
    }

    @Test
    void headersThatTrickleIn408EvenThoughEveryByteResetsTheIdleTimeout() throws Exception {
        try (RawHttp c = new RawHttp(port, 5_000)) {
            long start = System.nanoTime();
            c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; i < 8 && !c.socket().isClosed() && c.socket().getInputStream().available() == 0; i++) {
                c.send("X");
                Thread.sleep(250);
            }
            assertTimedOut(c.read(false), start);
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawHttp c = new RawHttp(port, 5_000)) {
            long start = System.nanoTime();
            assertThat(c.isClosedByServer()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_500L, 4_000L);
        }
    }

    @Test
    void requestsBeyondTheCapAreShedAtOnceWith503ButProbesStillAnswer() throws Exception {
        // The first write's commit hangs, holding its place in the routes until released; the next write to
        // get in waits there for the write bound (2 s). The cap is 2: the other four are shed.
        store.fault = FaultyStore.Fault.STALL;
        List<RawHttp> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                RawHttp c = new RawHttp(port, 5_000);
                String body = "{\"displayName\":\"W" + i + "\",\"email\":\"w" + i + "@example.com\"}";
                c.send("POST /v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestApp.SYSTEM
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
                waiting.add(c);
                if (i == 0) {
                    assertThat(store.stalled.await(5, TimeUnit.SECONDS)).as("the first commit began").isTrue();
                }
            }
            RawHttp.Answer health = RawHttp.exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(health.status()).isEqualTo(200);
            int shed = 0;
            for (RawHttp c : waiting.subList(1, waiting.size())) {
                RawHttp.Answer a = c.read(false);
                assertThat(a.status()).as(a.toString()).isEqualTo(503);
                assertThat(a.isErrorFormat()).as(a.toString()).isTrue();
                assertThat(a.header("Retry-After")).isNotNull();
                if (a.json().path("error").path("message").asText().contains("too many requests")) {
                    shed++;
                }
            }
            assertThat(shed).isEqualTo(4);
            store.fault = FaultyStore.Fault.NONE;
            store.release.countDown();
            assertThat(waiting.get(0).read(false).status()).as("the stalled write, once released").isEqualTo(201);
        } finally {
            store.release.countDown();
            waiting.forEach(RawHttp::close);
        }
    }
}
