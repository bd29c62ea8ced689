package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.gatehouse.testlog.ExpectedLog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The access log's line per request, the request id's round trip, and that no secret reaches any log line. */
class AccessLogTest {
    @TempDir
    Path dir;
    TestApp app;
    /** Every line logged, kept from the console. */
    ExpectedLog all;
    Logger gatehouse;
    Level gatehouseLevel;
    Logger access;
    Level accessLevel;

    @BeforeEach
    void start() {
        gatehouse = (Logger) LoggerFactory.getLogger("dev.gatehouse");
        gatehouseLevel = gatehouse.getLevel();
        // Gatehouse's debug lines too: a secret must not reach the log at any level.
        gatehouse.setLevel(Level.DEBUG);
        // The tests' logback-test.xml silences the access log for every other test.
        access = (Logger) LoggerFactory.getLogger("gatehouse.access");
        accessLevel = access.getLevel();
        access.setLevel(Level.INFO);
        all = ExpectedLog.everything();
        app = TestApp.start(dir);
    }

    @AfterEach
    void stop() {
        app.close();
        all.close();
        gatehouse.setLevel(gatehouseLevel);
        access.setLevel(accessLevel);
    }

    @Test
    void oneLinePerRequestWithItsFields() {
        String alice = app.user("alice");
        String org = app.org("Docs", "alice");
        String space = app.space(org, alice, "{\"title\":\"Plans\"}");
        TestApp.Res ok = app.send(request("/v1/spaces/" + space + "/permissions/aggregate", alice, "trace-42.a:b"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-Request-Id")).isEqualTo("trace-42.a:b");

        Map<String, Object> line = awaitLine("trace-42.a:b");
        assertThat(line).containsEntry("method", "GET")
                .containsEntry("route", "/v1/spaces/{spaceId}/permissions/aggregate")
                .containsEntry("path", "/v1/spaces/" + space + "/permissions/aggregate")
                .containsEntry("status", 200).containsEntry("caller", "alice")
                .containsEntry("revision", ok.header("X-Gatehouse-Revision"));
        assertThat(Instant.parse((String) line.get("time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(Double.parseDouble((String) line.get("durationMs"))).isPositive();
        assertThat((String) line.get("durationMs")).matches("[0-9]+\\.[0-9]{3}");
        assertThat(List.of(AccessLog.millis(1_234_567), AccessLog.millis(5_000), AccessLog.millis(12_030_000_000L)))
                .containsExactly("1.234", "0.005", "12030.000");
        ILoggingEvent event = eventOf("trace-42.a:b");
        assertThat(event.getFormattedMessage()).contains("GET /v1/spaces/{spaceId}/permissions/aggregate /v1/spaces/"
                + space + "/permissions/aggregate 200 ").contains("caller=alice").contains("requestId=trace-42.a:b");

        TestApp.Res error = app.send(request("/v1/spaces/nope/permissions/aggregate", TestApp.SYSTEM, "err-1"));
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.header("X-Request-Id")).isEqualTo("err-1");
        assertThat(awaitLine("err-1")).containsEntry("status", 404).containsEntry("caller", "system")
                .containsEntry("route", "/v1/spaces/{spaceId}/permissions/aggregate")
                .containsEntry("revision", error.header("X-Gatehouse-Revision"));
    }

    @Test
    void anInvalidRequestIdIsReplacedAndEveryAnswerCarriesOne() throws Exception {
        TestApp.Res bad = app.send(request("/healthz", null, "has space"));
        String generated = bad.header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f]{16}");
        assertThat(awaitLine(generated)).containsEntry("route", "/healthz").containsEntry("caller", "-");
        assertThat(app.send(request("/healthz", null, "x".repeat(129))).header("X-Request-Id")).hasSize(16);
        assertThat(app.send(request("/healthz", null, "x".repeat(128))).header("X-Request-Id")).isEqualTo("x".repeat(128));

        TestApp.Res unknown = app.send(request("/no/such/route", null, "unknown-1"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("X-Request-Id")).isEqualTo("unknown-1");
        assertThat(awaitLine("unknown-1")).containsEntry("route", AccessLog.UNMATCHED).containsEntry("status", 404);
        // An encoded line break stays encoded: a client cannot write a line of its own into the log.
        app.send(request("/no/such%0Aroute", null, "newline-1"));
        assertThat(awaitLine("newline-1")).containsEntry("path", "/no/such%0Aroute");
        assertThat(eventOf("newline-1").getFormattedMessage()).doesNotContain("\n");

        TestApp.Res wrong = app.send(request("/v1/users/alice", "not-a-token-at-all-1234", "wrong-1"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("X-Request-Id")).isEqualTo("wrong-1");
        assertThat(awaitLine("wrong-1")).containsEntry("status", 401).containsEntry("caller", "-");

        // Refused in front of the routes (WholeBodies: a body above 4 MB): logged, and the id is echoed.
        RawHttp.Answer big = RawHttp.exchange(app.javalin().port(), "POST /v1/users HTTP/1.1\r\nHost: x\r\n"
                + "X-Request-Id: big-1\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.header("x-request-id")).isEqualTo("big-1");
        assertThat(awaitLine("big-1")).containsEntry("status", 413).containsEntry("route", AccessLog.UNMATCHED);

        // Refused by Jetty's parser (a stray '%' in the path), before a request exists to carry the client's id:
        // the answer has an id of its own, to be quoted in a report.
        for (String broken : List.of("GET /v1/%zz HTTP/1.1\r\nHost: x\r\nX-Request-Id: jetty-1\r\n\r\n",
                "NOT HTTP AT ALL\r\n\r\n")) {
            RawHttp.Answer answer = RawHttp.exchange(app.javalin().port(), broken);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("x-request-id")).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void noSecretReachesTheLog() throws Exception {
        String alice = app.user("alice");
        String org = app.org("Docs", "alice");
        List<String> secrets = new ArrayList<>(List.of(TestApp.SYSTEM, alice));
        String wrong = "wrong-token-" + "9".repeat(20);
        secrets.add(wrong);
        app.get("/v1/orgs/" + org, wrong);
        app.get("/v1/orgs/" + org, "Bearer" + alice);
        String key = "idem-key-secret-0123456789";
        secrets.add(key);
        for (int i = 0; i < 2; i++) {
            TestApp.Res r = app.send(HttpRequest.newBuilder(URI.create(app.origin() + "/v1/users/alice/tokens"))
                    .header("Authorization", "Bearer " + TestApp.SYSTEM).header(Idempotency.HEADER, key)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(r.status()).isEqualTo(201);
            if (r.json().has("token")) {
                secrets.add(r.json().get("token").asText());
            }
        }
        String hookSecret = "webhook-secret-abcdefghijklmnop";
        secrets.add(hookSecret);
        app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice, "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\""
                + hookSecret + "\"}"), 201);
        app.post("/v1/orgs/" + org + "/spaces", alice, "{\"title\":\"Plans\"}");
        // Deliveries to a closed port fail and are logged: the signing key must not be.
        Thread.sleep(300);
        app.get("/v1/orgs/" + org + "/webhooks", alice);
        awaitLines(8);

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : snapshot()) {
            StringBuilder line = new StringBuilder(e.getFormattedMessage());
            if (e.getKeyValuePairs() != null) {
                e.getKeyValuePairs().forEach(kv -> line.append(' ').append(kv.key).append('=').append(kv.value));
            }
            if (e.getThrowableProxy() != null) {
                line.append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
        assertThat(lines).hasSizeGreaterThan(8);
        for (String secret : secrets) {
            assertThat(lines).noneMatch(l -> l.contains(secret));
        }
    }

    private HttpRequest request(String path, String token, String requestId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.origin() + path)).timeout(Duration.ofSeconds(30))
                .header("X-Request-Id", requestId);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.GET().build();
    }

    private List<ILoggingEvent> snapshot() {
        return all.events();
    }

    private List<ILoggingEvent> accessLines() {
        return snapshot().stream().filter(e -> e.getLoggerName().equals("gatehouse.access")).collect(Collectors.toList());
    }

    /** The line is written once the answer is sent, so it may follow the client's read by a moment. */
    private ILoggingEvent eventOf(String requestId) {
        long until = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < until) {
            for (ILoggingEvent e : accessLines()) {
                if (e.getKeyValuePairs().stream().anyMatch(kv -> kv.key.equals("requestId") && requestId.equals(kv.value))) {
                    return e;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no access-log line for " + requestId + " in " + accessLines());
    }

    private Map<String, Object> awaitLine(String requestId) {
        return eventOf(requestId).getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
    }

    private void awaitLines(int n) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (accessLines().size() < n && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }
}
