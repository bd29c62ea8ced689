package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics after real traffic, read with a strict reader of the text format. */
class MetricsTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String AGGREGATE = "/v1/spaces/{spaceId}/permissions/aggregate";

    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        app.services().metrics().bindJvmAndProcess();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theFamiliesAndTheirValuesAfterTraffic() throws Exception {
        String alice = app.user("alice");
        app.user("bob");
        String org = app.org("Docs", "alice");
        app.member(org, "bob", "\"read\"");
        String space = app.space(org, alice, "{\"title\":\"Plans\"}");
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"bob\"]}"), 204);
        for (int i = 0; i < 2; i++) {
            app.send(HttpRequest.newBuilder(URI.create(app.origin() + "/v1/users/bob/tokens"))
                    .header("Authorization", "Bearer " + TestApp.SYSTEM).header(Idempotency.HEADER, "k-1")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        }
        // A webhook to a closed port: every delivery fails.
        app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice, "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\""
                + "a-secret-of-some-length\"}"), 201);
        app.post("/v1/orgs/" + org + "/spaces", alice, "{\"title\":\"More\"}");

        Map<String, PrometheusText.Family> before = scrape();
        double aggregatesBefore = count(before, AGGREGATE, "200");
        for (int i = 0; i < 5; i++) {
            app.ok(app.get("/v1/spaces/" + space + "/permissions/aggregate", alice), 200);
        }
        app.get("/v1/spaces/" + space + "/permissions/aggregate", null);
        app.get("/no/such/route", null);
        String revision = app.get("/healthz", null).header("X-Gatehouse-Revision");
        waitForWebhookFailure();
        Map<String, PrometheusText.Family> after = scrape();

        // The access log records a request once it is answered: the last ones may lag the client by a moment.
        assertThat(count(after, AGGREGATE, "200")).isEqualTo(aggregatesBefore + 5);
        assertThat(count(after, AGGREGATE, "401")).isEqualTo(1);
        assertThat(count(after, AccessLog.UNMATCHED, "404")).isEqualTo(1);
        assertThat(after.get("gatehouse_http_requests_seconds").type()).isEqualTo("histogram");
        assertThat(after.get("gatehouse_http_requests_seconds")
                .find("gatehouse_http_requests_seconds_bucket", Map.of("route", AGGREGATE, "status", "200"))).hasSize(14);

        assertThat(value(after, "gatehouse_index_size", Map.of("kind", "organizations"))).isEqualTo(1);
        assertThat(value(after, "gatehouse_index_size", Map.of("kind", "members"))).isEqualTo(2);
        assertThat(value(after, "gatehouse_index_size", Map.of("kind", "resources"))).isEqualTo(2);
        assertThat(value(after, "gatehouse_index_size", Map.of("kind", "grants"))).isEqualTo(1);
        assertThat(value(after, "gatehouse_revision", Map.of())).isEqualTo(Double.parseDouble(revision));
        assertThat(value(after, "gatehouse_follower_lag_revisions", Map.of())).isZero();
        assertThat(value(after, "gatehouse_follower_applied_revisions_total", Map.of())).isZero();
        assertThat(value(after, "gatehouse_group_commit_size_writes_count", Map.of())).isGreaterThanOrEqualTo(8);
        assertThat(value(after, "gatehouse_group_commit_size_writes_sum", Map.of()))
                .isEqualTo(Double.parseDouble(revision));
        assertThat(value(after, "gatehouse_store_commit_seconds_count", Map.of()))
                .isEqualTo(value(after, "gatehouse_group_commit_size_writes_count", Map.of()));
        assertThat(value(after, "gatehouse_store_commit_seconds_sum", Map.of())).isPositive();
        assertThat(value(after, "gatehouse_idempotency_replays_total", Map.of())).isEqualTo(1);
        assertThat(value(after, "gatehouse_webhook_failures_total", Map.of())).isPositive();
        assertThat(value(after, "gatehouse_webhook_deliveries_total", Map.of()))
                .isGreaterThanOrEqualTo(value(after, "gatehouse_webhook_failures_total", Map.of()));
        assertThat(value(after, "gatehouse_webhook_backlog", Map.of())).isEqualTo(1);
        assertThat(value(after, "gatehouse_rate_limit_refusals_total", Map.of())).isZero();

        assertThat(after).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_memory_allocated_bytes_total",
                "system_cpu_count", "process_uptime_seconds", "process_files_open_files");
        assertThat(value(after, "jvm_threads_live_threads", Map.of())).isPositive();
        assertThat(value(after, "process_uptime_seconds", Map.of())).isPositive();
    }

    @Test
    void theSystemTokenIsNeededUnlessTheSettingOpensIt() throws Exception {
        try (Server token = new Server(MetricsAccess.TOKEN)) {
            assertThat(token.get(null).status()).isEqualTo(401);
            String alice = app.user("alice");
            assertThat(token.get(alice).status()).isEqualTo(403);
            TestApp.Res ok = token.get(TestApp.SYSTEM);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Content-Type")).isEqualTo(MetricsRoutes.CONTENT_TYPE);
            assertThat(PrometheusText.parse(ok.text())).containsKey("gatehouse_http_requests_seconds");
        }
        // This test's client is on loopback: the default lets it in without a token.
        assertThat(text(HttpRequest.newBuilder(URI.create(app.origin() + "/metrics")).GET().build()).status())
                .isEqualTo(200);
        InetAddress other = nonLoopbackAddress();
        if (other != null) {
            try (Server loopback = new Server(MetricsAccess.LOOPBACK); Server open = new Server(MetricsAccess.OPEN)) {
                assertThat(loopback.get(other, null).status()).isEqualTo(401);
                assertThat(loopback.get(other, TestApp.SYSTEM).status()).isEqualTo(200);
                assertThat(open.get(other, null).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void offServesNoMetricsAndTimesNoRequest() throws Exception {
        app.get("/healthz", null);
        double before = count(scrape(), "/healthz", "200");
        try (Server off = new Server(MetricsAccess.OFF)) {
            TestApp.Res refused = off.get(TestApp.SYSTEM);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.text()).contains("--metrics off");
            for (int i = 0; i < 3; i++) {
                assertThat(text(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + off.javalin.port() + "/healthz"))
                        .GET().build()).status()).isEqualTo(200);
            }
        }
        assertThat(count(scrape(), "/healthz", "200")).as("requests to the server with metrics off").isEqualTo(before);
    }

    @Test
    void aMethodOutsideHttpsUsualOnesIsCountedAsOther() throws Exception {
        RawHttp.Answer brewed = RawHttp.exchange(app.javalin().port(), "BREW /coffee HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(brewed.status()).isGreaterThanOrEqualTo(400);
        PrometheusText.Family requests = scrape().get("gatehouse_http_requests_seconds");
        assertThat(requests.find("gatehouse_http_requests_seconds_count", Map.of("method", "other"))).isNotEmpty();
        assertThat(requests.find("gatehouse_http_requests_seconds_count", Map.of("method", "BREW"))).isEmpty();
    }

    /** A second HTTP front on the same services, with its own metrics setting. */
    final class Server implements AutoCloseable {
        final Javalin javalin;

        Server(MetricsAccess access) {
            javalin = HttpApi.create(app.services(), TestApp.options(TestApp.LIMITS).withMetrics(access)).start(0);
        }

        TestApp.Res get(String token) {
            return get(InetAddress.getLoopbackAddress(), token);
        }

        TestApp.Res get(InetAddress host, String token) {
            String h = host.getHostAddress();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + h + ":" + javalin.port() + "/metrics"));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return text(b.GET().build());
        }

        @Override
        public void close() {
            javalin.stop();
        }
    }

    /** The metrics are text, not JSON (errors are JSON, but are only read for their status here). */
    private static TestApp.Res text(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestApp.Res(r.statusCode(), null, r.body(), r.headers().map());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface i : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (i.isUp() && !i.isLoopback()) {
                for (InetAddress a : Collections.list(i.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    private void waitForWebhookFailure() throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until && !app.services().metrics().scrape().contains("gatehouse_webhook_failures_total 1")) {
            Thread.sleep(20);
        }
        // One more dispatcher round, so the backlog reflects the webhook waiting for its retry.
        Thread.sleep(100);
    }

    private Map<String, PrometheusText.Family> scrape() throws InterruptedException {
        // Let the access log record the requests just answered (it runs once the answer is sent).
        Thread.sleep(100);
        TestApp.Res r = text(HttpRequest.newBuilder(URI.create(app.origin() + "/metrics")).GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo(MetricsRoutes.CONTENT_TYPE);
        return PrometheusText.parse(r.text());
    }

    private static double count(Map<String, PrometheusText.Family> families, String route, String status) {
        PrometheusText.Family f = families.get("gatehouse_http_requests_seconds");
        List<PrometheusText.Sample> s = f.find("gatehouse_http_requests_seconds_count", Map.of("route", route, "status", status));
        return s.stream().mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static double value(Map<String, PrometheusText.Family> families, String sample, Map<String, String> labels) {
        for (PrometheusText.Family f : families.values()) {
            List<PrometheusText.Sample> found = f.find(sample, labels);
            if (!found.isEmpty()) {
                assertThat(found).as(sample + labels).hasSize(1);
                return found.get(0).value();
            }
        }
        throw new AssertionError("no sample " + sample + labels + " in " + families.keySet());
    }
}
