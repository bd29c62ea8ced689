package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body field no operation takes is refused by name, with the fields it does take; a body without a field
 * it needs is refused by name; neither changes anything. Every field of GitBook's request schemas is
 * taken, so GitBook's client is never refused for what it sends.
 */
class StrictBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private TestApp app;
    private JsonNode doc;
    /** The objects the placeholders of {@link Operations} name, a second object of a kind included. */
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void world() {
        app = TestApp.start(dir);
        doc = app.get("/v1/openapi.json", null).json();
        String alice = app.user("alice");
        String bob = app.user("bob");
        String org = app.org("Acme", "alice");
        app.member(org, "bob", "\"read\"");
        String c1 = app.collection(org, alice, "{\"title\":\"C1\"}");
        String c2 = app.collection(org, alice, "{\"title\":\"C2\"}");
        String s1 = app.space(org, alice, "{\"title\":\"S1\",\"parent\":\"" + c1 + "\"}");
        String s2 = app.space(org, alice, "{\"title\":\"S2\"}");
        String p1 = app.ok(app.post("/v1/spaces/" + s1 + "/pages", alice, "{\"title\":\"P1\"}"), 201).get("id").asText();
        String p2 = app.ok(app.post("/v1/spaces/" + s1 + "/pages", alice, "{\"title\":\"P2\"}"), 201).get("id").asText();
        String site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Site\",\"spaces\":[\"" + s1 + "\"]}"),
                201).get("id").asText();
        ids.putAll(Map.of("organizationId", org, "userId", "bob", "collectionId", c1, "collectionId#2", c2,
                "spaceId", s1, "spaceId#2", s2, "pageId", p1, "pageId#2", p2, "siteId", site,
                "teamId", app.team(org, alice, "T", "bob")));
        ids.put("siteSpaceId", app.ok(app.get("/v1/orgs/" + org + "/sites/" + site + "/site-spaces", alice), 200)
                .get("items").get(0).get("id").asText());
        ids.put("tokenId", app.ok(app.get("/v1/users/bob/tokens", bob), 200).get("items").get(0).get("id").asText());
        ids.put("webhookId", app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice,
                "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef\"}"), 201).get("id").asText());
        ids.put("inviteId", app.ok(app.post("/v1/orgs/" + org + "/link-invites", alice, "{\"role\":\"read\"}"), 201)
                .get("id").asText());
        ids.put("inviteId#2", app.ok(app.post("/v1/orgs/" + org + "/link-invites", alice, "{\"level\":\"read\",\"space\":\""
                + s2 + "\"}"), 201).get("id").asText());
        ids.put("shareLinkId", app.ok(app.post("/v1/orgs/" + org + "/sites/" + site + "/share-links", alice,
                "{\"name\":\"L\"}"), 201).get("id").asText());
        ids.put("requestId", app.ok(app.post("/v1/spaces/" + s2 + "/access-requests", bob, "{\"role\":\"edit\"}"), 201)
                .get("id").asText());
        ids.put("auditEventId", app.ok(app.get("/v1/orgs/" + org + "/audit-events?limit=1", alice), 200).get("items")
                .get(0).get("id").asText());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aFieldNoOperationTakesIsRefusedByNameWithTheFieldsItTakesAndNothingChanges() {
        int writes = 0;
        for (Operations.Request r : firstOfEach()) {
            ObjectNode body = body(r);
            body.put("colour", "blue");
            TestApp.Res res = refused(r, body);
            String message = message(res);
            assertThat(message).as(r.operation()).contains("unknown field 'colour'");
            List<String> taken = fields(r.operation());
            if (taken.isEmpty()) {
                assertThat(message).as(r.operation()).contains("takes no fields");
            } else {
                assertThat(message).as(r.operation()).contains("takes " + String.join(", ", taken));
            }
            writes++;
        }
        assertThat(writes).as("operations that write").isGreaterThan(50);
    }

    @Test
    void unknownFieldsInsideABodyAreRefusedWhereTheyAre() {
        String space = ids.get("spaceId");
        assertThat(message(refused("POST", "/v1/orgs/" + ids.get("organizationId") + "/invites",
                "{\"emails\":[\"ann@example.com\",{\"email\":\"cy@example.com\",\"role\":\"read\",\"name\":\"Cy\"}]}")))
                .contains("unknown field 'emails[1].name': 'emails[1]' in POST /v1/orgs/{organizationId}/invites takes email, role");
        assertThat(message(refused("POST", "/v1/permissions/check",
                "{\"items\":[{\"user\":\"bob\",\"resource\":{\"type\":\"space\",\"id\":\"" + space + "\",\"path\":\"/\"}}]}")))
                .contains("unknown field 'items[0].resource.path'").contains("takes type, id");
        assertThat(message(refused("POST", "/v1/permissions/check",
                "{\"items\":[{\"user\":\"bob\",\"resource\":{\"type\":\"space\",\"id\":\"" + space + "\"},\"why\":true}]}")))
                .contains("unknown field 'items[0].why'").contains("takes user, resource, role");
        assertThat(message(refused("PUT", "/v1/orgs/" + ids.get("organizationId") + "/teams/" + ids.get("teamId") + "/members",
                "{\"memberships\":{\"bob\":{\"role\":\"owner\",\"since\":\"today\"}}}")))
                .contains("unknown field 'memberships.bob.since'").contains("takes role");
    }

    @Test
    void aBodyWithoutTheFieldsItNeedsIsRefusedNamingThemAndNothingChanges() {
        int checked = 0;
        for (Operations.Request r : firstOfEach()) {
            List<String> required = required(r.operation());
            if (required.isEmpty()) {
                continue;
            }
            ObjectNode body = body(r);
            required.forEach(body::remove);
            String message = message(refused(r, body));
            for (String field : required) {
                assertThat(message).as(r.operation()).contains("'" + field + "'");
            }
            assertThat(message).as(r.operation()).contains(required.size() == 1 ? "is required" : "are required");
            checked++;
        }
        assertThat(checked).as("operations that need fields").isGreaterThan(20);
        assertThat(message(refused("POST", "/v1/orgs", "{\"defaultRole\":\"read\"}")))
                .isEqualTo("'title' and 'admin' are required");
        assertThat(message(refused("POST", "/v1/permissions/check", "{\"items\":[{\"user\":\"bob\"}]}")))
                .isEqualTo("'items[0].resource' is required");
        assertThat(message(refused("POST", "/v1/permissions/check",
                "{\"items\":[{\"user\":\"bob\",\"resource\":{\"type\":\"space\"}}]}")))
                .isEqualTo("'items[0].resource.id' is required");
        assertThat(message(refused("POST", "/v1/orgs/" + ids.get("organizationId") + "/invites",
                "{\"emails\":[{\"email\":\"cy@example.com\"}]}"))).isEqualTo("'emails[0].role' is required");
        assertThat(message(refused("PUT", "/v1/orgs/" + ids.get("organizationId") + "/teams/" + ids.get("teamId") + "/members",
                "{\"memberships\":{\"bob\":{}}}"))).isEqualTo("'memberships.bob.role' is required");
    }

    /**
     * Each operation GitBook's API shares, sent with every field of GitBook's request schema for it
     * ({@code gitbook-request-fields.json}, which the conformance suite holds to GitBook's published spec), on
     * top of a body Gatehouse needs: answered as a success, so no field of GitBook's is refused.
     */
    @Test
    void everyFieldOfGitBooksRequestSchemasIsTaken() {
        JsonNode gitbook = resource("/gitbook-request-fields.json");
        Map<String, Operations.Request> byOperation = new LinkedHashMap<>();
        firstOfEach().forEach(r -> byOperation.put(r.operation(), r));
        List<String> refused = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, JsonNode> op : gitbook.properties()) {
            if (op.getKey().equals("_")) {
                continue;
            }
            Operations.Request r = byOperation.get(op.getKey());
            assertThat(r).as(op.getKey() + " is served").isNotNull();
            // One body, or (GitBook's oneOf) one body per shape; "_ids" points a placeholder at another object.
            List<JsonNode> shapes = new ArrayList<>();
            if (op.getValue().isArray()) {
                op.getValue().forEach(shapes::add);
            } else {
                shapes.add(op.getValue());
            }
            for (JsonNode shape : shapes) {
                ObjectNode fields = ((ObjectNode) shape).deepCopy();
                Map<String, String> with = new HashMap<>(ids);
                JsonNode repoint = fields.remove("_ids");
                if (repoint != null) {
                    repoint.properties().forEach(e -> with.put(e.getKey(), ids.get(e.getValue().asText())));
                }
                ObjectNode body = body(r);
                body.setAll(fields);
                Operations.Request filled = new Operations.Request(r.method(), r.operation(), r.target(), body.toString())
                        .with(with);
                TestApp.Res res = app.call(filled.method(), filled.target(), TestApp.SYSTEM, filled.body());
                if (res.status() >= 300) {
                    refused.add(filled + " -> " + res);
                }
                sent++;
            }
        }
        assertThat(refused).isEmpty();
        assertThat(sent).isGreaterThan(25);
    }

    /** The first request {@link Operations} makes of each write, ids unfilled. */
    private List<Operations.Request> firstOfEach() {
        Map<String, Operations.Request> out = new LinkedHashMap<>();
        for (Operations.Request r : Operations.of(doc)) {
            // Bodies of JSON objects only: an import's body is NDJSON, which DataApiTest refuses line by line.
            if (!r.isRead() && takesJson(r.operation())) {
                out.putIfAbsent(r.operation(), r);
            }
        }
        return List.copyOf(out.values());
    }

    private boolean takesJson(String operation) {
        String[] op = operation.split(" ", 2);
        JsonNode content = doc.get("paths").get(op[1]).get(op[0].toLowerCase(java.util.Locale.ROOT)).at("/requestBody/content");
        return !content.isObject() || content.has("application/json");
    }

    /** The request's body as an object (an empty one when it sends none), placeholders left in. */
    private static ObjectNode body(Operations.Request r) {
        try {
            return r.body() == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code r} with {@code body} as the system token: a 400 that changed nothing. */
    private TestApp.Res refused(Operations.Request r, ObjectNode body) {
        Operations.Request filled = new Operations.Request(r.method(), r.operation(), r.target(), body.toString()).with(ids);
        return refused(filled.method(), filled.target(), filled.body());
    }

    private TestApp.Res refused(String method, String target, String body) {
        String before = revision();
        TestApp.Res res = app.call(method, target, TestApp.SYSTEM, body);
        assertThat(res.status()).as(method + " " + target + " " + body + " -> " + res).isEqualTo(400);
        assertThat(revision()).as("nothing was written by " + method + " " + target).isEqualTo(before);
        return res;
    }

    private String revision() {
        return app.ok(app.get("/readyz", null), 200).get("revision").asText();
    }

    private static String message(TestApp.Res res) {
        return res.json().path("error").path("message").asText();
    }

    /** The top-level fields of an operation's documented body, in document order. */
    private List<String> fields(String operation) {
        List<String> out = new ArrayList<>();
        schema(operation).path("properties").properties().forEach(p -> out.add(p.getKey()));
        return out;
    }

    private List<String> required(String operation) {
        List<String> out = new ArrayList<>();
        schema(operation).path("required").forEach(f -> out.add(f.asText()));
        return out;
    }

    private JsonNode schema(String operation) {
        String[] op = operation.split(" ", 2);
        JsonNode s = doc.path("paths").path(op[1]).path(op[0].toLowerCase(java.util.Locale.ROOT))
                .at("/requestBody/content/application~1json/schema");
        while (s.has("$ref")) {
            s = doc.at(s.get("$ref").asText().substring(1));
        }
        return s;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = StrictBodiesTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
