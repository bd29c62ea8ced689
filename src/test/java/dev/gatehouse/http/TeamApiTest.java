package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teams: creation, membership changes by admins and owners, and what goes with a deleted team. */
class TeamApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String carol;
    String org;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        carol = app.user("carol");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"read\"");
        app.member(org, "carol", "\"read\"");
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private java.util.List<String> members(String team) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        app.ok(app.get("/v1/orgs/" + org + "/teams/" + team + "/members", alice), 200).get("items")
                .forEach(i -> ids.add(i.get("organization").get("id").asText() + ":" + i.get("team").get("role").asText()));
        return ids;
    }

    @Test
    void aTeamHasGitBooksShape() {
        JsonNode t = app.ok(app.put("/v1/orgs/" + org + "/teams", alice, "{\"title\":\"Writers\",\"members\":[\"bob\"]}"), 201);
        assertThat(t.get("object").asText()).isEqualTo("team");
        assertThat(t.get("members").asInt()).isEqualTo(1);
        assertThat(t.get("spaces").asInt()).isEqualTo(0);
        assertThat(t.has("createdAt")).isTrue();
        assertThat(t.get("permissions").get("admin").asBoolean()).isTrue();
        assertError(app.put("/v1/orgs/" + org + "/teams", bob, "{\"title\":\"Mine\"}"), 403, "admins");
        assertError(app.put("/v1/orgs/" + org + "/teams", alice, "{\"members\":[]}"), 400, "'title' is required");
    }

    @Test
    void membersAreAddedRemovedAndReRoledInOneCall() {
        String t = app.team(org, alice, "Writers", "bob");
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + t + "/members", alice,
                "{\"add\":[\"carol@example.com\"],\"memberships\":{\"bob\":{\"role\":\"owner\"}}}"), 204);
        assertThat(members(t)).containsExactly("bob:owner", "carol:member");
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + t + "/members", bob, "{\"remove\":[\"carol\"]}"), 204);
        assertThat(members(t)).containsExactly("bob:owner");
        assertError(app.put("/v1/orgs/" + org + "/teams/" + t + "/members", carol, "{\"add\":[\"carol\"]}"), 403, "owners");
        assertError(app.put("/v1/orgs/" + org + "/teams/" + t + "/members", alice,
                "{\"memberships\":{\"bob\":{\"role\":\"captain\"}}}"), 400, "team role");
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + t + "/members/carol", alice, "{\"role\":\"owner\"}"), 204);
        assertThat(members(t)).containsExactly("bob:owner", "carol:owner");
        assertThat(app.delete("/v1/orgs/" + org + "/teams/" + t + "/members/carol", bob).status()).isEqualTo(205);
        assertThat(app.delete("/v1/orgs/" + org + "/teams/" + t + "/members/carol", bob).status()).isEqualTo(204);
    }

    @Test
    void addingSomeoneOutsideTheOrganizationByEmailMakesThemAGuest() {
        app.user("zed");
        String t = app.team(org, alice, "Writers");
        // By id, someone outside the organization is answered as an id that does not exist.
        assertError(app.put("/v1/orgs/" + org + "/teams/" + t + "/members/zed", alice, null), 400, "no user with id 'zed'");
        assertError(app.put("/v1/orgs/" + org + "/teams/" + t + "/members/ghost", alice, null), 400, "no user with id 'ghost'");
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + t + "/members", alice, "{\"add\":[\"zed@example.com\"]}"), 204);
        assertThat(app.get("/v1/orgs/" + org + "/members/zed", alice).json().get("role").isNull()).isTrue();
        assertThat(members(t)).containsExactly("zed:member");
        // A member now, a guest is named by id like anyone else of the organization.
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + t + "/members/zed", alice, "{\"role\":\"owner\"}"), 204);
        assertThat(members(t)).containsExactly("zed:owner");
    }

    @Test
    void deletingATeamRemovesItsGrants() {
        String t = app.team(org, alice, "Writers", "bob");
        String s = app.space(org, alice, "{\"title\":\"S\",\"defaultLevel\":null}");
        app.ok(app.patch("/v1/spaces/" + s, alice, "{\"defaultLevel\":null}"), 200);
        app.ok(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"edit\",\"teams\":[\"" + t + "\"]}"), 204);
        assertThat(app.get("/v1/orgs/" + org + "/teams/" + t, alice).json().get("spaces").asInt()).isEqualTo(1);
        assertThat(app.get("/v1/spaces/" + s, bob).status()).isEqualTo(200);
        assertThat(app.delete("/v1/orgs/" + org + "/teams/" + t, alice).status()).isEqualTo(205);
        assertError(app.get("/v1/spaces/" + s, bob), 404, "no space");
        assertThat(app.get("/v1/spaces/" + s + "/permissions/teams", alice).json().get("items")).isEmpty();
        assertError(app.get("/v1/orgs/" + org + "/teams/" + t, alice), 404, "no team");
    }

    @Test
    void teamsListAndRename() {
        String w = app.team(org, alice, "Writers", "bob");
        app.team(org, alice, "Support");
        assertThat(app.get("/v1/orgs/" + org + "/teams?title=writ", bob).json().get("items"))
                .extracting(i -> i.get("id").asText()).containsExactly(w);
        assertThat(app.ok(app.patch("/v1/orgs/" + org + "/teams/" + w, alice, "{\"title\":\"Authors\"}"), 200)
                .get("title").asText()).isEqualTo("Authors");
        assertError(app.patch("/v1/orgs/" + org + "/teams/" + w, carol, "{\"title\":\"Mine\"}"), 403, "owners");
    }
}
