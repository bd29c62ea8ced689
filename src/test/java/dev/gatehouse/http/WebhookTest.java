package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.service.WebhookDispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookTest {
    private static final String SECRET = "a-secret-of-some-length";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String org;
    Receiver receiver;

    /** A webhook receiver on loopback that fails on purpose while {@code failing} is above zero. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<JsonNode> received = new ArrayList<>();
        final List<String> signatures = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();
        final AtomicInteger failing = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        Receiver(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", exchange -> {
                calls.incrementAndGet();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(500, -1);
                } else {
                    synchronized (this) {
                        String text = new String(body, StandardCharsets.UTF_8);
                        bodies.add(text);
                        received.add(JSON.readTree(text));
                        signatures.add(exchange.getRequestHeaders().getFirst("X-Gatehouse-Signature"));
                    }
                    exchange.sendResponseHeaders(204, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        synchronized List<String> actions() {
            return received.stream().map(j -> j.get("action").asText()).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @BeforeEach
    void start() throws IOException {
        app = TestApp.start(dir);
        alice = app.user("alice");
        app.user("bob");
        org = app.org("Acme", "alice");
        receiver = new Receiver(0);
    }

    @AfterEach
    void stop() {
        receiver.close();
        app.close();
    }

    private String register(String events) {
        return app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice, "{\"url\":\"" + receiver.url() + "\",\"secret\":\""
                + SECRET + "\"" + (events == null ? "" : ",\"events\":" + events) + "}"), 201).get("id").asText();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void entriesArriveSignedInOrderAndFailuresAreRetriedAndLogged() throws Exception {
        String hook = register(null);
        receiver.failing.set(3);
        app.member(org, "bob", "\"read\"");
        String space = app.space(org, alice, "{\"title\":\"Guides\"}");
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"edit\"}"), 204);

        waitFor(() -> receiver.actions().size() >= 3);
        assertThat(receiver.actions()).containsExactly("member.added", "space.created", "grant.created");
        for (int i = 0; i < receiver.bodies.size(); i++) {
            assertThat(receiver.signatures.get(i))
                    .isEqualTo("sha256=" + WebhookDispatcher.sign(SECRET, receiver.bodies.get(i)));
            assertThat(receiver.received.get(i).get("webhook").asText()).isEqualTo(hook);
        }
        JsonNode grant = receiver.received.get(2);
        assertThat(grant.get("before").isNull()).isTrue();
        assertThat(grant.get("after").asText()).isEqualTo("edit");
        assertThat(grant.get("actor").get("id").asText()).isEqualTo("alice");

        JsonNode log = app.ok(app.get("/v1/orgs/" + org + "/webhooks/" + hook + "/deliveries", alice), 200);
        List<JsonNode> attempts = new ArrayList<>();
        log.get("items").forEach(attempts::add);
        assertThat(attempts).hasSize(6);
        assertThat(attempts.subList(0, 3)).allSatisfy(a -> {
            assertThat(a.get("delivered").asBoolean()).isFalse();
            assertThat(a.get("status").asInt()).isEqualTo(500);
            assertThat(a.get("action").asText()).isEqualTo("member.added");
        });
        assertThat(attempts.get(3).get("delivered").asBoolean()).isTrue();
        assertThat(attempts.get(3).get("attempt").asInt()).isEqualTo(4);
        assertThat(attempts.get(5).get("action").asText()).isEqualTo("grant.created");
    }

    @Test
    void onlyTheWantedEventsAreDelivered() throws Exception {
        register("[\"grant.*\"]");
        app.member(org, "bob", "\"read\"");
        String space = app.space(org, alice, "{\"title\":\"Guides\"}");
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"edit\"}"), 204);
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"read\"}"), 204);
        waitFor(() -> receiver.actions().size() >= 2);
        Thread.sleep(200);
        assertThat(receiver.actions()).containsExactly("grant.created", "grant.updated");
    }

    @Test
    void pendingDeliveriesSurviveARestartAndAnUnreachableReceiver() throws Exception {
        register(null);
        int port = receiver.server.getAddress().getPort();
        receiver.close();
        app.member(org, "bob", "\"read\"");
        app.space(org, alice, "{\"title\":\"Guides\"}");
        Thread.sleep(300);
        app.restart();
        app.ok(app.post("/v1/orgs/" + org + "/spaces", alice, "{\"title\":\"After\"}"), 201);
        receiver = new Receiver(port);
        waitFor(() -> receiver.actions().size() >= 3);
        assertThat(receiver.actions()).containsExactly("member.added", "space.created", "space.created");
        assertThat(receiver.received.get(2).get("revision").asLong())
                .isGreaterThan(receiver.received.get(1).get("revision").asLong());
    }

    @Test
    void badRegistrationsAreRefusedAndOnlyAdminsManageWebhooks() {
        String base = "/v1/orgs/" + org + "/webhooks";
        assertThat(app.post(base, alice, "{\"url\":\"ftp://127.0.0.1/x\",\"secret\":\"" + SECRET + "\"}").status())
                .isEqualTo(400);
        TestApp.Res internal = app.post(base, alice, "{\"url\":\"http://10.1.2.3/x\",\"secret\":\"" + SECRET + "\"}");
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.json().get("error").get("message").asText()).contains("10.1.2.3");
        assertThat(app.post(base, alice, "{\"url\":\"http://[::1]:9/x\",\"secret\":\"" + SECRET + "\"}").status())
                .isEqualTo(400);
        assertThat(app.post(base, alice, "{\"url\":\"" + receiver.url() + "\",\"secret\":\"short\"}").status())
                .isEqualTo(400);
        assertThat(app.post(base, alice, "{\"url\":\"" + receiver.url() + "\"}").status()).isEqualTo(400);
        assertThat(app.post(base, alice, "{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET
                + "\",\"events\":[\"grant.exploded\"]}").status()).isEqualTo(400);
        assertThat(app.ok(app.get(base, alice), 200).get("items")).isEmpty();

        String bob = app.token("bob");
        app.member(org, "bob", "\"edit\"");
        assertThat(app.post(base, bob, "{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET + "\"}").status())
                .isEqualTo(403);
        String hook = register("[\"member.added\",\"grant.*\"]");
        JsonNode listed = app.ok(app.get(base, alice), 200).get("items").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(hook);
        assertThat(listed.has("secret")).isFalse();
        assertThat(app.get(base, bob).status()).isEqualTo(403);
        assertThat(app.delete(base + "/" + hook, bob).status()).isEqualTo(403);
        assertThat(app.delete(base + "/" + hook, alice).status()).isEqualTo(204);
        assertThat(app.delete(base + "/" + hook, alice).status()).isEqualTo(404);
        assertThat(app.get(base + "/" + hook, alice).status()).isEqualTo(404);
    }
}
