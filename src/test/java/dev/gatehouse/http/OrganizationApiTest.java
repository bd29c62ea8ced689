package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organizations, members, invites and the last-admin rule. */
class OrganizationApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String org;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"edit\"");
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void anOrganizationHasGitBooksShapeAndTheCallersFlags() {
        JsonNode o = app.ok(app.get("/v1/orgs/" + org, bob), 200);
        assertThat(o.get("object").asText()).isEqualTo("organization");
        assertThat(o.get("title").asText()).isEqualTo("Acme");
        for (String f : List.of("id", "plan", "createdAt", "inviteLinks", "type", "emailDomains", "mergeRules", "urls",
                "trial", "permissions")) {
            assertThat(o.has(f)).as(f).isTrue();
        }
        assertThat(o.get("urls").get("location").asText()).endsWith("/v1/orgs/" + org);
        assertThat(o.get("permissions").get("admin").asBoolean()).isFalse();
        assertThat(o.get("permissions").get("createContent").asBoolean()).isFalse();
        assertThat(app.get("/v1/orgs/" + org, alice).json().get("permissions").get("admin").asBoolean()).isTrue();
    }

    @Test
    void aTokenOfOneOrganizationSeesNothingOfAnother() {
        String carol = app.user("carol");
        String other = app.org("Other", "carol");
        String space = app.space(other, carol, "{\"title\":\"Private\"}");
        TestApp.Res viaOther = app.get("/v1/orgs/" + other, alice);
        TestApp.Res missing = app.get("/v1/orgs/nope", alice);
        assertError(viaOther, 404, "no organization");
        assertThat(viaOther.json().get("error").get("message").asText().replace(other, "X"))
                .isEqualTo(missing.json().get("error").get("message").asText().replace("nope", "X"));
        assertError(app.get("/v1/spaces/" + space, alice), 404, "no space");
        assertError(app.get("/v1/spaces/" + space + "/permissions/aggregate", alice), 404, "no space");
        assertError(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"alice\"]}"),
                404, "no space");
        assertThat(app.ok(app.get("/v1/orgs", alice), 200).get("items")).extracting(n -> n.get("id").asText())
                .containsExactly(org);
        assertThat(app.get("/v1/users/carol", alice).status()).isEqualTo(404);
        assertThat(app.get("/v1/users/bob", alice).status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsChangeTheOrganization() {
        assertError(app.patch("/v1/orgs/" + org, bob, "{\"title\":\"Mine\"}"), 403, "admins");
        JsonNode changed = app.ok(app.patch("/v1/orgs/" + org, alice, "{\"title\":\"Acme Docs\",\"defaultRole\":null}"), 200);
        assertThat(changed.get("title").asText()).isEqualTo("Acme Docs");
        assertThat(changed.get("defaultRole").isNull()).isTrue();
        assertError(app.patch("/v1/orgs/" + org, alice, "{\"defaultRole\":\"Admin\"}"), 400, "not a role");
        assertError(app.patch("/v1/orgs/" + org, alice, "{\"title\":\"x\"}"), 400, "'title'");
    }

    @Test
    void theLastAdminCannotBeDemotedDisabledOrRemoved() {
        assertError(app.patch("/v1/orgs/" + org + "/members/alice", alice, "{\"role\":\"edit\"}"), 409, "last admin");
        assertError(app.patch("/v1/orgs/" + org + "/members/alice", alice, "{\"disabled\":true}"), 409, "last admin");
        assertError(app.delete("/v1/orgs/" + org + "/members/alice", alice), 409, "last admin");
        assertError(app.delete("/v1/users/alice", TestApp.SYSTEM), 409, "last admin");
        assertThat(app.get("/v1/orgs/" + org + "/members/alice", alice).json().get("role").asText()).isEqualTo("admin");

        app.ok(app.patch("/v1/orgs/" + org + "/members/bob", alice, "{\"role\":\"admin\"}"), 200);
        app.ok(app.patch("/v1/orgs/" + org + "/members/alice", alice, "{\"role\":\"read\"}"), 200);
        assertError(app.patch("/v1/orgs/" + org + "/members/bob", bob, "{\"role\":null}"), 409, "last admin");
    }

    @Test
    void removingAMemberTakesTheirGrantsAndTeamPlacesWithThem() {
        String space = app.space(org, alice, "{\"title\":\"Docs\"}");
        String team = app.team(org, alice, "Writers", "bob");
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"admin\",\"users\":[\"bob\"]}"), 204);
        assertThat(app.delete("/v1/orgs/" + org + "/members/bob", alice).status()).isEqualTo(205);
        assertThat(app.delete("/v1/orgs/" + org + "/members/bob", alice).status()).isEqualTo(204);
        assertThat(app.get("/v1/spaces/" + space + "/permissions/users", alice).json().get("items")).isEmpty();
        assertThat(app.get("/v1/orgs/" + org + "/teams/" + team + "/members", alice).json().get("items")).isEmpty();
        assertError(app.get("/v1/orgs/" + org, bob), 404, "no organization");
    }

    @Test
    void membersListFiltersAndPagesInJoinOrder() {
        List<String> ids = new ArrayList<>(List.of("alice", "bob"));
        for (int i = 0; i < 5; i++) {
            String id = "m" + i;
            app.user(id);
            app.member(org, id, i == 0 ? "null" : "\"read\"");
            ids.add(id);
        }
        List<String> seen = new ArrayList<>();
        String page = null;
        do {
            JsonNode body = app.ok(app.get("/v1/orgs/" + org + "/members?order=asc&limit=2"
                    + (page == null ? "" : "&page=" + page), alice), 200);
            body.get("items").forEach(m -> seen.add(m.get("id").asText()));
            page = body.has("next") ? body.get("next").get("page").asText() : null;
        } while (page != null);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(app.get("/v1/orgs/" + org + "/members", alice).json().get("items").get(0).get("id").asText())
                .isEqualTo("m4");
        assertThat(app.get("/v1/orgs/" + org + "/members?role=guest", alice).json().get("items"))
                .extracting(m -> m.get("id").asText()).containsExactly("m0");
        assertThat(app.get("/v1/orgs/" + org + "/members?role=edit", alice).json().get("items"))
                .extracting(m -> m.get("id").asText()).containsExactly("bob");
        assertThat(app.get("/v1/orgs/" + org + "/members?search=M3", alice).json().get("items"))
                .extracting(m -> m.get("id").asText()).containsExactly("m3");
        assertError(app.get("/v1/orgs/" + org + "/members?role=owner", alice), 400, "not a role");
        String guest = app.token("m0");
        assertError(app.get("/v1/orgs/" + org + "/members", guest), 403, "guests");
    }

    @Test
    void invitesAddKnownUsersAtOnceAndInviteUnknownEmails() {
        app.user("carol");
        JsonNode r = app.ok(app.post("/v1/orgs/" + org + "/invites", alice,
                "{\"emails\":[\"  Carol@Example.com \", {\"email\":\"new@example.com\",\"role\":\"edit\"}, \"bob@example.com\"],"
                        + "\"role\":\"comment\"}"), 200);
        assertThat(r.get("invited").asInt()).isEqualTo(1);
        assertThat(r.get("users").get(0).asText()).isEqualTo("carol");
        assertThat(r.get("users").get(2).asText()).isEqualTo("bob");
        String newId = r.get("users").get(1).asText();
        assertThat(app.get("/v1/orgs/" + org + "/members/carol", alice).json().get("role").asText()).isEqualTo("comment");
        assertThat(app.get("/v1/orgs/" + org + "/members/" + newId, alice).json().get("role").asText()).isEqualTo("edit");
        assertThat(app.get("/v1/orgs/" + org + "/members/bob", alice).json().get("role").asText()).isEqualTo("edit");
    }

    @Test
    void badInvitesAreRefusedWholeAndNameTheBadEntry() {
        long before = app.revision();
        assertError(app.post("/v1/orgs/" + org + "/invites", alice,
                "{\"emails\":[\"ok@example.com\", \"not an email\"]}"), 400, "'not an email'");
        StringBuilder many = new StringBuilder("{\"emails\":[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("\"u").append(i).append("@example.com\"");
        }
        assertError(app.post("/v1/orgs/" + org + "/invites", alice, many + "]}"), 400, "at most 1000");
        assertError(app.post("/v1/orgs/" + org + "/invites", alice, "{\"emails\":[]}"), 400, "empty");
        assertError(app.post("/v1/orgs/" + org + "/invites", bob, "{\"emails\":[\"z@example.com\"]}"), 403, "admins");
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void memberSpacesAndTeamsAreForTheMemberAndAdmins() {
        String carol = app.user("carol");
        app.member(org, "carol", "\"read\"");
        String s1 = app.space(org, alice, "{\"title\":\"One\"}");
        String s2 = app.space(org, alice, "{\"title\":\"Two\"}");
        JsonNode spaces = app.ok(app.get("/v1/orgs/" + org + "/members/bob/spaces", bob), 200);
        assertThat(spaces.get("items")).extracting(i -> i.get("space").get("id").asText()).containsExactly(s2, s1);
        assertThat(spaces.get("items")).extracting(i -> i.get("permission").asText()).containsOnly("edit");
        JsonNode asAdmin = app.ok(app.get("/v1/orgs/" + org + "/members/bob/spaces?order=asc", alice), 200).get("items");
        assertThat(asAdmin).extracting(i -> i.get("space").get("id").asText()).containsExactly(s1, s2);
        // The permission is bob's; the space's flags are the caller's, as everywhere in GitBook's API.
        assertThat(asAdmin.get(0).get("permission").asText()).isEqualTo("edit");
        assertThat(asAdmin.get(0).get("space").get("permissions").get("admin").asBoolean()).isTrue();
        assertThat(spaces.get("items").get(0).get("space").get("permissions").get("admin").asBoolean()).isFalse();
        assertError(app.get("/v1/orgs/" + org + "/members/bob/spaces", carol), 403, "themselves");
        String team = app.team(org, alice, "Writers", "bob");
        JsonNode teams = app.ok(app.get("/v1/orgs/" + org + "/members/bob/teams", bob), 200);
        assertThat(teams.get("items").get(0).get("team").get("id").asText()).isEqualTo(team);
        assertThat(teams.get("items").get(0).get("member").get("role").asText()).isEqualTo("member");
    }
}
