package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.scim.ScimRoutes;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document and the server's routes describe the same API, well enough to generate a typed client. */
class OpenApiTest {
    private static final String ERROR = "#/components/schemas/Error";
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    @TempDir
    Path dir;

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        try (TestApp app = TestApp.start(dir)) {
            TestApp.Res r = app.get("/v1/openapi.json", null);
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = r.json();
            assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");

            Set<String> documented = new TreeSet<>();
            Set<String> operationIds = new HashSet<>();
            doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
                documented.add(m.getKey().toUpperCase() + " " + p.getKey());
                assertThat(operationIds.add(m.getValue().get("operationId").asText())).as("unique operationId").isTrue();
            }));
            Set<String> served = new TreeSet<>();
            for (ParsedEndpoint e : app.javalin().unsafe.internalRouter.allHttpHandlers()) {
                String method = e.endpoint.method.name();
                // SCIM describes itself, as RFC 7644 section 4 asks (/ServiceProviderConfig, /Schemas, /ResourceTypes).
                if (e.endpoint.path.startsWith(ScimRoutes.PREFIX)) {
                    continue;
                }
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    served.add(method + " " + OpenApi.documentedPath(e.endpoint.path));
                }
            }
            assertThat(documented).isEqualTo(served);
        }
    }

    @Test
    void everySchemaReferenceResolves() {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode doc = app.get("/v1/openapi.json", null).json();
            Set<String> refs = new TreeSet<>();
            collect(doc, refs);
            assertThat(refs).isNotEmpty();
            for (String ref : refs) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            }
        }
    }

    @Test
    void pathParametersAreNamedAsGitBookNamesThem() {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode doc = app.get("/v1/openapi.json", null).json();
            Map<String, String> gitbook = new HashMap<>();
            for (String path : gitbookPaths()) {
                gitbook.put(shape(path), path);
            }
            List<String> shared = new ArrayList<>();
            doc.get("paths").properties().forEach(p -> {
                String path = p.getKey();
                String theirs = gitbook.get(shape(path));
                if (theirs != null) {
                    shared.add(path);
                    assertThat(path).as("GitBook names the parameters of this path").isEqualTo(theirs);
                }
                assertThat(path).as("no route-only parameter name is documented").doesNotContain("{orgId}");
                // Each operation declares exactly the parameters of its path.
                List<String> inPath = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
                while (m.find()) {
                    inPath.add(m.group(1));
                }
                p.getValue().properties().forEach(op -> {
                    List<String> declared = new ArrayList<>();
                    op.getValue().path("parameters").forEach(prm -> {
                        if (prm.path("in").asText().equals("path")) {
                            declared.add(prm.get("name").asText());
                            assertThat(prm.path("required").asBoolean()).as(op.getKey() + " " + path).isTrue();
                        }
                    });
                    assertThat(declared).as(op.getKey() + " " + path).containsExactlyInAnyOrderElementsOf(inPath);
                });
            });
            assertThat(shared).as("GitBook's paths that Gatehouse serves").hasSizeGreaterThan(40)
                    .contains("/v1/orgs/{organizationId}/sites/{siteId}/site-spaces/{siteSpaceId}",
                            "/v1/spaces/{spaceId}/permissions/users/{userId}");
        }
    }

    /**
     * Every grant body takes {@code expiresAt} (a time, or null), and every answer that carries one declares
     * it: the direct grant lists, the aggregates and the steps of an explanation.
     */
    @Test
    void theExpiryOfAGrantIsDeclaredWhereverItIsSentOrAnswered() {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode doc = app.get("/v1/openapi.json", null).json();
            List<String> bodies = new ArrayList<>();
            doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
                if (p.getKey().matches(".*/permissions(/(users|teams)/\\{[a-zA-Z]+})?") && WRITES.contains(op.getKey())
                        && !op.getKey().equals("delete")) {
                    String ref = op.getValue().at("/requestBody/content/application~1json/schema/$ref").asText();
                    bodies.add(ref);
                    JsonNode expiresAt = doc.at(ref.substring(1) + "/properties/expiresAt");
                    assertThat(expiresAt.toString()).as(op.getKey() + " " + p.getKey()).contains("Timestamp", "null");
                }
            }));
            assertThat(bodies).as("the invite and PATCH bodies of four kinds of resource").hasSize(12);
            for (String answer : List.of("UserPermission", "TeamPermission", "UserAccess", "SiteAccess", "Step")) {
                assertThat(doc.at("/components/schemas/" + answer + "/properties/expiresAt/$ref").asText()).as(answer)
                        .isEqualTo("#/components/schemas/Timestamp");
            }
        }
    }

    @Test
    void everyOperationDeclaresItsErrorsWithTheOneErrorSchema() {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode doc = app.get("/v1/openapi.json", null).json();
            JsonNode error = doc.at("/components/schemas/Error");
            assertThat(error.at("/properties/error/properties/code/type").asText()).isEqualTo("integer");
            assertThat(error.at("/properties/error/properties/message/type").asText()).isEqualTo("string");
            int operations = 0;
            for (Map.Entry<String, JsonNode> p : doc.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> op : p.getValue().properties()) {
                    operations++;
                    String name = op.getKey() + " " + p.getKey();
                    JsonNode responses = op.getValue().get("responses");
                    boolean secured = !op.getValue().has("security") || !op.getValue().get("security").isEmpty();
                    List<String> expected = new ArrayList<>(List.of("400", "503"));
                    if (secured) {
                        expected.addAll(List.of("401", "404"));
                    }
                    if (WRITES.contains(op.getKey())) {
                        expected.addAll(List.of("403", "409", "413", "422"));
                    }
                    for (String status : expected) {
                        assertThat(responses.has(status)).as(name + " declares " + status).isTrue();
                    }
                    responses.properties().forEach(r -> {
                        if (r.getKey().startsWith("4") || r.getKey().startsWith("5") || r.getKey().equals("default")) {
                            JsonNode response = resolve(doc, r.getValue());
                            assertThat(response.at("/content/application~1json/schema/$ref").asText())
                                    .as(name + " " + r.getKey()).isEqualTo(ERROR);
                        }
                    });
                }
            }
            assertThat(operations).isGreaterThan(100);
        }
    }

    /**
     * Every operation sent by every kind of caller (each role, a guest, a disabled member, the system token, a
     * bad token), with ids that exist and ids that do not: each status answered is one the operation declares.
     * Reads first, then writes, deletes last, so the world stays populated for as long as possible.
     */
    @Test
    void everyStatusAnOperationAnswersIsDeclared() {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode doc = app.get("/v1/openapi.json", null).json();
            Tenant alpha = Tenant.build(app, "alpha");
            List<String> callers = new ArrayList<>(alpha.tokens.values());
            callers.add(TestApp.SYSTEM);
            callers.add("not-a-token");
            List<Operations.Request> requests = new ArrayList<>(Operations.of(doc));
            requests.sort(java.util.Comparator.comparingInt(r -> r.method().equals("GET") ? 0 : r.method().equals("DELETE") ? 2 : 1));
            Set<String> undeclared = new TreeSet<>();
            Set<String> seen = new TreeSet<>();
            for (Operations.Request r : requests) {
                String[] op = r.operation().split(" ", 2);
                JsonNode responses = doc.get("paths").get(op[1]).get(op[0].toLowerCase()).get("responses");
                Map<String, String> own = new HashMap<>();
                Map<String, String> nowhere = new HashMap<>();
                for (String placeholder : r.placeholders()) {
                    own.put(placeholder, alpha.ids.get(Operations.kind(placeholder)));
                    nowhere.put(placeholder, "nx-" + Operations.kind(placeholder).toLowerCase());
                }
                for (Map<String, String> ids : List.of(own, nowhere)) {
                    Operations.Request sent = r.with(ids);
                    for (String caller : callers) {
                        TestApp.Res res = app.call(sent.method(), sent.target(), caller, sent.body());
                        String status = Integer.toString(res.status());
                        seen.add(status);
                        if (!responses.has(status)) {
                            undeclared.add(r.operation() + " answered " + status + ": " + res.text());
                        }
                    }
                }
            }
            assertThat(undeclared).isEmpty();
            assertThat(seen).contains("200", "201", "204", "400", "401", "403", "404", "409");
        }
    }

    @Test
    void everyObjectSchemaDeclaresItsProperties() {
        try (TestApp app = TestApp.start(dir)) {
            List<String> bare = new ArrayList<>();
            objects(app.get("/v1/openapi.json", null).json(), "", bare);
            assertThat(bare).isEmpty();
        }
    }

    @Test
    void serversNameThePublicUrl() {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode doc = app.get("/v1/openapi.json", null).json();
            assertThat(doc.get("servers")).hasSize(1);
            assertThat(doc.at("/servers/0/url").asText()).isEqualTo("http://localhost");
        }
    }

    /** Schemas of type object without properties, and schemas with required but no properties. */
    private static void objects(JsonNode n, String at, List<String> bare) {
        if (n.isObject()) {
            JsonNode type = n.get("type");
            boolean object = type != null && (type.asText().equals("object")
                    || type.isArray() && type.toString().contains("\"object\""));
            boolean requires = n.has("required") && n.get("required").isArray();
            if ((object || requires) && !n.has("properties")) {
                bare.add(at);
            }
            n.properties().forEach(e -> objects(e.getValue(), at + "/" + e.getKey(), bare));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                objects(n.get(i), at + "/" + i, bare);
            }
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode n) {
        while (n.has("$ref")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    /** A path with its parameter names left out: GitBook's and ours have the same shape when they are the same route. */
    private static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private static List<String> gitbookPaths() {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/gitbook-paths.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("/")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode n, Set<String> refs) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), refs);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, refs));
        }
    }
}
