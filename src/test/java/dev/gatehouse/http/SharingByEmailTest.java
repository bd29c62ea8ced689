package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Giving access by email, to people who may not have an account yet. */
class SharingByEmailTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String org;
    String space;
    String page;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        org = app.org("Acme", "alice");
        space = app.space(org, alice, "{\"title\":\"Docs\"}");
        page = app.ok(app.post("/v1/spaces/" + space + "/pages", alice, "{\"title\":\"Roadmap\",\"defaultLevel\":null}"), 201)
                .get("id").asText();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private JsonNode pageAggregate() {
        return app.ok(app.get("/v1/spaces/" + space + "/pages/" + page + "/permissions/aggregate", alice), 200).get("items");
    }

    @Test
    void anInvitationIsClaimedWhenTheAccountIsCreatedWithTheSameEmail() {
        app.ok(app.post("/v1/spaces/" + space + "/pages/" + page + "/permissions", alice,
                "{\"role\":\"edit\",\"users\":[\" Grace@Example.COM \"]}"), 204);
        JsonNode invited = null;
        for (JsonNode i : pageAggregate()) {
            if (!i.get("user").get("id").asText().equals("alice")) {
                invited = i;
            }
        }
        assertThat(invited).isNotNull();
        String id = invited.get("user").get("id").asText();
        assertThat(invited.get("user").get("email").asText()).isEqualTo("grace@example.com");
        assertThat(invited.get("permission").asText()).isEqualTo("edit");
        assertThat(app.get("/v1/orgs/" + org + "/members/" + id, alice).json().get("role").isNull()).isTrue();

        JsonNode created = app.ok(app.post("/v1/users", TestApp.SYSTEM,
                "{\"displayName\":\"Grace Hopper\",\"email\":\"GRACE@example.com\"}"), 201);
        assertThat(created.get("id").asText()).isEqualTo(id);
        assertThat(created.get("displayName").asText()).isEqualTo("Grace Hopper");
        String grace = app.token(id);
        assertThat(app.ok(app.get("/v1/spaces/" + space + "/pages/" + page, grace), 200).get("permissions").get("edit")
                .asBoolean()).isTrue();
        assertError(app.post("/v1/users", TestApp.SYSTEM, "{\"displayName\":\"G\",\"email\":\"grace@example.com\"}"), 409,
                "already exists");
    }

    @Test
    void aClaimWithADifferentIdIsAConflict() {
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"hal@example.com\"]}"), 204);
        assertError(app.post("/v1/users", TestApp.SYSTEM, "{\"id\":\"hal\",\"displayName\":\"Hal\",\"email\":\"hal@example.com\"}"),
                409, "was invited as user");
    }

    @Test
    void teamsAndOrganizationInvitesTakeEmailsToo() {
        String team = app.team(org, alice, "Writers");
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + team + "/members", alice, "{\"add\":[\"ivy@example.com\"]}"), 204);
        JsonNode members = app.ok(app.get("/v1/orgs/" + org + "/teams/" + team + "/members", alice), 200).get("items");
        assertThat(members.get(0).get("organization").get("user").get("email").asText()).isEqualTo("ivy@example.com");
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + team + "/members", alice, "{\"remove\":[\"IVY@example.com\"]}"), 204);
        assertThat(app.get("/v1/orgs/" + org + "/teams/" + team + "/members", alice).json().get("items")).isEmpty();
    }

    /** Where docs/api.md says an email names a person, and where only a user id does. */
    @Test
    void emailsAreTakenWhereTheDocsSayAndOnlyIdsElsewhere() {
        String team = app.ok(app.put("/v1/orgs/" + org + "/teams", alice,
                "{\"title\":\"Editors\",\"members\":[\"Jo@Example.com\"]}"), 201).get("id").asText();
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + team + "/members", alice,
                "{\"memberships\":{\"kim@example.com\":{\"role\":\"owner\"}}}"), 204);
        Map<String, String> roles = new HashMap<>();
        app.ok(app.get("/v1/orgs/" + org + "/teams/" + team + "/members", alice), 200).get("items").forEach(m ->
                roles.put(m.get("organization").get("user").get("email").asText(), m.get("team").get("role").asText()));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of("jo@example.com", "member", "kim@example.com", "owner"));

        assertError(app.patch("/v1/spaces/" + space + "/permissions/users/jo@example.com", alice, "{\"role\":\"read\"}"),
                400, "is not a valid userId");
        assertError(app.put("/v1/orgs/" + org + "/teams/" + team + "/members/jo@example.com", alice, "{}"), 400,
                "is not a valid userId");
        assertError(app.get("/v1/orgs/" + org + "/members/jo@example.com", alice), 400, "is not a valid userId");
        assertError(app.post("/v1/permissions/check", alice, "{\"items\":[{\"user\":\"jo@example.com\","
                + "\"resource\":{\"type\":\"space\",\"id\":\"" + space + "\"}}]}"), 400, "'items[0].user' is not a user id");
    }

    @Test
    void aThousandRecipientsWorkAndOneMoreIsRefused() {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            users.append(i == 0 ? "" : ",").append("\"reader").append(i).append("@example.com\"");
        }
        app.ok(app.post("/v1/spaces/" + space + "/pages/" + page + "/permissions", alice,
                "{\"role\":\"read\",\"users\":[" + users + "]}"), 204);
        int count = 0;
        String next = null;
        do {
            JsonNode b = app.ok(app.get("/v1/spaces/" + space + "/pages/" + page + "/permissions/users?limit=1000"
                    + (next == null ? "" : "&page=" + next), alice), 200);
            count += b.get("items").size();
            next = b.has("next") ? b.get("next").get("page").asText() : null;
        } while (next != null);
        assertThat(count).isEqualTo(1000);
        assertError(app.post("/v1/spaces/" + space + "/pages/" + page + "/permissions", alice,
                "{\"role\":\"read\",\"users\":[" + users + ",\"one.more@example.com\"]}"), 400, "at most 1000");
    }

    @Test
    void malformedAndDuplicateEmailsAreRefusedNamingTheEntry() {
        long before = app.revision();
        assertError(app.post("/v1/spaces/" + space + "/permissions", alice,
                "{\"role\":\"read\",\"users\":[\"ok@example.com\",\"broken@\"]}"), 400, "'broken@'");
        assertError(app.post("/v1/spaces/" + space + "/permissions", alice,
                "{\"role\":\"read\",\"users\":[\"twice@example.com\",\"TWICE@example.com\"]}"), 400, "twice");
        assertError(app.post("/v1/spaces/" + space + "/permissions", alice,
                "{\"role\":\"read\",\"users\":[\"alice\",\"alice@example.com\"]}"), 400, "twice");
        assertError(app.post("/v1/orgs/" + org + "/invites", alice, "{\"emails\":[\"a b@example.com\"]}"), 400, "'a b@example.com'");
        assertThat(app.revision()).isEqualTo(before);
    }
}
