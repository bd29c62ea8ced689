package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.Node;
import dev.gatehouse.cli.NodeConfig;
import dev.gatehouse.engine.Reads;
import dev.gatehouse.service.Services;
import dev.gatehouse.service.WebhookDispatcher;
import dev.gatehouse.service.WebhookPolicy;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A real Gatehouse on a temporary SQLite file and a random port, with a small client and helpers that
 * build a world through the API itself.
 */
public final class TestApp implements AutoCloseable {
    public static final String SYSTEM = "test-system-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The server's defaults, but a stop does not drain: the client below keeps idle connections open, and
     * each stop would wait for them. Draining is tested on a real process (GracefulShutdownTest).
     */
    public static final HttpLimits LIMITS = new HttpLimits(HttpLimits.DEFAULT_MAX_REQUESTS, HttpLimits.DEFAULT_MAX_UPLOADS,
            HttpLimits.DEFAULT_BODY_TIMEOUT, HttpLimits.DEFAULT_HEADER_TIMEOUT, HttpLimits.DEFAULT_IDLE_TIMEOUT,
            java.time.Duration.ZERO);

    private final Supplier<Store> opener;
    private final HttpOptions http;
    private Store store;
    private Node node;
    private Clock clock = Clock.systemUTC();
    private String origin;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApp(Supplier<Store> opener, HttpOptions http) {
        this.opener = opener;
        this.http = http;
    }

    /** The server's options as the tests run them: links on http://localhost, stops without draining. */
    static HttpOptions options(HttpLimits limits) {
        return HttpOptions.defaults().withPublicUrl("http://localhost").withLimits(limits);
    }

    /** A node on its own SQLite file whose callers are limited by {@code rates}, on the clock {@code nanos}. */
    static TestApp start(Path dir, RateLimits rates, LongSupplier nanos) {
        return start(() -> SqliteStore.open(dir.resolve("gatehouse.db")), options(LIMITS).withRates(rates, nanos));
    }

    /** A node on its own SQLite file whose every expiry is measured by {@code clock} (a test's own, say). */
    public static TestApp start(Path dir, Clock clock) {
        TestApp t = new TestApp(() -> SqliteStore.open(dir.resolve("gatehouse.db")), options(LIMITS));
        t.clock = clock;
        t.open();
        return t;
    }

    /** A node on its own SQLite file in {@code dir}. */
    public static TestApp start(Path dir) {
        return start(() -> SqliteStore.open(dir.resolve("gatehouse.db")));
    }

    /** A node on whatever store {@code opener} opens: several nodes may share one database. */
    public static TestApp start(Supplier<Store> opener) {
        return start(opener, options(LIMITS));
    }

    /** A node on its own SQLite file, with its own bounds on clients (short timeouts, small caps). */
    public static TestApp start(Path dir, HttpLimits limits) {
        return start(() -> SqliteStore.open(dir.resolve("gatehouse.db")), options(limits));
    }

    /** A node on whatever store {@code opener} opens, with its own bounds on clients. */
    public static TestApp start(Supplier<Store> opener, HttpLimits limits) {
        return start(opener, options(limits));
    }

    /** A node on {@code opener}'s store with the HTTP options {@code http}. */
    static TestApp start(Supplier<Store> opener, HttpOptions http) {
        TestApp t = new TestApp(opener, http);
        t.open();
        return t;
    }

    private void open() {
        // Test receivers listen on loopback, which a real server refuses unless its operator allows it.
        Services.Options services = Services.Options.defaults(SYSTEM).withWebhooks(WebhookPolicy.allowing("127.0.0.1"),
                new WebhookDispatcher.Timing(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(400),
                        Duration.ofSeconds(2), Duration.ofSeconds(5))).withClock(clock).withExpiryPoll(Duration.ofMillis(20));
        node = Node.start(new NodeConfig(() -> store = opener.get(), 0, services, http, false));
        origin = "http://localhost:" + node.port();
    }

    /** Stops the server and the store, then starts both again on the same data. */
    public void restart() {
        close();
        open();
    }

    public Javalin javalin() {
        return node.javalin();
    }

    /** The running node's use cases. */
    public Services services() {
        return node.services();
    }

    /** The index, to ask the world questions a test checks the API's answers against. */
    public Reads reads() {
        return node.services().reads();
    }

    /** The revision the node answers at. */
    public long revision() {
        return node.services().status().revision();
    }

    /** The store the node runs on, to check what it holds. */
    public Store store() {
        return store;
    }

    @Override
    public void close() {
        node.close();
    }

    /** One response: status, parsed JSON body (null when empty) and headers. */
    public record Res(int status, JsonNode json, String text, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Res call(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    public Res send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            // Only JSON is parsed: the home page, the documents and the metrics are text.
            boolean isJson = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            JsonNode json = r.body() == null || r.body().isEmpty() || !isJson ? null : JSON.readTree(r.body());
            return new Res(r.statusCode(), json, r.body(), r.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String origin() {
        return origin;
    }

    public Res get(String path, String token) {
        return call("GET", path, token, null);
    }

    public Res post(String path, String token, String body) {
        return call("POST", path, token, body);
    }

    public Res put(String path, String token, String body) {
        return call("PUT", path, token, body);
    }

    public Res patch(String path, String token, String body) {
        return call("PATCH", path, token, body);
    }

    public Res delete(String path, String token) {
        return call("DELETE", path, token, null);
    }

    /** Asserts a status and returns the JSON body. */
    public JsonNode ok(Res r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r);
        }
        return r.json();
    }

    // ---------------------------------------------------------------- building a world through the API

    /** Creates a user with id {@code id} and email id@example.com, and returns a personal token for them. */
    public String user(String id) {
        ok(post("/v1/users", SYSTEM, "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"email\":\"" + id
                + "@example.com\"}"), 201);
        return token(id);
    }

    public String token(String userId) {
        return ok(post("/v1/users/" + userId + "/tokens", SYSTEM, "{}"), 201).get("token").asText();
    }

    /** Creates an organization administered by {@code adminId} and returns its id. */
    public String org(String title, String adminId) {
        return ok(post("/v1/orgs", SYSTEM, "{\"title\":\"" + title + "\",\"admin\":\"" + adminId + "\"}"), 201)
                .get("id").asText();
    }

    /** Makes an existing user a member of the organization with a role ("null" for a guest). */
    public void member(String org, String userId, String roleJson) {
        ok(post("/v1/orgs/" + org + "/invites", SYSTEM, "{\"emails\":[{\"email\":\"" + userId + "@example.com\",\"role\":"
                + roleJson + "}]}"), 200);
        ok(patch("/v1/orgs/" + org + "/members/" + userId, SYSTEM, "{\"role\":" + roleJson + "}"), 200);
    }

    public String space(String org, String token, String bodyJson) {
        return ok(post("/v1/orgs/" + org + "/spaces", token, bodyJson), 201).get("id").asText();
    }

    public String collection(String org, String token, String bodyJson) {
        return ok(post("/v1/orgs/" + org + "/collections", token, bodyJson), 201).get("id").asText();
    }

    public String team(String org, String token, String title, String... members) {
        StringBuilder m = new StringBuilder();
        for (String s : members) {
            m.append(m.length() == 0 ? "" : ",").append('"').append(s).append('"');
        }
        return ok(put("/v1/orgs/" + org + "/teams", token, "{\"title\":\"" + title + "\",\"members\":[" + m + "]}"), 201)
                .get("id").asText();
    }

    public static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
