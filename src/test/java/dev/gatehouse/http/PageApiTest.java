package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages with their own permissions: the tree, private pages, restricted subtrees, moves and deletes. */
class PageApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String carol;
    String dave;
    String org;
    String space;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        carol = app.user("carol");
        dave = app.user("dave");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"edit\"");
        app.member(org, "carol", "\"read\"");
        app.member(org, "dave", "\"read\"");
        space = app.space(org, alice, "{\"title\":\"Handbook\"}");
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private String page(String token, String body) {
        return app.ok(app.post("/v1/spaces/" + space + "/pages", token, body), 201).get("id").asText();
    }

    private List<String> titles(String token) {
        List<String> out = new ArrayList<>();
        String next = null;
        do {
            JsonNode b = app.ok(app.get("/v1/spaces/" + space + "/pages?limit=2" + (next == null ? "" : "&page=" + next), token), 200);
            b.get("items").forEach(i -> out.add("  ".repeat(i.get("depth").asInt()) + i.get("title").asText()));
            next = b.has("next") ? b.get("next").get("page").asText() : null;
        } while (next != null);
        return out;
    }

    private Map<String, String> aggregate(String pageId) {
        Map<String, String> out = new LinkedHashMap<>();
        app.ok(app.get("/v1/spaces/" + space + "/pages/" + pageId + "/permissions/aggregate", alice), 200).get("items")
                .forEach(i -> out.put(i.get("user").get("id").asText(), i.get("permission").asText()));
        return out;
    }

    @Test
    void pagesListAsATreeInOrder() {
        String intro = page(bob, "{\"title\":\"Intro\"}");
        String guide = page(bob, "{\"title\":\"Guide\"}");
        page(bob, "{\"title\":\"Setup\",\"parent\":\"" + intro + "\"}");
        page(bob, "{\"title\":\"First\",\"parent\":\"" + intro + "\",\"position\":0}");
        page(bob, "{\"title\":\"Deep\",\"parent\":\"" + guide + "\"}");
        assertThat(titles(carol)).containsExactly("Intro", "  First", "  Setup", "Guide", "  Deep");
        // Positions are the order's own keys: Intro goes after Guide (position 1).
        app.ok(app.patch("/v1/spaces/" + space + "/pages/" + intro, bob, "{\"position\":5}"), 200);
        assertThat(titles(carol)).containsExactly("Guide", "  Deep", "Intro", "  First", "  Setup");
        assertError(app.post("/v1/spaces/" + space + "/pages", carol, "{\"title\":\"Mine\"}"), 403, "edit permission");
    }

    @Test
    void aPrivatePageSharedWithTwoPeopleReachesOnlyThemAndAdmins() {
        String p = page(bob, "{\"title\":\"Salaries\"}");
        assertError(app.patch("/v1/spaces/" + space + "/pages/" + p, bob, "{\"defaultLevel\":null}"), 403, "admin permission");
        app.ok(app.patch("/v1/spaces/" + space + "/pages/" + p, alice, "{\"defaultLevel\":null}"), 200);
        app.ok(app.post("/v1/spaces/" + space + "/pages/" + p + "/permissions", alice,
                "{\"role\":\"edit\",\"users\":[\"carol\",\"dave@example.com\"]}"), 204);
        assertThat(aggregate(p)).containsExactly(Map.entry("alice", "admin"), Map.entry("carol", "edit"),
                Map.entry("dave", "edit"));
        assertError(app.get("/v1/spaces/" + space + "/pages/" + p, bob), 404, "no page");
        assertThat(titles(bob)).isEmpty();
        assertThat(app.get("/v1/spaces/" + space + "/pages/" + p, carol).json().get("permissions").get("edit").asBoolean())
                .isTrue();
    }

    @Test
    void aRestrictedSubtreeStaysRestrictedBelowAndANullGrantCutsOneUserOut() {
        String top = page(alice, "{\"title\":\"Top\",\"defaultLevel\":null}");
        String child = page(alice, "{\"title\":\"Child\",\"parent\":\"" + top + "\"}");
        app.ok(app.post("/v1/spaces/" + space + "/pages/" + top + "/permissions", alice,
                "{\"role\":\"comment\",\"users\":[\"carol\",\"dave\"]}"), 204);
        assertThat(aggregate(child)).containsExactly(Map.entry("alice", "admin"), Map.entry("carol", "comment"),
                Map.entry("dave", "comment"));
        app.ok(app.patch("/v1/spaces/" + space + "/pages/" + child + "/permissions/users/dave", alice, "{\"role\":null}"), 204);
        assertThat(aggregate(child)).containsExactly(Map.entry("alice", "admin"), Map.entry("carol", "comment"));
        app.ok(app.patch("/v1/spaces/" + space + "/pages/" + child, alice, "{\"parent\":null}"), 200);
        assertThat(aggregate(child)).containsExactly(Map.entry("alice", "admin"), Map.entry("bob", "edit"),
                Map.entry("carol", "read"));
    }

    @Test
    void badPageRequestsAre400Or404AndChangeNothing() {
        String a = page(alice, "{\"title\":\"A\"}");
        String b = page(alice, "{\"title\":\"B\",\"parent\":\"" + a + "\"}");
        String other = app.space(org, alice, "{\"title\":\"Other\"}");
        String foreign = app.ok(app.post("/v1/spaces/" + other + "/pages", alice, "{\"title\":\"F\"}"), 201).get("id").asText();
        long before = app.revision();
        assertError(app.patch("/v1/spaces/" + space + "/pages/" + a, alice, "{\"parent\":\"" + b + "\"}"), 400, "own pages");
        assertError(app.patch("/v1/spaces/" + space + "/pages/" + a, alice, "{\"parent\":\"" + foreign + "\"}"), 400,
                "'parent' must be a page of space");
        assertError(app.get("/v1/spaces/" + space + "/pages/" + foreign, alice), 404, "no page");
        assertError(app.get("/v1/spaces/" + space + "/pages/" + foreign + "/permissions/users", alice), 404, "no page");
        assertError(app.post("/v1/spaces/" + space + "/pages", alice, "{\"title\":\"X\",\"position\":-1}"), 400, "'position'");
        assertError(app.post("/v1/spaces/" + space + "/pages", alice, "{\"title\":\"X\",\"position\":1.5}"), 400, "'position'");
        assertError(app.post("/v1/spaces/" + space + "/pages", alice, "{}"), 400, "'title' is required");
        assertError(app.patch("/v1/spaces/" + space + "/pages/" + a, alice, "{}"), 400, "at least one");
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void deletingAPageDeletesItsSubtreeAndItsGrants() {
        String a = page(alice, "{\"title\":\"A\"}");
        String b = page(alice, "{\"title\":\"B\",\"parent\":\"" + a + "\"}");
        app.ok(app.post("/v1/spaces/" + space + "/pages/" + b + "/permissions", alice, "{\"role\":\"admin\",\"users\":[\"carol\"]}"), 204);
        assertError(app.delete("/v1/spaces/" + space + "/pages/" + a, bob), 403, "admin permission");
        assertThat(app.delete("/v1/spaces/" + space + "/pages/" + a, alice).status()).isEqualTo(205);
        assertThat(app.delete("/v1/spaces/" + space + "/pages/" + a, alice).status()).isEqualTo(204);
        assertThat(titles(alice)).isEmpty();
        assertThat(app.store().load().grants()).noneMatch(g -> g.resource().id().equals(b));
    }
}
