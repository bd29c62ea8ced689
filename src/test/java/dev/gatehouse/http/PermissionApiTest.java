package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission endpoints, on the model's worked example: Org O with alice admin, bob edit, carol read,
 * dave guest; team T = {bob, carol}; collection C (inherit) with T -> comment; space S in C (inherit)
 * with carol -> edit; space S2 in C with defaultLevel read.
 */
class PermissionApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String carol;
    String dave;
    String org;
    String team;
    String c;
    String s;
    String s2;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        carol = app.user("carol");
        dave = app.user("dave");
        org = app.org("Org O", "alice");
        app.member(org, "bob", "\"edit\"");
        app.member(org, "carol", "\"read\"");
        app.member(org, "dave", "null");
        team = app.team(org, alice, "T", "bob", "carol");
        c = app.collection(org, alice, "{\"title\":\"C\"}");
        s = app.space(org, alice, "{\"title\":\"S\",\"parent\":\"" + c + "\"}");
        s2 = app.space(org, alice, "{\"title\":\"S2\",\"parent\":\"" + c + "\"}");
        app.ok(app.patch("/v1/spaces/" + s2, alice, "{\"defaultLevel\":\"read\"}"), 200);
        app.ok(app.post("/v1/collections/" + c + "/permissions", alice, "{\"role\":\"comment\",\"teams\":[\"" + team + "\"]}"), 204);
        app.ok(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"carol\"]}"), 204);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private Map<String, String> aggregate(String path, String token) {
        Map<String, String> out = new LinkedHashMap<>();
        app.ok(app.get(path, token), 200).get("items")
                .forEach(i -> out.put(i.get("user").get("id").asText(), i.get("permission").asText()));
        return out;
    }

    @Test
    void theWorkedExampleThroughTheApi() {
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate", alice))
                .containsExactly(Map.entry("alice", "admin"), Map.entry("bob", "comment"), Map.entry("carol", "edit"));
        assertThat(aggregate("/v1/spaces/" + s2 + "/permissions/aggregate", alice))
                .containsExactly(Map.entry("alice", "admin"), Map.entry("bob", "read"), Map.entry("carol", "read"));
        assertThat(aggregate("/v1/collections/" + c + "/permissions/aggregate", alice))
                .containsExactly(Map.entry("alice", "admin"), Map.entry("bob", "comment"), Map.entry("carol", "comment"));
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate?role=edit", alice))
                .containsExactly(Map.entry("carol", "edit"));
        assertError(app.get("/v1/spaces/" + s, dave), 404, "no space");
    }

    @Test
    void spaceFlagsFollowTheCallersPermission() {
        JsonNode asBob = app.ok(app.get("/v1/spaces/" + s, bob), 200).get("permissions");
        assertThat(asBob.get("view").asBoolean()).isTrue();
        assertThat(asBob.get("comment").asBoolean()).isTrue();
        assertThat(asBob.get("edit").asBoolean()).isFalse();
        JsonNode asCarol = app.ok(app.get("/v1/spaces/" + s, carol), 200).get("permissions");
        assertThat(asCarol.get("edit").asBoolean()).isTrue();
        assertThat(asCarol.get("review").asBoolean()).isFalse();
        assertThat(asCarol.get("admin").asBoolean()).isFalse();
    }

    @Test
    void directListsShowOnlyDirectGrantsAndLeaveOutNoAccessGrants() {
        app.ok(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":null,\"users\":[\"bob\"]}"), 204);
        JsonNode users = app.ok(app.get("/v1/spaces/" + s + "/permissions/users", alice), 200);
        assertThat(users.get("items")).extracting(i -> i.get("user").get("id").asText()).containsExactly("carol");
        JsonNode all = app.ok(app.get("/v1/spaces/" + s + "/permissions/users?includeNoAccess=true", alice), 200);
        assertThat(all.get("items")).extracting(i -> i.get("user").get("id").asText()).containsExactly("bob", "carol");
        assertThat(all.get("items").get(0).get("permission").isNull()).isTrue();
        assertThat(app.ok(app.get("/v1/spaces/" + s + "/permissions/teams", alice), 200).get("items")).isEmpty();
        JsonNode teams = app.ok(app.get("/v1/collections/" + c + "/permissions/teams", bob), 200);
        assertThat(teams.get("items").get(0).get("team").get("id").asText()).isEqualTo(team);
        assertThat(teams.get("items").get(0).get("team").get("members").asInt()).isEqualTo(2);
        assertThat(teams.get("items").get(0).get("permission").asText()).isEqualTo("comment");
        // bob's null grant is nearer than the team's comment: he loses S.
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate", alice)).doesNotContainKey("bob");
    }

    @Test
    void onlyAdminsOfTheResourceChangeGrants() {
        assertError(app.post("/v1/spaces/" + s + "/permissions", carol, "{\"role\":\"read\",\"users\":[\"dave\"]}"), 403,
                "admin permission");
        assertError(app.patch("/v1/spaces/" + s + "/permissions/users/carol", bob, "{\"role\":\"admin\"}"), 403,
                "admin permission");
        assertError(app.get("/v1/spaces/" + s + "/permissions/users", dave), 404, "no space");
        app.ok(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"admin\",\"users\":[\"bob\"]}"), 204);
        app.ok(app.patch("/v1/spaces/" + s + "/permissions/users/dave", bob, "{\"role\":\"read\"}"), 204);
        assertThat(app.get("/v1/spaces/" + s, dave).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUserIsA404ForPatchAndDeleteAlike() {
        for (String user : new String[] {"nobody", "outsider"}) {
            if (user.equals("outsider")) {
                // A user of no organization of alice's answers exactly like one that does not exist.
                app.user("outsider");
            }
            String path = "/v1/spaces/" + s + "/permissions/users/" + user;
            assertError(app.patch(path, alice, "{\"role\":\"read\"}"), 404, "no user with id '" + user + "'");
            assertError(app.delete(path, alice), 404, "no user with id '" + user + "'");
        }
        // Naming an unknown user in a list of recipients stays a 400 that says which entry is wrong.
        assertError(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"nobody\"]}"),
                400, "no user with id 'nobody'");
        // Not an admin of the resource: still 403 first, whoever is named.
        assertError(app.delete("/v1/spaces/" + s + "/permissions/users/nobody", carol), 403, "admin permission");
    }

    @Test
    void patchAndDeleteOfGrantsAnswerGitBooksStatuses() {
        app.ok(app.patch("/v1/spaces/" + s + "/permissions/users/carol", alice, "{\"role\":\"review\"}"), 204);
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate", alice)).containsEntry("carol", "review");
        app.ok(app.patch("/v1/collections/" + c + "/permissions/teams/" + team, alice, "{\"role\":\"read\"}"), 204);
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate", alice)).containsEntry("bob", "read");
        assertThat(app.delete("/v1/spaces/" + s + "/permissions/users/carol", alice).status()).isEqualTo(205);
        assertThat(app.delete("/v1/spaces/" + s + "/permissions/users/carol", alice).status()).isEqualTo(204);
        assertThat(app.delete("/v1/collections/" + c + "/permissions/teams/" + team, alice).status()).isEqualTo(205);
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate", alice))
                .containsExactly(Map.entry("alice", "admin"), Map.entry("bob", "edit"), Map.entry("carol", "read"));
    }

    @Test
    void badGrantRequestsAre400AndChangeNothing() {
        long before = app.revision();
        assertError(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"Edit\",\"users\":[\"bob\"]}"), 400,
                "not a role");
        assertError(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"users\":[\"bob\"]}"), 400, "'role' is required");
        assertError(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"read\"}"), 400, "at least one");
        assertError(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"bob\",\"ghost\"]}"),
                400, "no user with id 'ghost'");
        assertError(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"read\",\"teams\":[\"nope\"]}"), 400,
                "no team");
        assertError(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"read\",\"users\":\"bob\"}"), 400,
                "array");
        assertError(app.patch("/v1/spaces/" + s + "/permissions/users/carol", alice, "{}"), 400, "'role' is required");
        assertThat(app.revision()).isEqualTo(before);
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate", alice)).containsEntry("bob", "comment");
    }

    @Test
    void grantingToANonMemberMakesThemAGuest() {
        app.user("erin");
        app.ok(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"erin@example.com\"]}"), 204);
        JsonNode member = app.ok(app.get("/v1/orgs/" + org + "/members/erin", alice), 200);
        assertThat(member.get("role").isNull()).isTrue();
        assertThat(aggregate("/v1/spaces/" + s + "/permissions/aggregate", alice)).containsEntry("erin", "read");
        assertThat(aggregate("/v1/spaces/" + s2 + "/permissions/aggregate", alice)).doesNotContainKey("erin");
    }

    @Test
    void aggregatePagesVisitEveryMemberOnce() {
        StringBuilder emails = new StringBuilder();
        for (int i = 0; i < 1203; i++) {
            emails.append(emails.length() == 0 ? "" : ",").append("\"p").append(String.format("%04d", i)).append("@example.com\"");
            if (i % 1000 == 999 || i == 1202) {
                app.ok(app.post("/v1/orgs/" + org + "/invites", alice, "{\"emails\":[" + emails + "],\"role\":\"read\"}"), 200);
                emails.setLength(0);
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        int pages = 0;
        String page = null;
        String previous = "";
        do {
            JsonNode body = app.ok(app.get("/v1/spaces/" + s2 + "/permissions/aggregate?limit=1000"
                    + (page == null ? "" : "&page=" + page), alice), 200);
            for (JsonNode i : body.get("items")) {
                String id = i.get("user").get("id").asText();
                assertThat(id).isGreaterThan(previous);
                previous = id;
                assertThat(seen.add(id)).isTrue();
            }
            page = body.has("next") ? body.get("next").get("page").asText() : null;
            pages++;
        } while (page != null);
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(1203 + 3);
    }

    @Test
    void siteAggregateShowsWhereEachPermissionComesFrom() {
        String site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\",\"spaces\":[\"" + s + "\"]}"),
                201).get("id").asText();
        app.ok(app.post("/v1/orgs/" + org + "/sites/" + site + "/permissions", alice,
                "{\"role\":\"read\",\"users\":[\"dave\"]}"), 204);
        app.ok(app.patch("/v1/orgs/" + org + "/sites/" + site, alice, "{\"defaultLevel\":null}"), 200);
        JsonNode items = app.ok(app.get("/v1/orgs/" + org + "/sites/" + site + "/permissions/aggregate", alice), 200)
                .get("items");
        Map<String, String> origins = new LinkedHashMap<>();
        items.forEach(i -> origins.put(i.get("user").get("id").asText(),
                i.get("permission").asText() + " " + i.get("origin").get("type").asText()));
        assertThat(origins).containsExactly(Map.entry("alice", "admin organization"), Map.entry("bob", "comment space"),
                Map.entry("carol", "edit space"), Map.entry("dave", "read site"));
        assertThat(items.get(3).get("origin").get("reason").asText()).isEqualTo("member");
        assertThat(items.get(1).get("origin").get("space").asText()).isEqualTo(s);
        assertError(app.get("/v1/orgs/" + org + "/sites/" + site + "/permissions/aggregate", carol), 404, "no site");
    }
}
