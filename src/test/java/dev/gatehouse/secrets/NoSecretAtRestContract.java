package dev.gatehouse.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.service.WebhookDispatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server (the CLI, as a child process) is made to hand out every kind of secret the API has, with
 * and without {@code Idempotency-Key} replays, serves some traffic and some errors, is restarted, and then
 * the data directory, the database and the server's output are searched for each secret in clear.
 *
 * <p>Where a secret may legitimately be: the system token in {@code DATA/admin-token} (the operator's copy)
 * and on stdout at first start (shown once); the encryption key in its own key file. Nowhere else.
 */
abstract class NoSecretAtRestContract {
    static final String ADMIN_TOKEN_FILE = "admin-token";
    static final String KEY_FILE = "secret-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Environment for the child beyond the webhook allowance: which database, which key. */
    abstract Map<String, String> databaseEnv();

    /** The cursor-signing secret the server made, read from a copy of the data directory after it stopped. */
    abstract byte[] cursorSecret(Path dataCopy) throws Exception;

    /** The encryption key the server used, when the test can know it. */
    abstract byte[] encryptionKey(Path data) throws IOException;

    /** Each text and binary value of every table of the database, by "table.column", for databases outside the data directory. */
    abstract Map<String, List<byte[]>> databaseValues() throws Exception;

    /** Delivers nothing for its first two calls (500), then accepts; remembers each accepted body and signature. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger calls = new AtomicInteger();
        final Map<String, String> signatureByBody = new ConcurrentHashMap<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (calls.incrementAndGet() <= 2) {
                    exchange.sendResponseHeaders(500, -1);
                } else {
                    signatureByBody.put(new String(body, StandardCharsets.UTF_8),
                            exchange.getRequestHeaders().getFirst("X-Gatehouse-Signature"));
                    exchange.sendResponseHeaders(204, -1);
                }
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String random(String prefix) {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.uri() + " -> " + r.body()).isEqualTo(status);
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    @Test
    void noSecretIsStoredOrLoggedInClearAndAReplayNeverRepeatsOne() throws Exception {
        Path data = dir.resolve("data");
        Path stdout = dir.resolve("stdout.log");
        Path stderr = dir.resolve("stderr.log");
        Map<String, String> env = new HashMap<>(databaseEnv());
        env.put("GATEHOUSE_WEBHOOK_ALLOW", "127.0.0.1");
        SecretScan scan = new SecretScan();
        SoftAssertions soft = new SoftAssertions();
        Map<String, byte[]> snapshots = new LinkedHashMap<>();
        Map<String, String> hookSecrets = new HashMap<>();
        String org;
        String ada;

        try (Receiver receiver = new Receiver()) {
            try (ChildServer s = ChildServer.start(data, stdout, stderr, env)) {
                String system = Files.readString(data.resolve(ADMIN_TOKEN_FILE), StandardCharsets.UTF_8).strip();
                scan.text("system token", system);
                json(s.call("POST", "/v1/users", system, "{\"id\":\"ada\",\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}"), 201);
                org = json(s.call("POST", "/v1/orgs", system, "{\"title\":\"Docs\",\"admin\":\"ada\"}"), 201).get("id").asText();

                ada = json(s.call("POST", "/v1/users/ada/tokens", system, "{}"), 201).get("token").asText();
                scan.text("personal token", ada);
                JsonNode first = json(s.call("POST", "/v1/users/ada/tokens", system, "{\"label\":\"ci\"}",
                        "Idempotency-Key", "token-1"), 201);
                String keyed = first.get("token").asText();
                scan.text("personal token created with an Idempotency-Key", keyed);
                for (int i = 0; i < 2; i++) {
                    HttpResponse<String> replay = s.call("POST", "/v1/users/ada/tokens", system, "{\"label\":\"ci\"}",
                            "Idempotency-Key", "token-1");
                    soft.assertThat(replay.statusCode()).as("replayed status").isEqualTo(201);
                    soft.assertThat(replay.headers().firstValue("Idempotent-Replayed")).as("replay header").hasValue("true");
                    soft.assertThat(replay.body()).as("replayed token creation").doesNotContain(keyed);
                    JsonNode again = JSON.readTree(replay.body());
                    soft.assertThat(again.path("id").asText()).as("replayed token id").isEqualTo(first.get("id").asText());
                    soft.assertThat(again.has("token")).as("replay has a token field").isFalse();
                    soft.assertThat(again.path("withheld").toString()).as("replay names what it withheld").contains("token");
                }
                JsonNode revokedToken = json(s.call("POST", "/v1/users/ada/tokens", ada, "{\"label\":\"old\"}",
                        "Idempotency-Key", "token-2"), 201);
                String revoked = revokedToken.get("token").asText();
                scan.text("revoked personal token", revoked);
                json(s.call("DELETE", "/v1/users/ada/tokens/" + revokedToken.get("id").asText(), ada, null), 205);
                json(s.call("GET", "/v1/user", revoked, null), 401);

                String hookSecret = random("whsec-all-");
                scan.text("webhook secret", hookSecret);
                hookSecrets.put(json(s.call("POST", "/v1/orgs/" + org + "/webhooks", ada, "{\"url\":\"" + receiver.url()
                        + "\",\"secret\":\"" + hookSecret + "\"}", "Idempotency-Key", "hook-1"), 201).get("id").asText(), hookSecret);
                HttpResponse<String> hookReplay = s.call("POST", "/v1/orgs/" + org + "/webhooks", ada, "{\"url\":\""
                        + receiver.url() + "\",\"secret\":\"" + hookSecret + "\"}", "Idempotency-Key", "hook-1");
                soft.assertThat(hookReplay.body()).as("replayed webhook creation").doesNotContain(hookSecret);
                // A site share link's key is shown whenever the link is read, and is kept nowhere: not in a table,
                // the changelog, the audit log, nor the answer stored for a replay.
                String linkSite = json(s.call("POST", "/v1/orgs/" + org + "/sites", ada, "{\"title\":\"Docs\"}"), 201)
                        .get("id").asText();
                String linkUrl = json(s.call("POST", "/v1/orgs/" + org + "/sites/" + linkSite + "/share-links", ada,
                        "{\"name\":\"Reviewers\"}", "Idempotency-Key", "link-1"), 201).get("urls").get("published").asText();
                String linkKey = linkUrl.substring(linkUrl.indexOf("?share=") + "?share=".length());
                scan.text("share link key", linkKey);
                var linkReplay = s.call("POST", "/v1/orgs/" + org + "/sites/" + linkSite + "/share-links", ada,
                        "{\"name\":\"Reviewers\"}", "Idempotency-Key", "link-1");
                soft.assertThat(linkReplay.body()).as("replayed share link creation").doesNotContain(linkKey);
                String spaceSecret = random("whsec-spc-");
                scan.text("webhook secret for space events", spaceSecret);
                hookSecrets.put(json(s.call("POST", "/v1/orgs/" + org + "/webhooks", ada, "{\"url\":\"" + receiver.url()
                        + "\",\"secret\":\"" + spaceSecret + "\",\"events\":[\"space.*\"]}"), 201).get("id").asText(), spaceSecret);
                String tooShort = random("s").substring(0, 13);
                scan.text("refused webhook secret", tooShort);
                json(s.call("POST", "/v1/orgs/" + org + "/webhooks", ada, "{\"url\":\"" + receiver.url()
                        + "\",\"secret\":\"" + tooShort + "\"}"), 400);
                // The same key with another secret: refused, and the refusal must not echo either.
                json(s.call("POST", "/v1/orgs/" + org + "/webhooks", ada, "{\"url\":\"" + receiver.url()
                        + "\",\"secret\":\"" + tooShort + "-other\"}", "Idempotency-Key", "hook-1"), 422);

                for (int i = 0; i < 3; i++) {
                    json(s.call("POST", "/v1/orgs/" + org + "/spaces", ada, "{\"title\":\"Space " + i + "\"}"), 201);
                }
                JsonNode page = json(s.call("GET", "/v1/orgs/" + org + "/spaces?limit=1", ada, null), 200);
                String cursor = page.get("next").get("page").asText();
                json(s.call("GET", "/v1/orgs/" + org + "/spaces?limit=1&page=" + URLEncoder.encode(cursor,
                        StandardCharsets.UTF_8), ada, null), 200);
                json(s.call("GET", "/v1/orgs/" + org + "/spaces?limit=1&page=x" + URLEncoder.encode(cursor,
                        StandardCharsets.UTF_8), ada, null), 400);
                json(s.call("POST", "/v1/orgs/" + org + "/spaces", ada, "{not json"), 400);
                json(s.call("GET", "/v1/orgs/nope", ada, null), 404);
                json(s.call("GET", "/v1/user", null, null), 401);

                awaitDeliveries(receiver, 5);
                snapshots.putAll(snapshot(data, "while serving"));
            }
            try (ChildServer s = ChildServer.start(data, stdout, stderr, env)) {
                int before = receiver.signatureByBody.size();
                json(s.call("POST", "/v1/orgs/" + org + "/spaces", ada, "{\"title\":\"After restart\"}"), 201);
                awaitDeliveries(receiver, before + 2);
                snapshots.putAll(snapshot(data, "after a restart"));
            }
            // Each accepted delivery was signed with its webhook's secret: the sealed secrets still work.
            receiver.signatureByBody.forEach((body, signature) -> {
                String hook;
                try {
                    hook = JSON.readTree(body).get("webhook").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                soft.assertThat(signature).as("signature of a delivery")
                        .isEqualTo("sha256=" + WebhookDispatcher.sign(hookSecrets.get(hook), body));
            });
        }
        snapshots.putAll(snapshot(data, "stopped"));

        Path copy = dir.resolve("copy");
        copyTree(data, copy);
        scan.bytes("cursor secret", cursorSecret(copy));
        byte[] key = encryptionKey(data);
        if (key != null) {
            scan.bytes("encryption key", key);
        }
        List<String> found = new ArrayList<>();
        snapshots.forEach((where, content) -> found.addAll(scan.find(where, content,
                where.endsWith("/" + KEY_FILE) ? List.of("encryption key") : List.of())));
        for (Map.Entry<String, List<byte[]>> column : databaseValues().entrySet()) {
            for (byte[] value : column.getValue()) {
                found.addAll(scan.find("database " + column.getKey(), value, List.of()));
            }
        }
        // The system token is shown once on stdout, by design; nothing else is printed or logged.
        found.addAll(scan.find("stdout", Files.readAllBytes(stdout), List.of("system token")));
        found.addAll(scan.find("stderr", Files.readAllBytes(stderr), List.of()));
        soft.assertThat(found).as("secrets found in clear").isEmpty();
        soft.assertAll();
    }

    private static void awaitDeliveries(Receiver receiver, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (receiver.signatureByBody.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(receiver.signatureByBody.size()).as("deliveries received").isGreaterThanOrEqualTo(n);
    }

    /** Every file of the data directory but the admin token, read now (the WAL and shm exist only while serving). */
    private static Map<String, byte[]> snapshot(Path data, String when) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(ADMIN_TOKEN_FILE)) {
                    out.put(when + ": " + data.relativize(f).toString().replace('\\', '/').replaceFirst("^", "DATA/"),
                            Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
