package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.engine.Permissions;
import dev.gatehouse.model.ResourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check and explain endpoints, on the model's worked example. */
class CheckAndExplainTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String carol;
    String org;
    String team;
    String c;
    String s;
    String p;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        app.user("bob");
        carol = app.user("carol");
        app.user("dave");
        org = app.org("Org O", "alice");
        app.member(org, "bob", "\"edit\"");
        app.member(org, "carol", "\"read\"");
        app.member(org, "dave", "null");
        team = app.team(org, alice, "T", "bob", "carol");
        c = app.collection(org, alice, "{\"title\":\"C\"}");
        s = app.space(org, alice, "{\"title\":\"S\",\"parent\":\"" + c + "\"}");
        app.ok(app.post("/v1/collections/" + c + "/permissions", alice, "{\"role\":\"comment\",\"teams\":[\"" + team + "\"]}"), 204);
        app.ok(app.post("/v1/spaces/" + s + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"carol\"]}"), 204);
        p = app.ok(app.post("/v1/spaces/" + s + "/pages", alice, "{\"title\":\"P\",\"defaultLevel\":null}"), 201).get("id").asText();
        app.ok(app.post("/v1/spaces/" + s + "/pages/" + p + "/permissions", alice, "{\"role\":\"read\",\"users\":[\"dave\"]}"), 204);
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private String q(String user, String type, String id, String role) {
        return "{\"user\":\"" + user + "\",\"resource\":{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}"
                + (role == null ? "" : ",\"role\":\"" + role + "\"") + "}";
    }

    @Test
    void checkAnswersEveryQuestionInOrder() {
        JsonNode r = app.ok(app.post("/v1/permissions/check", alice, "{\"items\":[" + String.join(",",
                q("bob", "space", s, "comment"), q("bob", "space", s, "edit"), q("carol", "space", s, null),
                q("dave", "space", s, null), q("dave", "page", p, "read"), q("bob", "page", p, null),
                q("nobody", "collection", c, null)) + "]}"), 200);
        List<String> answers = new ArrayList<>();
        r.get("items").forEach(i -> answers.add((i.get("permission").isNull() ? "none" : i.get("permission").asText())
                + "/" + i.get("allowed").asBoolean()));
        assertThat(answers).containsExactly("comment/true", "comment/false", "edit/true", "none/false", "read/true",
                "none/false", "none/false");
    }

    @Test
    void checkRefusesBadQuestionsAndResourcesTheCallerCannotSee() {
        assertError(app.post("/v1/permissions/check", alice, "{\"items\":[]}"), 400, "empty");
        assertError(app.post("/v1/permissions/check", alice, "{\"items\":[" + q("bob", "folder", s, null) + "]}"), 400,
                "items[0].resource.type");
        assertError(app.post("/v1/permissions/check", alice, "{\"items\":[" + q("bob", "space", s, "Edit") + "]}"), 400,
                "items[0].role");
        String thousand = String.join(",", java.util.Collections.nCopies(1000, q("bob", "space", s, null)));
        assertError(app.post("/v1/permissions/check", alice, "{\"items\":[" + thousand + "," + q("bob", "space", s, null)
                + "]}"), 400, "at most 1000");
        assertThat(app.ok(app.post("/v1/permissions/check", alice, "{\"items\":[" + thousand + "]}"), 200).get("items"))
                .hasSize(1000);
        String dave = app.token("dave");
        assertError(app.post("/v1/permissions/check", dave, "{\"items\":[" + q("bob", "space", s, null) + "]}"), 404,
                "items[0]");
    }

    @Test
    void explainWalksTheLevelsAndEndsAtTheEffectivePermission() {
        JsonNode e = app.ok(app.get("/v1/spaces/" + s + "/permissions/users/bob/explain", alice), 200);
        assertThat(e.get("permission").asText()).isEqualTo("comment");
        List<String> steps = new ArrayList<>();
        e.get("steps").forEach(st -> steps.add(st.get("level").asText() + ":" + st.get("rule").asText()));
        assertThat(steps).containsExactly("space:inherit", "collection:team-grant");
        JsonNode last = e.get("steps").get(1);
        assertThat(last.get("team").asText()).isEqualTo(team);
        assertThat(last.get("decided").asBoolean()).isTrue();

        JsonNode onPage = app.ok(app.get("/v1/spaces/" + s + "/pages/" + p + "/permissions/users/carol/explain", alice), 200);
        assertThat(onPage.get("permission").isNull()).isTrue();
        assertThat(onPage.get("steps").get(0).get("rule").asText()).isEqualTo("default-none");
        // Someone who cannot see the page cannot ask about it, not even about themselves: ids leak nothing.
        assertError(app.get("/v1/spaces/" + s + "/pages/" + p + "/permissions/users/carol/explain", carol), 404,
                "no page");
    }

    @Test
    void explainAgreesWithTheEffectivePermissionForEveryone() {
        for (String user : List.of("alice", "bob", "carol", "dave", "zed")) {
            for (String path : List.of("/v1/spaces/" + s, "/v1/collections/" + c, "/v1/spaces/" + s + "/pages/" + p)) {
                JsonNode e = app.ok(app.get(path + "/permissions/users/" + user + "/explain", alice), 200);
                ResourceRef ref = path.contains("/pages/") ? ResourceRef.page(p)
                        : path.contains("collections") ? ResourceRef.collection(c) : ResourceRef.space(s);
                var expected = app.reads().read(w -> Permissions.effective(w, user, ref));
                assertThat(e.get("permission").isNull() ? null : e.get("permission").asText()).as(user + " " + path)
                        .isEqualTo(expected == null ? null : expected.wire());
            }
        }
    }

    @Test
    void theAggregateCanSayWhereEachPermissionComesFrom() {
        JsonNode items = app.ok(app.get("/v1/spaces/" + s + "/permissions/aggregate?explain=true", alice), 200).get("items");
        List<String> origins = new ArrayList<>();
        items.forEach(i -> origins.add(i.get("user").get("id").asText() + " " + i.get("origin").get("level").asText() + ":"
                + i.get("origin").get("rule").asText()));
        assertThat(origins).containsExactly("alice organization:admin", "bob collection:team-grant",
                "carol space:user-grant");
    }
}
