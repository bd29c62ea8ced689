package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.http.scim.ScimRoutes;
import io.javalin.router.ParsedEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a careless or hostile client sends, on every route the server registers: unknown and malformed
 * ids, bodies of the wrong shape, wrong callers. Never a 5xx, always the error format, and a refusal
 * changes nothing.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static final List<String> BODIES = List.of("", "null", "[]", "{}", "{not json", "\"text\"", "42",
            "{\"role\":\"Admin\",\"users\":[\"x\"]}", "{\"role\":\"edit\",\"users\":[],\"teams\":[]}",
            "{\"role\":\"edit\",\"users\":[\"a%2Fb\", 7, null]}", "{\"title\":{\"nested\":[1,2]},\"parent\":5}",
            "{\"emails\":[{\"email\":3}], \"add\":{}, \"remove\":\"x\", \"memberships\":[]}",
            "{\"defaultLevel\":\"INHERIT\",\"visibility\":null,\"spaceId\":[\"s\"]}",
            "{\"title\":\"" + "x".repeat(300) + "\",\"displayName\":\"\",\"email\":\"@\"}",
            "[".repeat(200) + "]".repeat(200));

    @Test
    void noRouteAnswersWithAServerErrorOrChangesStateWhenItRefuses() {
        try (TestApp app = TestApp.start(dir)) {
            String alice = app.user("alice");
            String bob = app.user("bob");
            String org = app.org("Acme", "alice");
            app.member(org, "bob", "\"read\"");
            String team = app.team(org, alice, "T", "bob");
            String c = app.collection(org, alice, "{\"title\":\"C\"}");
            String s = app.space(org, alice, "{\"title\":\"S\",\"parent\":\"" + c + "\"}");
            var site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Site\",\"spaces\":[\"" + s + "\"]}"), 201);
            String siteId = site.get("id").asText();
            String siteSpace = app.ok(app.get("/v1/orgs/" + org + "/sites/" + siteId + "/site-spaces", alice), 200)
                    .get("items").get(0).get("id").asText();
            String pageId = app.ok(app.post("/v1/spaces/" + s + "/pages", alice, "{\"title\":\"P\"}"), 201).get("id").asText();
            String tokenId = app.ok(app.get("/v1/users/bob/tokens", bob), 200).get("items").get(0).get("id").asText();
            String webhookId = app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice,
                    "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef\"}"), 201).get("id").asText();
            Map<String, String> real = Map.of("orgId", org, "userId", "bob", "teamId", team, "collectionId", c, "spaceId", s,
                    "siteId", siteId, "siteSpaceId", siteSpace, "tokenId", tokenId, "pageId", pageId,
                    "webhookId", webhookId);
            // One of the documents GET /docs/{file} serves (Map.of takes at most ten pairs).
            real = new java.util.HashMap<>(real);
            real.put("file", "api.md");
            real.put("shareLinkId", app.ok(app.post("/v1/orgs/" + org + "/sites/" + siteId + "/share-links", alice,
                    "{\"name\":\"L\"}"), 201).get("id").asText());
            real.put("requestId", app.ok(app.post("/v1/spaces/" + s + "/access-requests", bob, "{\"role\":\"edit\"}"), 201)
                    .get("id").asText());
            real.put("auditEventId", app.ok(app.get("/v1/orgs/" + org + "/audit-events?limit=1", alice), 200)
                    .get("items").get(0).get("id").asText());
            real.put("inviteId", app.ok(app.post("/v1/orgs/" + org + "/link-invites", alice, "{\"role\":\"read\"}"), 201)
                    .get("id").asText());

            List<String> callers = new ArrayList<>(List.of(TestApp.SYSTEM, alice, bob, "bogus"));
            int requests = 0;
            for (ParsedEndpoint e : app.javalin().unsafe.internalRouter.allHttpHandlers()) {
                String method = e.endpoint.method.name();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                // SCIM answers in SCIM's error format; its bad input is ScimBadInputTest's.
                if (e.endpoint.path.startsWith(ScimRoutes.PREFIX)) {
                    continue;
                }
                for (String idKind : List.of("real", "unknown", "malformed")) {
                    String path = e.endpoint.path;
                    for (Map.Entry<String, String> p : real.entrySet()) {
                        String value = switch (idKind) {
                            case "real" -> p.getValue();
                            case "unknown" -> "zzNotThere";
                            default -> "bad%25id";
                        };
                        path = path.replace("{" + p.getKey() + "}", value);
                    }
                    for (String body : method.equals("GET") ? List.of("") : BODIES) {
                        for (String caller : callers) {
                            // A real DELETE by an admin would empty the world for the rest of the sweep.
                            if (method.equals("DELETE") && idKind.equals("real") && !caller.equals("bogus")) {
                                continue;
                            }
                            long before = app.revision();
                            TestApp.Res r = app.call(method, path + (method.equals("GET") ? "?limit=ten" : ""), caller,
                                    body.isEmpty() ? null : body);
                            requests++;
                            assertThat(r.status()).as(method + " " + path + " " + body + " -> " + r).isLessThan(500);
                            if (r.status() >= 400) {
                                assertThat(r.json().get("error").get("code").asInt()).as(r.toString()).isEqualTo(r.status());
                                assertThat(r.json().get("error").get("message").asText()).isNotBlank();
                                assertThat(app.revision()).as(method + " " + path + " " + body)
                                        .isEqualTo(before);
                            }
                        }
                    }
                }
            }
            assertThat(requests).isGreaterThan(3000);
        }
    }
}
