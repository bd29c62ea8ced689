package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String org;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        app.user("bob");
        org = app.org("Acme", "alice");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private List<JsonNode> entries(String query) {
        List<JsonNode> out = new ArrayList<>();
        app.ok(app.get("/v1/orgs/" + org + "/audit-log" + query, alice), 200).get("items").forEach(out::add);
        return out;
    }

    private static String line(JsonNode e) {
        return e.get("action").asText() + " " + e.get("resource").get("type").asText()
                + (e.get("subject").isNull() ? "" : " " + e.get("subject").get("id").asText())
                + " " + e.get("before").asText("-") + "->" + e.get("after").asText("-");
    }

    @Test
    void everyChangeToMembersGrantsDefaultsAndResourcesIsRecordedWithItsActor() {
        app.member(org, "bob", "\"read\"");
        String space = app.space(org, alice, "{\"title\":\"Guides\"}");
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"edit\"}"), 204);
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":null}"), 204);
        app.ok(app.patch("/v1/spaces/" + space, alice, "{\"defaultLevel\":\"comment\"}"), 200);
        String team = app.team(org, alice, "Writers", "bob");
        app.ok(app.delete("/v1/orgs/" + org + "/members/bob", alice), 205);

        List<String> lines = entries("").stream().map(AuditLogTest::line).toList();
        assertThat(lines).containsSubsequence(
                "organization.created organization -" + "->read",
                "member.added organization alice -" + "->admin",
                "member.added organization bob -" + "->read",
                "space.created space -" + "->inherit",
                "grant.created space bob -" + "->edit",
                "grant.updated space bob edit->none",
                "space.default_changed space inherit->comment",
                "team.created team -" + "->-",
                "team.member_added team bob -" + "->member",
                "team.member_removed team bob member->-",
                "member.removed organization bob read->-");
        JsonNode grant = entries("").stream().filter(e -> e.get("action").asText().equals("grant.created"))
                .findFirst().orElseThrow();
        assertThat(grant.get("actor").get("id").asText()).isEqualTo("alice");
        assertThat(grant.get("resource").get("id").asText()).isEqualTo(space);
        assertThat(entries("").get(0).get("actor").get("type").asText()).isEqualTo("system");
    }

    @Test
    void theLogPagesByPositionAndResumesAfterARevision() {
        for (int i = 0; i < 5; i++) {
            app.space(org, alice, "{\"title\":\"S" + i + "\"}");
        }
        List<JsonNode> all = entries("");
        JsonNode first = app.ok(app.get("/v1/orgs/" + org + "/audit-log?limit=2", alice), 200);
        assertThat(first.get("items")).hasSize(2);
        String next = first.get("next").get("after").asText();
        assertThat(next).isEqualTo(all.get(1).get("position").asText());
        List<JsonNode> rest = entries("?after=" + next);
        assertThat(rest).hasSize(all.size() - 2);
        assertThat(rest.get(0)).isEqualTo(all.get(2));
        long lastRevision = all.get(all.size() - 1).get("revision").asLong();
        assertThat(entries("?after=" + lastRevision)).isEmpty();
        assertThat(entries("?after=" + (lastRevision - 1))).hasSize(1);
    }

    @Test
    void onlyAdminsReadTheLogAndBadPositionsAreRefused() {
        app.member(org, "bob", "\"edit\"");
        String bob = app.token("bob");
        TestApp.Res r = app.get("/v1/orgs/" + org + "/audit-log", bob);
        assertThat(r.status()).isEqualTo(403);
        assertThat(app.get("/v1/orgs/" + org + "/audit-log", app.user("carol")).status()).isEqualTo(404);
        for (String bad : List.of("x", "1.", "-1", "1.2.3", "99999999999999999999")) {
            TestApp.Res res = app.get("/v1/orgs/" + org + "/audit-log?after=" + bad, alice);
            assertThat(res.status()).as(bad).isEqualTo(400);
            assertThat(res.json().get("error").get("message").asText()).contains("after");
        }
    }

    @Test
    void aRefusedWriteLeavesNoEntry() {
        int before = entries("").size();
        assertThat(app.patch("/v1/orgs/" + org + "/members/bob", alice, "{\"role\":\"edit\"}").status()).isEqualTo(404);
        assertThat(app.post("/v1/orgs/" + org + "/spaces", alice, "{\"title\":\"\"}").status()).isEqualTo(400);
        assertThat(entries("")).hasSize(before);
    }
}
