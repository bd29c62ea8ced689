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

/**
 * The probes of finding 7, one by one: an admin of alpha naming a user of bravo by id, in grants, teams,
 * checks, explanations and member endpoints, is answered exactly as for an id that exists nowhere, and
 * pulls nobody over. By email an outsider is still invited, and the system token may name anyone.
 */
class CrossTenantProbeTest {
    private static final String NOBODY = "nobody-at-all";

    @TempDir
    Path dir;
    TestApp app;
    Tenant alpha;
    Tenant bravo;
    String admin;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alpha = Tenant.build(app, "alpha");
        bravo = Tenant.build(app, "bravo");
        admin = alpha.tokens.get("admin");
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void namingAnotherTenantsUserByIdAnswersAsAnIdThatDoesNotExist() {
        String org = alpha.org;
        String space = "/v1/spaces/" + alpha.ids.get("spaceId");
        String team = "/v1/orgs/" + org + "/teams/" + alpha.ids.get("teamId");
        List<String[]> probes = new ArrayList<>();
        for (String r : List.of("/v1/collections/" + alpha.ids.get("collectionId"), space,
                "/v1/orgs/" + org + "/sites/" + alpha.ids.get("siteId"), space + "/pages/" + alpha.ids.get("pageId"))) {
            probes.add(new String[] {"POST", r + "/permissions", "{\"role\":\"read\",\"users\":[\"%s\"]}"});
            probes.add(new String[] {"PATCH", r + "/permissions/users/%s", "{\"role\":\"read\"}"});
            probes.add(new String[] {"DELETE", r + "/permissions/users/%s", null});
            probes.add(new String[] {"GET", r + "/permissions/users/%s/explain", null});
        }
        probes.add(new String[] {"PUT", "/v1/orgs/" + org + "/teams", "{\"title\":\"Probe\",\"members\":[\"%s\"]}"});
        probes.add(new String[] {"PUT", team + "/members", "{\"add\":[\"%s\"]}"});
        probes.add(new String[] {"PUT", team + "/members", "{\"memberships\":{\"%s\":{\"role\":\"owner\"}}}"});
        probes.add(new String[] {"PUT", team + "/members/%s", "{\"role\":\"member\"}"});
        probes.add(new String[] {"DELETE", team + "/members/%s", null});
        probes.add(new String[] {"POST", "/v1/permissions/check", "{\"items\":[{\"user\":\"%s\",\"resource\":"
                + "{\"type\":\"space\",\"id\":\"" + alpha.ids.get("spaceId") + "\"}}]}"});
        for (String m : List.of("", "/spaces", "/teams")) {
            probes.add(new String[] {"GET", "/v1/orgs/" + org + "/members/%s" + m, null});
        }
        probes.add(new String[] {"PATCH", "/v1/orgs/" + org + "/members/%s", "{\"role\":\"read\"}"});
        probes.add(new String[] {"DELETE", "/v1/orgs/" + org + "/members/%s", null});
        probes.add(new String[] {"GET", "/v1/users/%s", null});
        probes.add(new String[] {"GET", "/v1/orgs/" + org + "/teams?owner=%s", null});

        // Bravo's admin, a guest, a disabled member, and an invited email without an account yet.
        for (String id : List.of(bravo.userId("admin"), bravo.userId("guest"), bravo.userId("disabled"), bravo.invitee)) {
            for (String[] p : probes) {
                TestApp.Res foreign = probe(p, id);
                TestApp.Res unknown = probe(p, NOBODY);
                assertThat(foreign.status()).as(p[0] + " " + p[1] + ": " + foreign).isEqualTo(unknown.status());
                assertThat(foreign.text().replace(id, "<id>")).as(p[0] + " " + p[1])
                        .isEqualTo(unknown.text().replace(NOBODY, "<id>"));
            }
            assertError(probe(probes.get(0), id), 400, "no user with id '" + id + "'");
            assertError(app.get("/v1/orgs/" + org + "/members/" + id, TestApp.SYSTEM), 404, "no member");
        }
        for (String list : List.of("/members", "/audit-log")) {
            assertThat(bravo.leakIn(app.ok(app.get("/v1/orgs/" + org + list, admin), 200).toString())).isNull();
        }
    }

    @Test
    void anOutsiderIsStillInvitedByEmail() {
        app.ok(app.post("/v1/spaces/" + alpha.ids.get("spaceId") + "/permissions", admin,
                "{\"role\":\"read\",\"users\":[\"" + bravo.email("admin") + "\"]}"), 204);
        JsonNode member = app.ok(app.get("/v1/orgs/" + alpha.org + "/members/" + bravo.userId("admin"), admin), 200);
        assertThat(member.get("role").isNull()).as("a guest").isTrue();
        // Now a member of alpha, they are named by id like any other member.
        app.ok(app.patch("/v1/spaces/" + alpha.ids.get("spaceId") + "/permissions/users/" + bravo.userId("admin"), admin,
                "{\"role\":\"edit\"}"), 204);
    }

    @Test
    void theSystemTokenMayNameAnyUserById() {
        app.ok(app.post("/v1/spaces/" + alpha.ids.get("spaceId") + "/permissions", TestApp.SYSTEM,
                "{\"role\":\"read\",\"users\":[\"" + bravo.userId("read") + "\"]}"), 204);
        JsonNode member = app.ok(app.get("/v1/orgs/" + alpha.org + "/members/" + bravo.userId("read"), admin), 200);
        assertThat(member.get("role").isNull()).as("a guest").isTrue();
        app.ok(app.put("/v1/orgs/" + alpha.org + "/teams/" + alpha.ids.get("teamId") + "/members/" + bravo.userId("edit"),
                TestApp.SYSTEM, "{}"), 204);
        assertError(app.post("/v1/spaces/" + alpha.ids.get("spaceId") + "/permissions", TestApp.SYSTEM,
                "{\"role\":\"read\",\"users\":[\"" + NOBODY + "\"]}"), 400, "no user with id '" + NOBODY + "'");
    }

    /** A person in both organizations: filtering alpha's site by bravo's team must not tell that they are in it. */
    @Test
    void anotherTenantsTeamFiltersLikeATeamThatDoesNotExist() {
        app.ok(app.post("/v1/orgs/" + alpha.org + "/invites", admin, "{\"emails\":[{\"email\":\"" + bravo.email("edit")
                + "\",\"role\":\"read\"}]}"), 200);
        String aggregate = "/v1/orgs/" + alpha.org + "/sites/" + alpha.ids.get("siteId") + "/permissions/aggregate?team=";
        TestApp.Res foreign = app.get(aggregate + bravo.ids.get("teamId"), admin);
        TestApp.Res unknown = app.get(aggregate + NOBODY, admin);
        assertThat(foreign.status()).isEqualTo(unknown.status());
        assertThat(foreign.json().get("items")).as(foreign.toString()).isEqualTo(unknown.json().get("items"));
    }

    private TestApp.Res probe(String[] p, String userId) {
        return app.call(p[0], p[1].replace("%s", userId), admin, p[2] == null ? null : p[2].replace("%s", userId));
    }
}
