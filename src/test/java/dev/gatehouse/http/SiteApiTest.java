package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites, the spaces they publish, and their permissions. */
class SiteApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String org;
    String s1;
    String s2;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"edit\"");
        s1 = app.space(org, alice, "{\"title\":\"Getting Started\"}");
        s2 = app.space(org, alice, "{\"title\":\"Reference\"}");
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void aSiteHasGitBooksShapeAndPublishesSpacesInOrder() {
        JsonNode site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice,
                "{\"title\":\"Docs\",\"visibility\":\"unlisted\",\"spaces\":[\"" + s1 + "\"]}"), 201);
        for (String f : List.of("object", "id", "type", "appliedType", "title", "visibility", "defaultLevel", "permissions",
                "published", "createdAt", "siteSpaces", "features", "urls")) {
            assertThat(site.has(f)).as(f).isTrue();
        }
        assertThat(site.get("siteSpaces").asInt()).isEqualTo(1);
        String id = site.get("id").asText();
        JsonNode added = app.ok(app.post("/v1/orgs/" + org + "/sites/" + id + "/site-spaces", alice,
                "{\"spaceId\":\"" + s2 + "\"}"), 201);
        assertThat(added.get("object").asText()).isEqualTo("site-space");
        assertThat(added.get("path").asText()).isEqualTo("reference");
        assertThat(added.get("space").get("id").asText()).isEqualTo(s2);
        JsonNode list = app.ok(app.get("/v1/orgs/" + org + "/sites/" + id + "/site-spaces", bob), 200);
        assertThat(list.get("items")).extracting(i -> i.get("space").get("id").asText()).containsExactly(s1, s2);
        assertThat(app.delete("/v1/orgs/" + org + "/sites/" + id + "/site-spaces/" + added.get("id").asText(), alice)
                .status()).isEqualTo(205);
        assertThat(app.get("/v1/orgs/" + org + "/sites/" + id, alice).json().get("siteSpaces").asInt()).isEqualTo(1);
    }

    @Test
    void onlyAdminsCreateAndChangeSites() {
        assertError(app.post("/v1/orgs/" + org + "/sites", bob, "{\"title\":\"Mine\"}"), 403, "admins");
        String id = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\"}"), 201).get("id").asText();
        assertError(app.patch("/v1/orgs/" + org + "/sites/" + id, bob, "{\"title\":\"Ours\"}"), 403, "admin permission");
        assertError(app.post("/v1/orgs/" + org + "/sites/" + id + "/site-spaces", alice, "{\"spaceId\":\"nope\"}"), 400,
                "not a space");
        assertError(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"D\",\"visibility\":\"private\"}"), 400,
                "site visibility");
        assertThat(app.ok(app.patch("/v1/orgs/" + org + "/sites/" + id, alice, "{\"title\":\"Handbook\"}"), 200)
                .get("title").asText()).isEqualTo("Handbook");
    }

    @Test
    void aSiteIsOnlyReachableThroughItsOwnOrganization() {
        app.user("zed");
        String other = app.org("Other", "zed");
        String id = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\"}"), 201).get("id").asText();
        app.member(other, "alice", "\"admin\"");
        assertError(app.get("/v1/orgs/" + other + "/sites/" + id, alice), 404, "no site");
        assertError(app.get("/v1/orgs/" + other + "/sites/" + id + "/permissions/users", alice), 404, "no site");
    }

    @Test
    void siteGrantsReachTheSpacesItPublishesButItsDefaultDoesNot() {
        // s1 inherits from a collection nobody reaches by default: only the site level can give access.
        String c = app.collection(org, alice, "{\"title\":\"Closed\",\"defaultLevel\":null}");
        app.ok(app.post("/v1/spaces/" + s1 + "/move", alice, "{\"parent\":\"" + c + "\"}"), 200);
        String id = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\",\"spaces\":[\"" + s1 + "\"]}"),
                201).get("id").asText();
        app.ok(app.patch("/v1/orgs/" + org + "/sites/" + id, alice, "{\"defaultLevel\":\"admin\"}"), 200);
        assertError(app.get("/v1/spaces/" + s1, bob), 404, "no space");
        app.ok(app.post("/v1/orgs/" + org + "/sites/" + id + "/permissions", alice,
                "{\"role\":\"comment\",\"users\":[\"bob\"]}"), 204);
        JsonNode flags = app.ok(app.get("/v1/spaces/" + s1, bob), 200).get("permissions");
        assertThat(flags.get("comment").asBoolean()).isTrue();
        assertThat(flags.get("edit").asBoolean()).isFalse();
        JsonNode users = app.ok(app.get("/v1/orgs/" + org + "/sites/" + id + "/permissions/users", alice), 200);
        assertThat(users.get("items").get(0).get("permission").asText()).isEqualTo("comment");
        assertError(app.patch("/v1/orgs/" + org + "/sites/" + id + "/permissions/users/bob", alice, "{\"role\":null}"), 400,
                "'role' is required");
        assertThat(app.delete("/v1/orgs/" + org + "/sites/" + id, alice).status()).isEqualTo(205);
        assertError(app.get("/v1/spaces/" + s1, bob), 404, "no space");
    }

    @Test
    void theSiteAggregateHonoursItsFilters() {
        app.user("carol");
        app.member(org, "carol", "null");
        String team = app.team(org, alice, "Writers", "bob");
        String id = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\",\"spaces\":[\"" + s1 + "\"]}"),
                201).get("id").asText();
        app.ok(app.post("/v1/orgs/" + org + "/sites/" + id + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"carol\"]}"), 204);
        String base = "/v1/orgs/" + org + "/sites/" + id + "/permissions/aggregate";
        java.util.function.Function<String, java.util.List<String>> users = q -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            app.ok(app.get(base + q, alice), 200).get("items").forEach(i -> out.add(i.get("user").get("id").asText()));
            return out;
        };
        assertThat(users.apply("")).containsExactly("alice", "bob", "carol");
        assertThat(users.apply("?role=admin")).containsExactly("alice");
        assertThat(users.apply("?role=guest")).containsExactly("carol");
        assertThat(users.apply("?team=" + team)).containsExactly("bob");
        assertThat(users.apply("?search=CAR")).containsExactly("carol");
        assertThat(users.apply("?role=edit&limit=1")).containsExactly("bob");
        assertError(app.get(base + "?sort=name", alice), 400, "ordered by user id");
        assertError(app.get(base + "?role=Admin", alice), 400, "not a role");
    }

    @Test
    void sitesFilterByTypeAndTheFirstPublishedSpaceIsTheDefault() {
        String id = app.ok(app.post("/v1/orgs/" + org + "/sites", alice,
                "{\"title\":\"Docs\",\"spaces\":[\"" + s1 + "\",\"" + s2 + "\"]}"), 201).get("id").asText();
        assertThat(app.get("/v1/orgs/" + org + "/sites?type=ultimate", alice).json().get("items")).hasSize(1);
        assertThat(app.get("/v1/orgs/" + org + "/sites?type=basic", alice).json().get("items")).isEmpty();
        assertError(app.get("/v1/orgs/" + org + "/sites?type=gold", alice), 400, "'type'");
        String spaces = "/v1/orgs/" + org + "/sites/" + id + "/site-spaces";
        assertThat(app.get(spaces + "?default=true", alice).json().get("items"))
                .extracting(i -> i.get("space").get("id").asText()).containsExactly(s1);
        assertThat(app.get(spaces + "?default=false", alice).json().get("items"))
                .extracting(i -> i.get("space").get("id").asText()).containsExactly(s2);
        assertThat(app.get(spaces, alice).json().get("items").get(0).get("default").asBoolean()).isTrue();
    }

    @Test
    void publishingOrUnpublishingASpaceNeedsAdminOnTheSpace() {
        String id = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\"}"), 201).get("id").asText();
        app.ok(app.post("/v1/orgs/" + org + "/sites/" + id + "/permissions", alice, "{\"role\":\"admin\",\"users\":[\"bob\"]}"), 204);
        // bob administers the site but only edits s1, whose own default decides before any site level.
        app.ok(app.patch("/v1/spaces/" + s1, alice, "{\"defaultLevel\":\"edit\"}"), 200);
        assertError(app.post("/v1/orgs/" + org + "/sites/" + id + "/site-spaces", bob, "{\"spaceId\":\"" + s1 + "\"}"), 403,
                "admin permission");
        TestApp.Res added = app.post("/v1/orgs/" + org + "/sites/" + id + "/site-spaces", alice, "{\"spaceId\":\"" + s1 + "\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.header("Location")).endsWith("/site-spaces/" + added.json().get("id").asText());
        assertError(app.delete("/v1/orgs/" + org + "/sites/" + id + "/site-spaces/" + added.json().get("id").asText(), bob), 403,
                "admin permission");
        assertError(app.delete("/v1/orgs/" + org + "/sites/" + id, bob), 403, "admin permission");
    }
}
